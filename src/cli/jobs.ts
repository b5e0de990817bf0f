import { availableParallelism } from 'node:os';
import type { Engine, LintOptions } from '../engine/api.js';
import type { CliHost } from './host.js';
import { engineLinter, type LintOne } from './lint-files.js';
import { WorkerPool } from './worker-pool.js';

/**
 * Without `--jobs`, runs of fewer files stay in one thread: starting a worker and loading the
 * engine in it costs more than linting a few dozen files.
 */
export const PARALLEL_MIN_FILES = 64;

/**
 * How many threads lint `fileCount` files: `--jobs`, else one core fewer than the machine has for
 * large runs; never more than files. One core is left because V8's garbage collector already runs
 * on another thread beside each linting one (one linting thread keeps about 1.3 cores busy): on 2
 * cores, `--jobs 2` measured no faster than one thread, with a quarter more CPU and 90 MB more memory.
 */
export function chooseJobs(requested: number | undefined, fileCount: number, cores: number = availableParallelism()): number {
  const wanted = requested ?? (fileCount >= PARALLEL_MIN_FILES ? cores - 1 : 1);
  return Math.max(1, Math.min(wanted, fileCount));
}

export interface Linter {
  readonly lint: LintOne;
  /** How many files to keep in flight. */
  readonly concurrency: number;
  close(): Promise<void>;
}

/** Worker threads when more than one job is wanted and the host can start them; this thread otherwise. */
export function createLinter(host: CliHost, engine: Engine, options: LintOptions, jobs: number): Linter {
  if (jobs <= 1 || host.workerScript === undefined) {
    return { lint: engineLinter(engine), concurrency: 8, close: () => Promise.resolve() };
  }
  // This thread lints too: `--jobs 2` is one worker beside it, not two workers and an idle thread.
  const pool = new WorkerPool(host.workerScript, jobs - 1, options, engineLinter(engine));
  // Keep the pool's queue full: a worker that finishes a batch takes the next at once, even while
  // this thread is busy with its own.
  return { lint: pool.lint, concurrency: pool.wantedInFlight, close: () => pool.close() };
}
