import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { createProgress, isCi, PROGRESS_THRESHOLD } from '../../src/cli/progress.js';
import { fakeHost } from './fake-engine.js';
import { tempTree, template } from './temp-tree.js';

function terminal(env: Readonly<Record<string, string | undefined>> = {}, isTTY = true) {
  let err = '';
  const io: CliIo = { cwd: '/', env, stdout: { write: () => undefined }, stderr: { write: (text) => void (err += text), isTTY } };
  return { io, stderr: () => err };
}

describe('progress', () => {
  it('redraws one line at most every 100 ms, always shows the last count, and clears itself', () => {
    const { io, stderr } = terminal();
    let now = 0;
    const progress = createProgress(io, 1000, () => now);
    for (let done = 1; done <= 1000; done++) {
      now += 1;
      progress?.update(done);
    }
    progress?.finish();
    const frames = stderr().split('\r\u001b[2K').filter((frame) => frame !== '');
    expect(frames[0]).toBe('tl-lint: 1/1000 files');
    expect(frames).toHaveLength(11);
    expect(frames.at(-1)).toBe('tl-lint: 1000/1000 files');
    expect(stderr().endsWith('\r\u001b[2K')).toBe(true);
  });

  it.each([
    { what: 'a small run', env: {}, isTTY: true, total: PROGRESS_THRESHOLD },
    { what: 'a pipe', env: {}, isTTY: false, total: 5000 },
    { what: 'CI=true', env: { CI: 'true' }, isTTY: true, total: 5000 },
    { what: 'GitHub Actions', env: { GITHUB_ACTIONS: 'true' }, isTTY: true, total: 5000 },
    { what: 'Azure Pipelines', env: { TF_BUILD: 'True' }, isTTY: true, total: 5000 },
  ])('shows nothing for $what', ({ env, isTTY, total }) => {
    expect(createProgress(terminal(env, isTTY).io, total)).toBeUndefined();
  });

  it('reads CI=false and CI=0 as not CI', () => {
    expect(isCi({ CI: 'false' })).toBe(false);
    expect(isCi({ CI: '0' })).toBe(false);
    expect(isCi({ CI: '1' })).toBe(true);
  });

  it('goes to stderr during a large run on a terminal and leaves stdout to the report', async () => {
    const files = Object.fromEntries(Array.from({ length: PROGRESS_THRESHOLD + 1 }, (_, i) => [`t${String(i)}.json`, template()]));
    const root = tempTree(files);
    let out = '';
    let err = '';
    const io: CliIo = { cwd: root, env: {}, stdout: { write: (t) => void (out += t), isTTY: false }, stderr: { write: (t) => void (err += t), isTTY: true } };
    expect(await main(['--format', 'json'], io, fakeHost(root))).toBe(0);
    expect(err).toContain(`tl-lint: ${String(PROGRESS_THRESHOLD + 1)}/${String(PROGRESS_THRESHOLD + 1)} files`);
    expect(out.startsWith('[')).toBe(true);
  });
});
