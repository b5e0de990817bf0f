import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseJobs, PARALLEL_MIN_FILES } from '../../src/cli/jobs.js';
import { engineLinter, lintFiles, type LintOne } from '../../src/cli/lint-files.js';
import { WorkerPool } from '../../src/cli/worker-pool.js';
import { createEngine } from '../../src/engine/engine.js';
import type { FileLintResult, LintOptions } from '../../src/engine/api.js';
import { armCorpusFiles } from '../corpus-files.js';
import { compileSources, compiledBin, compiledWorker } from './compiled.js';
import { tempTree, template } from './temp-tree.js';

beforeAll(() => {
  compileSources();
}, 300_000);

const files = (paths: readonly string[]) => paths.map((path) => ({ path, explicit: true, ignored: false }));

/** A spread of real templates: every 40th ARM corpus file. */
const sample = armCorpusFiles()
  .filter((_, i) => i % 40 === 0)
  .map((e) => e.path);

describe('chooseJobs', () => {
  it.each([
    { requested: undefined, count: PARALLEL_MIN_FILES - 1, cores: 8, jobs: 1 },
    { requested: undefined, count: PARALLEL_MIN_FILES, cores: 8, jobs: 7 },
    { requested: undefined, count: PARALLEL_MIN_FILES, cores: 2, jobs: 1 },
    { requested: 4, count: 2, cores: 8, jobs: 2 },
    { requested: 3, count: 10, cores: 1, jobs: 3 },
    { requested: 2, count: 0, cores: 2, jobs: 1 },
  ])('$requested jobs for $count files on $cores cores: $jobs', ({ requested, count, cores, jobs }) => {
    expect(chooseJobs(requested, count, cores)).toBe(jobs);
  });
});

describe('lintFiles', () => {
  it('returns results in input order whatever order they finish in', async () => {
    const paths = Array.from({ length: 30 }, (_, i) => `/f${String(i)}.json`);
    const lint: LintOne = async (filePath) => {
      await new Promise((resolve) => setTimeout(resolve, (paths.indexOf(filePath) * 7) % 11));
      return { kind: 'template', filePath, messages: [], suppressedMessages: [], errorCount: 0, warningCount: 0, infoCount: 0, fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 } satisfies FileLintResult;
    };
    const done: number[] = [];
    const linted = await lintFiles(lint, files(paths), { snapshots: false, concurrency: 8, onProgress: (n) => done.push(n) });
    expect(linted.map((l) => l.result.filePath)).toEqual(paths);
    expect(done).toEqual(paths.map((_, i) => i + 1));
  });
});

describe('WorkerPool (compiled worker, real engine)', () => {
  const options: LintOptions = { cwd: process.cwd(), ruleOverrides: {}, fix: false };

  it('gives the same results as this thread, in input order', async () => {
    const inThread = await lintFiles(engineLinter(await createEngine(options)), files(sample), { snapshots: false });
    const pool = new WorkerPool(compiledWorker, 2, options);
    try {
      const inWorkers = await lintFiles(pool.lint, files(sample), { snapshots: false, concurrency: 4 });
      expect(inWorkers.map((l) => l.result)).toEqual(inThread.map((l) => l.result));
      expect(inWorkers.some((l) => l.result.errorCount > 0)).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('lints the text it is given, and passes a config error back by name', async () => {
    const root = tempTree({ 'tl-lint.config.json': '{ "rulez": {} }', 'sub/t.json': '{}' });
    const pool = new WorkerPool(compiledWorker, 1, { ...options, cwd: root });
    try {
      await expect(pool.lint(join(root, 'sub/t.json'), '{}')).rejects.toMatchObject({ name: 'ConfigError', message: expect.stringContaining("unknown key 'rulez'") as unknown });
    } finally {
      await pool.close();
    }
  });
});

describe('tl-lint --jobs (compiled CLI)', () => {
  function tlLint(args: readonly string[], cwd: string) {
    const result = spawnSync(process.execPath, [compiledBin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it('prints the same report with 2 workers as with 1 thread (a wrong worker path would crash it)', () => {
    const one = tlLint(['--jobs', '1', '--format', 'json', ...sample], process.cwd());
    const two = tlLint(['--jobs', '2', '--format', 'json', ...sample], process.cwd());
    expect(two.stderr).toBe('');
    expect(two).toEqual(one);
    expect((JSON.parse(two.stdout) as unknown[]).length).toBe(sample.length);
  });

  it('reports a broken config with --jobs 2 as without it (exit 2, message only)', () => {
    const root = tempTree({ 'tl-lint.config.json': '{ "rulez": {} }', 'a.json': template(), 'b.json': template() });
    const result = tlLint(['--jobs', '2', 'a.json', 'b.json'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`tl-lint: ${join(root, 'tl-lint.config.json')}: unknown key 'rulez' (allowed: mode, rules, ignores)\n`);
  });

  it('exits 2 for a --jobs that is not a positive number', () => {
    expect(tlLint(['--jobs', '0'], process.cwd())).toMatchObject({ code: 2, stderr: "tl-lint: --jobs expects a whole number >= 1, got '0'.\n" });
  });
});
