import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { streamClient, type ClientOptions, type TestClient } from './client.js';
import { repoRoot } from '../source-age.js';

export { cliBin, ensureBuilt, serverBin } from '../built.js';
export const root = repoRoot;

export interface SpawnedServer {
  readonly client: TestClient;
  readonly child: ChildProcessWithoutNullStreams;
  readonly stderr: () => string;
  /** Resolves with the exit code once the process has ended. */
  readonly exited: Promise<number | null>;
}

/** The built server as its own process, spoken to over its stdin and stdout. */
export function spawnServer(args: readonly string[], options: ClientOptions = {}): SpawnedServer {
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'pipe' });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      resolve(code);
    });
  });
  const client = streamClient(child.stdout, child.stdin, options, () => {
    if (child.exitCode === null) child.kill();
  });
  return { client, child, stderr: () => stderr, exited };
}
