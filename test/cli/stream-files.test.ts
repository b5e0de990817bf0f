import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { discoverFiles, streamFiles, type FileToLint } from '../../src/cli/files.js';
import { lintFiles, type LintOne } from '../../src/cli/lint-files.js';
import { main } from '../../src/cli/main.js';
import { peek } from '../../src/cli/peek.js';
import { filesInShard, selectShard } from '../../src/cli/shard.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { captureIo, fakeHost } from './fake-engine.js';
import { tempTree, template } from './temp-tree.js';

const none = (): boolean => false;

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** Names whose order differs between sorting names and sorting paths: `-` and `.` sort before `/`, `0` after. */
const tricky: Readonly<Record<string, string>> = {
  'a/b/t.json': '{}',
  'a/b.json': '{}',
  'a/b-c/t.json': '{}',
  'a/b.c/t.json': '{}',
  'a/b0/t.json': '{}',
  'a-b/t.json': '{}',
  'a.b/t.json': '{}',
  'a.json': '{}',
  'a0.json': '{}',
  'A/UPPER.JSON': '{}',
  'B.Bicep': '',
  '.hidden/x.jsonc': '{}',
  '.json': '{}',
  'x.json.d/deep/er/y.bicepParam': '',
  'sp ace.json': '{}',
  'ü.json': '{}',
  '~.json': '{}',
  '_/t.json': '{}',
  'notes.txt': '',
  'a/readme.md': '',
  'node_modules/p/t.json': '{}',
  'NODE_MODULES/t.json': '{}',
  'a/node_modules/t.json': '{}',
  '.git/t.json': '{}',
  'a/b/.Git/t.json': '{}',
};

const trickyOrder = [
  '.hidden/x.jsonc',
  '.json',
  'A/UPPER.JSON',
  'B.Bicep',
  '_/t.json',
  'a-b/t.json',
  'a.b/t.json',
  'a.json',
  'a/b-c/t.json',
  'a/b.c/t.json',
  'a/b.json',
  'a/b/t.json',
  'a/b0/t.json',
  'a0.json',
  'sp ace.json',
  'x.json.d/deep/er/y.bicepParam',
  '~.json',
  'ü.json',
];

