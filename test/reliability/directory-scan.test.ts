import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { compileSources, compiledBin } from '../cli/compiled.js';
import { runReal } from '../cli/real-host.js';
import { tempTree } from '../cli/temp-tree.js';
import { goodTemplate, stackTraceLine } from './hostile.js';

interface ReportedFile {
  readonly filePath: string;
  readonly messages: readonly { readonly message: string; readonly fatal?: boolean }[];
}

const locked: string[] = [];
afterEach(() => {
  // temp-tree removes the tree after the test: give the permissions back first.
  for (const path of locked.splice(0)) chmodSync(path, 0o755);
});

beforeAll(() => {
  compileSources();
}, 300_000);

const lintedPaths = async (root: string, args: readonly string[]) => {
  const run = await runReal(root, ['--format', 'json', ...args]);
  expect(run.stdout + run.stderr).not.toMatch(stackTraceLine);
  const report = JSON.parse(run.stdout) as ReportedFile[];
  return { run, report, paths: report.map((r) => r.filePath.slice(root.length + 1)) };
};

describe('directory scans over hostile trees', () => {
  it('symbolic link loops, dangling links, links out of the tree and FIFOs neither hang nor escape the tree', async () => {
    const root = tempTree({ 'repo/a/b/t.json': goodTemplate, 'outside/secret.json': goodTemplate });
    const repo = join(root, 'repo');
    symlinkSync('..', join(repo, 'a/b/up'));
    symlinkSync('../../a', join(repo, 'a/b/again'));
    symlinkSync('self.json', join(repo, 'self.json'));
    symlinkSync('missing.json', join(repo, 'dangling.json'));
    symlinkSync(join(root, 'outside'), join(repo, 'outside-link'));
    symlinkSync(join(root, 'outside/secret.json'), join(repo, 'secret-link.json'));
    mkdirSync(join(repo, 'folder.json'));
    execFileSync('mkfifo', [join(repo, 'pipe.json')]);
    const { run, paths } = await lintedPaths(repo, ['.']);
    // Each template once, by its own path: a scan follows no link (as git and ripgrep).
    expect(paths).toEqual(['a/b/t.json']);
    expect(run.code).toBe(1);
  });

  it('a FIFO named on the command line is reported, and the other files are still linted', async () => {
    const root = tempTree({ 't.json': goodTemplate });
    execFileSync('mkfifo', [join(root, 'pipe.json')]);
    const { report, paths } = await lintedPaths(root, ['pipe.json', 't.json']);
    expect(paths).toEqual(['pipe.json', 't.json']);
    expect(report[0]?.messages).toMatchObject([{ fatal: true, message: 'Not a regular file (a FIFO, socket or device): it was not read.' }]);
    expect(report[1]?.messages.length).toBe(3);
  });

  it('a link named on the command line is linted as the file it points at', async () => {
    const root = tempTree({ 'real/t.json': goodTemplate });
    symlinkSync(join(root, 'real/t.json'), join(root, 'link.json'));
    const { report } = await lintedPaths(root, ['link.json']);
    expect(report[0]?.messages.length).toBe(3);
  });

  it('an unreadable file is reported by name; an unreadable directory is passed over; the rest is linted', () => {
    const root = tempTree({ 'open/t.json': goodTemplate, 'closed/t.json': goodTemplate, 'secret.json': goodTemplate });
    chmodSync(root, 0o755);
    for (const path of ['secret.json', 'closed']) {
      chmodSync(join(root, path), 0o000);
      locked.push(join(root, path));
    }
    // chmod 000 denies nothing to root (CI containers often run as root): then the CLI runs as nobody.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const run = spawnSync(process.execPath, [compiledBin, '--format', 'json', '.', 'secret.json'], { cwd: root, encoding: 'utf8', ...asNobody });
    expect(run.stderr).not.toMatch(stackTraceLine);
    const report = JSON.parse(run.stdout) as ReportedFile[];
    expect(report.map((r) => r.filePath.slice(root.length + 1))).toEqual(['open/t.json', 'secret.json']);
    expect(report[1]?.messages).toMatchObject([{ fatal: true, message: 'Cannot read the file (EACCES).' }]);
  });
});
