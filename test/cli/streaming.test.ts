import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { withSourceOnDemand } from '../../src/cli/held-source.js';
import { engineLinter, lintFiles, type LintedFile, type LintOne } from '../../src/cli/lint-files.js';
import { WorkerPool } from '../../src/cli/worker-pool.js';
import type { FileLintResult, LintOptions } from '../../src/engine/api.js';
import { createEngine } from '../../src/engine/engine.js';
import { getStreamingFormatter } from '../../src/formatters/index.js';
import { results as fixtureResults } from '../formatters/fixtures.js';
import { armCorpusFiles } from '../corpus-files.js';
import { compileSources, compiledWorker } from './compiled.js';
import { tempTree } from './temp-tree.js';

beforeAll(() => {
  compileSources();
}, 300_000);

function result(filePath: string, kind: FileLintResult['kind'], errorCount = 0): FileLintResult {
  const messages = Array.from({ length: errorCount }, () => ({
    ruleId: 'r',
    severity: 2 as const,
    message: 'm',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    offset: 0,
    length: 1,
  }));
  return { kind, filePath, messages, suppressedMessages: [], errorCount, warningCount: 0, infoCount: 0, fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
}

describe('lintFiles with onLinted (a streamed run)', () => {
  it('hands over the files worth reporting in input order, whatever order they finish in, and holds none', async () => {
    const paths = Array.from({ length: 20 }, (_, i) => `/t/f${String(i)}.json`);
    const lint: LintOne = async (filePath) => {
      const i = paths.indexOf(filePath);
      await new Promise((resolve) => setTimeout(resolve, (i * 7) % 5));
      return result(filePath, i % 3 === 0 ? 'not-a-template' : 'template', i % 2);
    };
    const seen: string[] = [];
    const files = paths.map((path) => ({ path, explicit: false, ignored: false }));
    const held = await lintFiles(lint, files, { snapshots: false, concurrency: 6, onLinted: (entry: LintedFile) => seen.push(entry.result.filePath) });
    expect(held).toEqual([]);
    expect(seen).toEqual(paths.filter((_, i) => i % 3 !== 0));
  });
});

describe('withSourceOnDemand', () => {
  it('reads the source again when asked, and leaves it out once the file has changed', () => {
    const root = tempTree({ 't.json': '\uFEFF{ "a": 1 }\n' });
    const path = join(root, 't.json');
    const lazy = withSourceOnDemand({ ...result(path, 'template', 1), source: '{ "a": 1 }\n' });
    expect(lazy.source).toBe('{ "a": 1 }\n');
    expect(JSON.parse(JSON.stringify(lazy))).toMatchObject({ source: '{ "a": 1 }\n', errorCount: 1 });
    writeFileSync(path, '{ "a": 2 }\n');
    expect(lazy.source).toBeUndefined();
  });

  it('keeps a fixed output and its source as they are', () => {
    const fixed = { ...result('/nowhere.json', 'template', 1), source: 'x', output: 'x' };
    expect(withSourceOnDemand(fixed)).toBe(fixed);
  });
});

describe('streaming formatters', () => {
  it.each(['stylish', 'json', 'github'])('%s: one result at a time gives the same text as all at once', (name) => {
    const stream = getStreamingFormatter(name);
    expect(stream).toBeDefined();
    const context = { color: false, cwd: '/repo' };
    for (const results of [fixtureResults, [], fixtureResults.map((r) => ({ ...r, messages: [], errorCount: 0, warningCount: 0, infoCount: 0 }))]) {
      const report = stream?.(context);
      const pieces = results.map((r) => report?.write(r) ?? '').join('') + (report?.end() ?? '');
      const whole = stream?.(context);
      const all = results.map((r) => whole?.write(r) ?? '').join('') + (whole?.end() ?? '');
      expect(pieces).toBe(all);
    }
  });
});

describe('WorkerPool with this thread linting too', () => {
  const options: LintOptions = { cwd: process.cwd(), ruleOverrides: {}, fix: false };
  const sample = armCorpusFiles()
    .filter((_, i) => i % 60 === 0)
    .map((e) => ({ path: e.path, explicit: true, ignored: false }));

  it('gives the same results as one thread, in input order', async () => {
    const engine = await createEngine(options);
    const inThread = await lintFiles(engineLinter(engine), sample, { snapshots: false });
    const pool = new WorkerPool(compiledWorker, 1, options, engineLinter(engine));
    try {
      expect(pool.size).toBe(2);
      const shared = await lintFiles(pool.lint, sample, { snapshots: false, concurrency: pool.wantedInFlight });
      expect(shared.map((l) => l.result)).toEqual(inThread.map((l) => l.result));
    } finally {
      await pool.close();
    }
  });
});
