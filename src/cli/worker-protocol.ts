import type { FileLintResult } from '../engine/api.js';

/** What the pool sends a lint worker: a file to lint, with its text when the main thread read it. */
export interface WorkerRequest {
  readonly id: number;
  readonly filePath: string;
  readonly text?: string;
}

export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
}

export type WorkerReply =
  | { readonly id: number; readonly result: FileLintResult }
  | { readonly id: number; readonly error: SerializedError };

/** An error from a worker, with its name kept (the CLI tells a ConfigError from a crash by name). */
export function reviveError(serialized: SerializedError): Error {
  const error = new Error(serialized.message);
  error.name = serialized.name;
  if (serialized.stack !== undefined) error.stack = serialized.stack;
  return error;
}
