/**
 * End to end with a real editor: Debian's neovim (0.7.2, installed by .ci/run) runs headless as
 * the LSP client of the built server, applies source.fixAll.tl-lint and writes the file.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureText, fixtures, workspace } from './fixtures.js';
import { cliBin, ensureBuilt } from './spawned.js';

const hasNvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;

function runNvim(file: string) {
  const result = spawnSync('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${join(fixtures, 'nvim-client.lua')}`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 90_000,
    env: { ...process.env, TL_FILE: file, TL_CMD: JSON.stringify([process.execPath, cliBin, 'lsp', '--stdio']) },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Locally without neovim the test is skipped; in CI (.ci/run installs it) a missing nvim fails.
describe.skipIf(!hasNvim && !process.env.CI)('neovim as the client', () => {
  beforeAll(ensureBuilt, 300_000);

  it('is installed', () => {
    expect(hasNvim).toBe(true);
  });

  it('gets the diagnostics of an ARM template, applies fix all and writes the file', () => {
    const ws = workspace('vmss.json');
    const run = runNvim(ws.path('vmss.json'));
    expect(run).toEqual({
      code: 0,
      stdout:
        'diagnostic api-version-too-old 12:20 tl-lint\n' +
        'diagnostic security-type-not-trusted-launch 28:28 tl-lint\n' +
        'action source.fixAll.tl-lint Fix all safe tl-lint problems\n',
      stderr: '',
    });
    expect(readFileSync(ws.path('vmss.json'), 'utf8')).toBe(fixtureText('vmss.json').replace('"2019-03-01"', '"2020-12-01"'));
  });

  it('does the same for a Bicep file', () => {
    const ws = workspace('vmss.bicep');
    const run = runNvim(ws.path('vmss.bicep'));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('diagnostic api-version-too-old 2:57 tl-lint\n');
    const written = readFileSync(ws.path('vmss.bicep'), 'utf8');
    expect(written).toContain("resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2020-12-01' = {");
    expect(written).toContain("      securityProfile: {\n        securityType: 'TrustedLaunch'\n");
  });
});
