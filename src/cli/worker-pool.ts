import { Worker } from 'node:worker_threads';
import type { FileLintResult, LintOptions } from '../engine/api.js';
import type { LintOne } from './lint-files.js';
import { reviveError, type FileRequest, type WorkerReply, type WorkerRequest } from './worker-protocol.js';

interface Task {
  readonly file: FileRequest;
  readonly resolve: (result: FileLintResult) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  /** Batches sent and not answered yet, by request id. */
  readonly running: Map<number, readonly Task[]>;
}

/** Files per message: enough that the per-message cost is small beside linting, few enough to share the tail evenly. */
export const BATCH_SIZE = 8;

/** Batches in flight per worker: one being linted and one waiting, so a worker never idles on a round trip. */
const IN_FLIGHT_PER_WORKER = 2;

/**
 * `--jobs`: lint workers, each with its own engine built from the same options, and optionally this
 * thread as one more linter (`local`), which saves starting and loading one engine and keeps this
 * thread from idling. Files go in batches to the least busy worker; each result resolves its own
 * promise, so the caller keeps input order.
 */
export class WorkerPool {
  private readonly slots: Slot[];
  private readonly queue: Task[] = [];
  private nextId = 0;
  private failure: Error | undefined;
  private dispatchScheduled = false;
  private localBusy = false;

  constructor(
    script: URL,
    size: number,
    options: LintOptions,
    private readonly local?: LintOne,
  ) {
    this.slots = Array.from({ length: size }, () => this.start(script, options));
  }

  readonly lint: LintOne = (filePath, text) =>
    new Promise<FileLintResult>((resolve, reject) => {
      if (this.failure) {
        reject(this.failure);
        return;
      }
      this.queue.push({ file: text === undefined ? { filePath } : { filePath, text }, resolve, reject });
      this.scheduleDispatch();
    });

  /** How many threads lint: the workers, and this one when it takes part. */
  get size(): number {
    return this.slots.length + (this.local === undefined ? 0 : 1);
  }

  /** How many files a caller should keep waiting on to keep every worker busy. */
  get wantedInFlight(): number {
    return this.size * (IN_FLIGHT_PER_WORKER + 1) * BATCH_SIZE;
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private start(script: URL, options: LintOptions): Slot {
    const worker = new Worker(script, { workerData: options });
    const slot: Slot = { worker, running: new Map() };
    worker.on('message', (reply: WorkerReply) => {
      const tasks = slot.running.get(reply.id);
      if (!tasks) return;
      slot.running.delete(reply.id);
      tasks.forEach((task, index) => {
        const answer = reply.replies[index];
        if (answer === undefined) task.reject(new Error(`A lint worker gave no result for ${task.file.filePath}.`));
        else if ('error' in answer) task.reject(reviveError(answer.error));
        else task.resolve(answer.result);
      });
      this.scheduleDispatch();
    });
    worker.on('error', (error) => {
      this.fail(error);
    });
    worker.on('exit', (code) => {
      if (slot.running.size > 0) this.fail(new Error(`A lint worker stopped (exit code ${String(code)}) with files still to lint.`));
    });
    return slot;
  }

  /**
   * Dispatches once the callers queued what they will queue now: the promises resolved by one reply
   * ask for their next files in the same turn, and those fill whole batches.
   */
  private scheduleDispatch(): void {
    if (this.dispatchScheduled) return;
    this.dispatchScheduled = true;
    setImmediate(() => {
      this.dispatchScheduled = false;
      this.dispatch();
    });
  }

  /** Workers first, so they have work while this thread lints its own batch. */
  private dispatch(): void {
    for (;;) {
      const slot = this.slots.reduce<Slot | undefined>((best, s) => (best === undefined || s.running.size < best.running.size ? s : best), undefined);
      if (!slot || slot.running.size >= IN_FLIGHT_PER_WORKER || this.queue.length === 0) break;
      const tasks = this.queue.splice(0, this.batchSize());
      const request: WorkerRequest = { id: this.nextId++, files: tasks.map((task) => task.file) };
      slot.running.set(request.id, tasks);
      slot.worker.postMessage(request);
    }
    const task = this.local !== undefined && !this.localBusy ? this.queue.shift() : undefined;
    if (this.local !== undefined && task !== undefined) void this.lintHere(this.local, task);
  }

  /**
   * One file in this thread, then back to the event loop: worker replies and the next dispatch
   * wait only that long (a batch of large templates here left the workers idle).
   */
  private async lintHere(lint: LintOne, task: Task): Promise<void> {
    this.localBusy = true;
    try {
      task.resolve(await lint(task.file.filePath, task.file.text));
    } catch (error) {
      task.reject(error instanceof Error ? error : new Error(String(error)));
    }
    this.localBusy = false;
    this.scheduleDispatch();
  }

  /** Full batches while there is plenty queued; near the end, the queue shared among the linting threads. */
  private batchSize(): number {
    return Math.max(1, Math.min(BATCH_SIZE, Math.ceil(this.queue.length / this.size)));
  }

  /** A worker that crashes fails the run: every file waiting or in flight is rejected with the cause. */
  private fail(error: Error): void {
    this.failure ??= error;
    const waiting = [...this.queue.splice(0), ...this.slots.flatMap((slot) => [...slot.running.values()].flat())];
    for (const slot of this.slots) slot.running.clear();
    for (const task of waiting) task.reject(error);
  }
}
