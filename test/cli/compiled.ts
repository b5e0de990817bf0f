import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newestSourceTime } from '../source-age.js';

const root = join(import.meta.dirname, '..', '..');

/**
 * The sources compiled into a directory of this test run's own (not dist/, which bin.test.ts builds
 * at the same time), for what needs JavaScript files: worker threads load `lint-worker.js`.
 * Compiled again only when a source is newer than the last build.
 */
export const compiledRoot = join(root, 'node_modules', '.cache', 'tl-lint-compiled');


export function compileSources(): void {
  const stamp = join(compiledRoot, '.built');
  const newest = newestSourceTime();
  try {
    if (statSync(stamp).mtimeMs >= newest) return;
  } catch {
    // Not built yet.
  }
  rmSync(compiledRoot, { recursive: true, force: true });
  mkdirSync(compiledRoot, { recursive: true });
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', compiledRoot, '--declaration', 'false', '--sourceMap', 'false'], { cwd: root, encoding: 'utf8' });
  // Exit code 2 is "type errors, output written": type errors are the typecheck's business (and
  // bin.test.ts's); these tests only need the JavaScript.
  if (build.status !== 0 && build.status !== 2) throw new Error(`tsc failed:\n${build.stdout}${build.stderr}`);
  writeFileSync(stamp, '');
}

export const compiledWorker = new URL(`file://${join(compiledRoot, 'src', 'cli', 'lint-worker.js')}`);
export const compiledBin = join(compiledRoot, 'src', 'cli', 'bin.js');
