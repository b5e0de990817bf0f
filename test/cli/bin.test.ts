import { DATA_VERSION } from '../../src/azure/index.js';
/**
 * The built CLI end to end, as users run it. `npm ci` builds dist/ (the `prepare` script); when
 * sources are newer than dist/ (while developing), this builds it first.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempTree } from './temp-tree.js';
import { newestSourceTime } from '../source-age.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'dist', 'src', 'cli', 'bin.js');


function isStale(): boolean {
  try {
    return statSync(bin).mtimeMs < newestSourceTime();
  } catch {
    return true;
  }
}

function tlLint(args: readonly string[], cwd = root) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonResult {
  readonly filePath: string;
  readonly messages: readonly { readonly ruleId: string | null; readonly severity: number }[];
}

beforeAll(() => {
  if (!isStale()) return;
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
  expect(build.stdout + build.stderr).toBe('');
  expect(build.status).toBe(0);
}, 300_000);

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
});