/** What a scan found before the walk: tinyglobby's matches, sorted as full paths. */
async function globbedAndSorted(root: string): Promise<string[]> {
  const found = await glob(['**/*.{json,jsonc,bicep,bicepparam}'], {
    cwd: root,
    absolute: true,
    dot: true,
    ignore: ['**/node_modules/**', '**/.git/**'],
    caseSensitiveMatch: false,
    expandDirectories: false,
    followSymbolicLinks: false,
  });
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

describe('streamFiles over one directory', () => {
  it('yields the scanned templates in the order of sorting their full paths, as the glob and sort did', async () => {
    const root = tempTree(tricky);
    mkdirSync(join(root, 'empty/too'), { recursive: true });
    const streamed = await collect(streamFiles(['.'], { cwd: root, isIgnored: none }));
    expect(streamed.map((file) => file.path.slice(root.length + 1))).toEqual(trickyOrder);
    expect(streamed.map((file) => file.path)).toEqual(await globbedAndSorted(root));
    expect(streamed.every((file) => !file.explicit && !file.ignored)).toBe(true);
    expect(await discoverFiles(['.'], { cwd: root, isIgnored: none })).toEqual(streamed);
  });

  it('yields the same files as discoverFiles for a directory named by a relative or absolute path', async () => {
    const root = tempTree(tricky);
    for (const pattern of ['a', './a/', join(root, 'a')]) {
      const streamed = await collect(streamFiles([pattern], { cwd: root, isIgnored: none }));
      expect(streamed.map((file) => file.path.slice(root.length + 1))).toEqual(['a/b-c/t.json', 'a/b.c/t.json', 'a/b.json', 'a/b/t.json', 'a/b0/t.json']);
    }
  });

  it('follows no symbolic link, to a file, a directory or a loop', async () => {
    const root = tempTree({ 'real/t.json': '{}', 'outside/o.json': '{}' });
    symlinkSync(join(root, 'real/t.json'), join(root, 'real/link.json'));
    symlinkSync(join(root, 'outside'), join(root, 'real/dir-link'));
    symlinkSync('..', join(root, 'real/up'));
    const streamed = await collect(streamFiles(['real'], { cwd: root, isIgnored: none }));
    expect(streamed.map((file) => file.path)).toEqual([join(root, 'real/t.json')]);
  });

  it.each<{ readonly what: string; readonly files: Record<string, string>; readonly message: string }>([
    { what: 'an empty directory', files: { 'empty/.keep': '' }, message: "No files matching 'empty' were found." },
    { what: 'a directory of other files', files: { 'empty/readme.md': '', 'empty/node_modules/t.json': '{}' }, message: "No files matching 'empty' were found." },
    { what: 'a directory of ignored templates', files: { 'empty/gen.json': '{}' }, message: "All files matched by 'empty' are ignored." },
  ])('rejects $what with ESLint’s wording once the walk ends', async ({ files, message }) => {
    const root = tempTree(files);
    const isIgnored = (path: string): boolean => path.endsWith('gen.json');
    await expect(collect(streamFiles(['empty'], { cwd: root, isIgnored }))).rejects.toThrow(new UsageError(message));
    await expect(discoverFiles(['empty'], { cwd: root, isIgnored })).rejects.toThrow(new UsageError(message));
  });

  it('drops ignored files as it walks', async () => {
    const root = tempTree({ 'a/keep.json': '{}', 'a/skip.json': '{}', 'gen/out.json': '{}' });
    const isIgnored = (path: string): boolean => path.endsWith('skip.json') || path.includes('/gen/');
    const streamed = await collect(streamFiles(['.'], { cwd: root, isIgnored }));
    expect(streamed).toEqual([{ path: join(root, 'a/keep.json'), explicit: false, ignored: false }]);
  });

  it('falls back to the collected, de-duplicated list for several patterns', async () => {
    const root = tempTree({ 'x/t.json': '{}', 'x/notes.txt': '', 'y/u.json': '{}' });
    const patterns = ['y', 'x', 'x/t.json', 'x/notes.txt'];
    const streamed = await collect(streamFiles(patterns, { cwd: root, isIgnored: none }));
    expect(streamed).toEqual(await discoverFiles(patterns, { cwd: root, isIgnored: none }));
    expect(streamed.map((file) => [file.path.slice(root.length + 1), file.explicit])).toEqual([
      ['x/notes.txt', true],
      ['x/t.json', true],
      ['y/u.json', false],
    ]);
  });

  it('keeps each shard the files selectShard keeps from the list, in order', async () => {
    const root = tempTree(tricky);
    const listed = await discoverFiles(['.'], { cwd: root, isIgnored: none });
    for (const index of [1, 2, 3]) {
      const shard = { index, count: 3 };
      const streamed = await collect(filesInShard(streamFiles(['.'], { cwd: root, isIgnored: none }), shard, root));
      expect(streamed).toEqual(selectShard(listed, shard, root));
    }
  });
});

describe('lintFiles over a directory walk', () => {
  it('starts linting before the walk ends, and holds no more files than it lints at once', async () => {
    const root = tempTree(Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`d${String(i).padStart(2, '0')}/t.json`, '{}'])));
    let pulled = 0;
    let linted = 0;
    let mostAhead = 0;
    async function* counted(files: AsyncIterable<FileToLint>): AsyncGenerator<FileToLint> {
      for await (const file of files) {
        pulled++;
        yield file;
      }
    }
    const lint: LintOne = async (filePath) => {
      mostAhead = Math.max(mostAhead, pulled - linted);
      // Made while the first file is linted: a walk that has not reached its folder yet finds it.
      if (linted === 0) writeFileSync(join(root, 'd39/late.json'), '{}');
      await new Promise((resolve) => setTimeout(resolve, 1));
      linted++;
      return { kind: 'template', filePath, messages: [], suppressedMessages: [], errorCount: 0, warningCount: 0, infoCount: 0, fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
    };
    const results = await lintFiles(lint, counted(streamFiles(['.'], { cwd: root, isIgnored: none })), { snapshots: false, concurrency: 4 });
    expect(results.map((entry) => entry.file.path.slice(root.length + 1)).slice(-2)).toEqual(['d39/late.json', 'd39/t.json']);
    expect(results).toHaveLength(41);
    expect(mostAhead).toBeLessThanOrEqual(4);
  });

  it('finishes the files in flight and throws when the walk fails', async () => {
    async function* failing(): AsyncGenerator<FileToLint> {
      await Promise.resolve();
      yield { path: '/a.json', explicit: false, ignored: false };
      yield { path: '/b.json', explicit: false, ignored: false };
      throw new UsageError("No files matching 'x' were found.");
    }
    const done: string[] = [];
    const lint: LintOne = async (filePath) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      done.push(filePath);
      return { kind: 'template', filePath, messages: [], suppressedMessages: [], errorCount: 0, warningCount: 0, infoCount: 0, fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
    };
    await expect(lintFiles(lint, failing(), { snapshots: false, concurrency: 4 })).rejects.toThrow("No files matching 'x' were found.");
    expect(done.sort()).toEqual(['/a.json', '/b.json']);
  });
});

describe('peek', () => {
  async function* numbers(count: number): AsyncGenerator<number> {
    for (let i = 0; i < count; i++) yield await Promise.resolve(i);
  }

  it.each([
    { count: 10, upTo: 3, head: [0, 1, 2], complete: false },
    { count: 2, upTo: 3, head: [0, 1], complete: true },
    { count: 0, upTo: 3, head: [], complete: true },
  ])('reads $upTo of $count ahead, then yields every item once', async ({ count, upTo, head, complete }) => {
    const peeked = await peek(numbers(count), (read) => read.length >= upTo);
    expect({ head: peeked.head, complete: peeked.complete }).toEqual({ head, complete });
    expect(await collect(peeked.all)).toEqual(Array.from({ length: count }, (_, i) => i));
  });
});

describe('tl-lint over a directory', () => {
  it('reports as before, and says so when the directory has no template', async () => {
    const root = tempTree({ 'b/t.json': template('warn-me'), 'a-b/t.json': template('warn-me'), 'a/t.json': template('warn-me'), 'docs/readme.md': '' });
    const captured = captureIo(root);
    expect(await main(['--format', 'json', '.'], captured.io, fakeHost(root))).toBe(0);
    const report = JSON.parse(captured.stdout()) as { filePath: string }[];
    expect(report.map((r) => r.filePath.slice(root.length + 1))).toEqual(['a-b/t.json', 'a/t.json', 'b/t.json']);
    const empty = captureIo(root);
    expect(await main(['docs'], empty.io, fakeHost(root))).toBe(2);
    expect(empty.stdout()).toBe('');
    expect(empty.stderr()).toBe("tl-lint: No files matching 'docs' were found.\n");
  });
});
