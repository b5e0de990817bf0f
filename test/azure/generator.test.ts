import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, sharedDir } from './paths.js';

function generate(root: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [join(root, 'scripts/generate-data.mjs'), ...args], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the generator and its committed output, so a test can break one of them. */
function repoCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'tl-lint-data-'));
  scratch.push(root);
  for (const dir of ['scripts', 'data', 'src/azure/generated']) cpSync(join(repoRoot, dir), join(root, dir), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'));
  return root;
}

describe('scripts/generate-data.mjs', () => {
  it('--check passes on the committed output', () => {
    const run = generate(repoRoot, '--check');
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^generate-data --check: 14 files up to date/);
    expect(run.status).toBe(0);
  });

  it('--check names a stale, a missing and a leftover file, and exits 1', () => {
    const root = repoCopy();
    const path = join(root, 'data/vm-sizes.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"notSupported"', '"supported"'));
    rmSync(join(root, 'src/azure/generated/os.ts'));
    writeFileSync(join(root, 'data/old-table.json'), '{}\n');
    const run = generate(root, '--check', '--shared', sharedDir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('data/vm-sizes.json is stale');
    expect(run.stderr).toContain('src/azure/generated/os.ts is missing');
    expect(run.stderr).toContain('data/old-table.json is not generated any more');
    expect(run.stderr).toContain('Run `node scripts/generate-data.mjs`');
  });

  it('regenerating restores the committed output', () => {
    const root = repoCopy();
    rmSync(join(root, 'data/images.json'));
    const write = generate(root, '--shared', sharedDir);
    expect(write.status).toBe(0);
    expect(write.stdout).toContain('wrote data/images.json');
    expect(readFileSync(join(root, 'data/images.json'), 'utf8')).toBe(readFileSync(join(repoRoot, 'data/images.json'), 'utf8'));
  });

  it('fails loudly (exit 2) when api-versions.json disagrees with bicep-types-az', () => {
    const shared = mkdtempSync(join(tmpdir(), 'tl-lint-shared-'));
    scratch.push(shared);
    // Fresh files, not copies: shared/ has no write bits in CI.
    mkdirSync(join(shared, 'data'));
    for (const name of readdirSync(join(sharedDir, 'data'))) {
      writeFileSync(join(shared, 'data', name), readFileSync(join(sharedDir, 'data', name)));
    }
    symlinkSync(join(sharedDir, 'reference'), join(shared, 'reference'));
    symlinkSync(join(sharedDir, 'corpus'), join(shared, 'corpus'));
    const apiVersionsPath = join(shared, 'data/api-versions.json');
    const apiVersions = JSON.parse(readFileSync(apiVersionsPath, 'utf8')) as {
      entries: { resourceType: string; apiVersion: string; hasRollingMaxSurge?: boolean }[];
    };
    const row = apiVersions.entries.find(
      (e) => e.resourceType === 'Microsoft.Compute/virtualMachineScaleSets' && e.apiVersion === '2022-11-01',
    );
    if (!row) throw new Error('api-versions.json has no VMSS 2022-11-01 entry');
    row.hasRollingMaxSurge = false;
    writeFileSync(apiVersionsPath, JSON.stringify(apiVersions));

    const run = generate(repoCopy(), '--check', '--shared', shared);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'Microsoft.Compute/virtualMachineScaleSets@2022-11-01: hasRollingMaxSurge is true in bicep-types-az, false in api-versions.json',
    );
  });

  it('rejects a missing shared folder and unknown flags with exit 2', () => {
    const missing = generate(repoRoot, '--check', '--shared', join(tmpdir(), 'no-such-shared-folder'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('shared folder not found');
    const unknown = generate(repoRoot, '--chek');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--chek'");
  });
});
