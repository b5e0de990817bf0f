import type { FileLintResult } from '../engine/api.js';

/** One file for a lint worker, with its text when the main thread read it. */
export interface FileRequest {
  readonly filePath: string;
  readonly text?: string;
}

/**
 * What the pool sends a lint worker: a batch of files. Batches, not single files, because each
 * message costs a fixed ~0.2 ms (a wake-up of the other thread) — as much as linting a small
 * template — and with one message per file `--jobs 2` was slower than one thread.
 */
export interface WorkerRequest {
  readonly id: number;
  readonly files: readonly FileRequest[];
}

export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
}

export type FileReply = { readonly result: FileLintResult } | { readonly error: SerializedError };

/** The replies to a batch, in the order of its files. */
export interface WorkerReply {
  readonly id: number;
  readonly replies: readonly FileReply[];
}

/** An error from a worker, with its name kept (the CLI tells a ConfigError from a crash by name). */
export function reviveError(serialized: SerializedError): Error {
  const error = new Error(serialized.message);
  error.name = serialized.name;
  if (serialized.stack !== undefined) error.stack = serialized.stack;
  return error;
}
