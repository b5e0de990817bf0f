import { Worker } from 'node:worker_threads';
import type { FileLintResult, LintOptions } from '../engine/api.js';
import type { LintOne } from './lint-files.js';
import { reviveError, type WorkerReply, type WorkerRequest } from './worker-protocol.js';

interface Task {
  readonly request: WorkerRequest;
  readonly resolve: (result: FileLintResult) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  readonly running: Map<number, Task>;
}

/** Requests in flight per worker: one being linted and one waiting, so a worker never idles on a round trip. */
const IN_FLIGHT_PER_WORKER = 2;

/**
 * `--jobs`: lint workers, each with its own engine built from the same options. Files go to the
 * least busy worker; each result resolves its own promise, so the caller keeps input order.
 */
export class WorkerPool {
  private readonly slots: Slot[];
  private readonly queue: Task[] = [];
  private nextId = 0;
  private failure: Error | undefined;

  constructor(script: URL, size: number, options: LintOptions) {
    this.slots = Array.from({ length: size }, () => this.start(script, options));
  }

  readonly lint: LintOne = (filePath, text) =>
    new Promise<FileLintResult>((resolve, reject) => {
      if (this.failure) {
        reject(this.failure);
        return;
      }
      const request: WorkerRequest = text === undefined ? { id: this.nextId++, filePath } : { id: this.nextId++, filePath, text };
      this.queue.push({ request, resolve, reject });
      this.dispatch();
    });

  get size(): number {
    return this.slots.length;
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private start(script: URL, options: LintOptions): Slot {
    const worker = new Worker(script, { workerData: options });
    const slot: Slot = { worker, running: new Map() };
    worker.on('message', (reply: WorkerReply) => {
      const task = slot.running.get(reply.id);
      if (!task) return;
      slot.running.delete(reply.id);
      if ('error' in reply) task.reject(reviveError(reply.error));
      else task.resolve(reply.result);
      this.dispatch();
    });
    worker.on('error', (error) => {
      this.fail(error);
    });
    worker.on('exit', (code) => {
      if (slot.running.size > 0) this.fail(new Error(`A lint worker stopped (exit code ${String(code)}) with files still to lint.`));
    });
    return slot;
  }

  private dispatch(): void {
    for (;;) {
      const slot = this.slots.reduce<Slot | undefined>((best, s) => (best === undefined || s.running.size < best.running.size ? s : best), undefined);
      if (!slot || slot.running.size >= IN_FLIGHT_PER_WORKER) return;
      const task = this.queue.shift();
      if (!task) return;
      slot.running.set(task.request.id, task);
      slot.worker.postMessage(task.request);
    }
  }

  /** A worker that crashes fails the run: every file waiting or in flight is rejected with the cause. */
  private fail(error: Error): void {
    this.failure ??= error;
    const waiting = [...this.queue.splice(0), ...this.slots.flatMap((slot) => [...slot.running.values()])];
    for (const slot of this.slots) slot.running.clear();
    for (const task of waiting) task.reject(error);
  }
}
