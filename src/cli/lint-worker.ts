// A worker thread of `--jobs`: its own engine, one file per request.
import { parentPort, workerData } from 'node:worker_threads';
import type { LintOptions } from '../engine/api.js';
import { createEngine } from '../engine/engine.js';
import { withoutUnusedSource } from './lint-files.js';
import type { WorkerReply, WorkerRequest } from './worker-protocol.js';

const port = parentPort;
if (port === null) throw new Error('lint-worker runs as a worker thread of tl-lint --jobs.');

const engine = await createEngine(workerData as LintOptions);

port.on('message', (request: WorkerRequest) => {
  void reply(request).then((message) => {
    port.postMessage(message);
  });
});

async function reply(request: WorkerRequest): Promise<WorkerReply> {
  try {
    return { id: request.id, result: withoutUnusedSource(await engine.lintFile(request.filePath, request.text)) };
  } catch (error) {
    const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
    return { id: request.id, error: { name, message, ...(stack === undefined ? {} : { stack }) } };
  }
}
