/**
 * The built CLI end to end, as users run it: the package's bin, the bundle of the compiled
 * modules. `npm ci` builds dist/ (the `prepare` script); when sources are newer than dist/ (while
 * developing), ensureBuilt builds it first.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATA_VERSION } from '../../src/azure/index.js';
import { cliBin, compiledCliBin, ensureBuilt } from '../built.js';
import { corpusRoot } from '../corpus-files.js';
import { repoRoot as root } from '../source-age.js';
import { tempTree } from './temp-tree.js';

function run(bin: string, args: readonly string[], cwd = root) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tlLint(args: readonly string[], cwd = root) {
  return run(cliBin, args, cwd);
}

interface JsonResult {
  readonly filePath: string;
  readonly messages: readonly { readonly ruleId: string | null; readonly severity: number }[];
}

beforeAll(ensureBuilt, 300_000);

describe('tl-lint (built)', () => {
  it('prints its version', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(tlLint(['--version'])).toMatchObject({ code: 0, stdout: `tl-lint ${version} (data: ${DATA_VERSION})\n` });
  });

  it('finds the Trusted Launch blockers in examples/before and none in examples/after', () => {
    const before = tlLint(['examples/before', '--format', 'json']);
    expect(before.code).toBe(1);
    const [result] = JSON.parse(before.stdout) as JsonResult[];
    expect(result?.filePath).toBe(join(root, 'examples/before/vmss.json'));
    expect(result?.messages.map((m) => m.ruleId)).toEqual(expect.arrayContaining(['api-version-too-old', 'security-type-not-trusted-launch']));

    const after = tlLint(['examples/after', '--format', 'json']);
    expect(after.stderr).toBe('');
    expect(after.code).toBe(0);
    const errors = (JSON.parse(after.stdout) as JsonResult[]).flatMap((r) => r.messages).filter((m) => m.severity === 2);
    expect(errors).toEqual([]);
  });

  it('fixes a copy of examples/before so that it has no errors left', () => {
    const dir = tempTree({ 'vmss.json': readFileSync(join(root, 'examples/before/vmss.json')) });
    const fixed = tlLint(['--fix', 'vmss.json'], dir);
    expect(fixed.stderr).toBe('Fixed 1 file.\n');
    expect(tlLint(['--quiet', 'vmss.json'], dir)).toMatchObject({ code: 0, stdout: '' });
  });

  it('exits 2 when nothing matches', () => {
    const dir = tempTree({ 'notes.md': '' });
    expect(tlLint([], dir)).toMatchObject({ code: 2, stderr: "tl-lint: No files matching '.' were found.\n" });
  });

  // The bundle is made from the compiled modules: the same run gives the same bytes, through the
  // chunks only some runs load (Bicep front-end, subcommands) and the worker --jobs starts.
  it.each([
    ['ARM and Bicep templates, two workers', ['--format', 'json', '-j', '2', ...sampleTemplates()]],
    ['the rules subcommand', ['rules']],
    ['a plan', ['plan', '--format', 'json', 'examples/before']],
  ])('the bundle and the compiled modules agree: %s', (_name, args) => {
    const bundled = run(cliBin, args);
    expect(bundled.stderr).toBe('');
    expect(bundled).toEqual(run(compiledCliBin, args));
  });
});

/** A few real templates of each language, and the project's example. */
function sampleTemplates(): string[] {
  const corpus = corpusRoot;
  return [
    join(root, 'examples', 'before', 'vmss.json'),
    join(corpus, 'azure-quickstart-templates', 'quickstarts', 'microsoft.compute', 'vm-simple-windows', 'azuredeploy.json'),
    join(corpus, 'bicep', 'src', 'Bicep.Core.Samples', 'Files', 'user_submitted', '301', 'modules-vwan-to-vnet-s2s-with-fw', 'main.bicep'),
    join(corpus, 'bicep', 'src', 'Bicep.Core.Samples', 'Files', 'user_submitted', '301', 'modules-vwan-to-vnet-s2s-with-fw', 'main.json'),
  ];
}
