import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { streamClient, type ClientOptions, type TestClient } from './client.js';
import { newestSourceTime } from '../source-age.js';

export const root = join(import.meta.dirname, '..', '..');
export const cliBin = join(root, 'dist', 'src', 'cli', 'bin.js');
export const serverBin = join(root, 'dist', 'src', 'lsp', 'bin.js');


/**
 * dist/ as users run it: `npm ci` builds it (the `prepare` script); while developing, sources
 * newer than dist/ are built first, as test/cli/bin.test.ts does.
 */
export function ensureBuilt(): void {
  // Test files run in parallel: one builds while the others wait for it, then find dist/ fresh.
  const lock = join(root, 'node_modules', '.cache', 'tl-lint-lsp-build.lock');
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      // A lock left by a killed run.
      if (Date.now() - since > 300_000) rmSync(lock, { recursive: true, force: true });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    buildIfStale();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function buildIfStale(): void {
  let built = 0;
  try {
    built = Math.min(statSync(cliBin).mtimeMs, statSync(join(root, 'dist', 'src', 'lsp', 'server.js')).mtimeMs);
  } catch {
    // Not built yet.
  }
  if (built >= newestSourceTime()) return;
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`tsc failed:\n${build.stdout}${build.stderr}`);
}

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
