import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { selectShard, shardOf } from '../../src/cli/shard.js';
import { captureIo, fakeHost } from './fake-engine.js';
import { tempTree, template } from './temp-tree.js';

const cwd = '/repo';
const pathSegment = fc.stringMatching(/^[a-zA-Z0-9_.-]{1,12}$/).filter((s) => s !== '.' && s !== '..');
const relativePaths = fc.uniqueArray(fc.array(pathSegment, { minLength: 1, maxLength: 4 }).map((segments) => segments.join('/')), { maxLength: 60 });

describe('selectShard', () => {
  it('puts every file in exactly one of the n shards, keeping the input order', () => {
    fc.assert(
      fc.property(relativePaths, fc.integer({ min: 1, max: 9 }), (paths, count) => {
        const files = paths.map((path) => ({ path: join(cwd, path) }));
        const shards = Array.from({ length: count }, (_, k) => selectShard(files, { index: k + 1, count }, cwd));
        const seen = shards.flat().map((f) => f.path);
        expect([...seen].sort()).toEqual(files.map((f) => f.path).sort());
        expect(new Set(seen).size).toBe(seen.length);
        for (const shard of shards) expect(shard).toEqual(files.filter((f) => shard.includes(f)));
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic and keeps a file in its shard when other files come and go', () => {
    fc.assert(
      fc.property(relativePaths, relativePaths, fc.integer({ min: 1, max: 9 }), (kept, others, count) => {
        const before = kept.map((path) => shardOf(path, count));
        const withOthers = selectShard([...kept, ...others].map((path) => ({ path: join(cwd, path) })), { index: 1, count }, cwd);
        expect(kept.map((path) => shardOf(path, count))).toEqual(before);
        for (const [i, path] of kept.entries()) expect(withOthers.some((f) => f.path === join(cwd, path))).toBe(before[i] === 0);
      }),
    );
  });

  it('spreads files over the shards', () => {
    const files = Array.from({ length: 400 }, (_, i) => ({ path: join(cwd, `templates/app-${String(i)}/azuredeploy.json`) }));
    const sizes = [1, 2, 3, 4].map((index) => selectShard(files, { index, count: 4 }, cwd).length);
    expect(Math.min(...sizes)).toBeGreaterThan(60);
  });
});

describe('--shard', () => {
  async function run(root: string, argv: string[]) {
    const captured = captureIo(root);
    const host = fakeHost(root);
    const code = await main(argv, captured.io, host);
    return { code, stdout: captured.stdout(), stderr: captured.stderr(), linted: host.engines[0]?.linted ?? [] };
  }

  it('lints each file in exactly one shard of a CI matrix', async () => {
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`t${String(i)}/azuredeploy.json`, template('warn-me')]));
    const root = tempTree(files);
    const runs = await Promise.all([1, 2, 3].map((k) => run(root, ['--shard', `${String(k)}/3`, '--format', 'json'])));
    const linted = runs.flatMap((r) => r.linted);
    expect([...linted].sort()).toEqual(Object.keys(files).map((f) => join(root, f)).sort());
    const reported = runs.flatMap((r) => (JSON.parse(r.stdout) as { filePath: string }[]).map((result) => result.filePath));
    expect(reported.sort()).toEqual([...linted].sort());
  });

  it('exits 0 with an empty report for a shard that gets no file', async () => {
    const root = tempTree({ 'only.json': template('2019-03-01') });
    const mine = shardOf('only.json', 2);
    const empty = await run(root, ['--shard', `${String(2 - mine)}/2`, '--format', 'json']);
    expect(empty).toMatchObject({ code: 0, stdout: '[]\n', linted: [] });
  });

  it.each(['0/2', '3/2', '1/0', 'one/two', '1-2'])('rejects --shard %s', async (spec) => {
    const root = tempTree({ 'a.json': template() });
    expect(await run(root, ['--shard', spec])).toMatchObject({ code: 2, stderr: `tl-lint: --shard expects <k>/<n> with 1 <= k <= n (e.g. 2/4), got '${spec}'.\n` });
  });
});
