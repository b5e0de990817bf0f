// A worker thread of `--jobs`: its own engine, one batch of files per request.
import { parentPort, workerData } from 'node:worker_threads';
import type { LintOptions } from '../engine/api.js';
import { createEngine } from '../engine/engine.js';
import { withoutUnusedSource } from './held-source.js';
import type { FileReply, FileRequest, WorkerRequest } from './worker-protocol.js';

const port = parentPort;
if (port === null) throw new Error('lint-worker runs as a worker thread of tl-lint --jobs.');

const engine = await createEngine(workerData as LintOptions);

port.on('message', (request: WorkerRequest) => {
  void lintBatch(request.files).then((replies) => {
    port.postMessage({ id: request.id, replies });
  });
});

async function lintBatch(files: readonly FileRequest[]): Promise<FileReply[]> {
  const replies: FileReply[] = [];
  for (const file of files) replies.push(await lintOne(file));
  return replies;
}

async function lintOne(file: FileRequest): Promise<FileReply> {
  try {
    return { result: withoutUnusedSource(await engine.lintFile(file.filePath, file.text)) };
  } catch (error) {
    const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
    return { error: { name, message, ...(stack === undefined ? {} : { stack }) } };
  }
}
