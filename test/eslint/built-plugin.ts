/**
 * The real `eslint` CLI loads the plugin as JavaScript. dist/ is used when it is up to date with
 * the sources (`npm ci` builds it through `prepare`); otherwise the sources are compiled into a
 * directory of this run's own inside node_modules/.cache (packages resolve from there), removed afterwards.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..');

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * Every source has its output, and every output is newer than every source (a build in progress
 * elsewhere leaves old files behind).
 */
function distIsCurrent(): boolean {
  try {
    const sources = ['src', 'rules'].flatMap((dir) => sourcesUnder(join(repoRoot, dir)));
    const newestSource = Math.max(...sources.map((path) => statSync(path).mtimeMs));
    const outputs = sources.map((path) => join(repoRoot, 'dist', relative(repoRoot, path)).replace(/\.ts$/, '.js'));
    return outputs.every((path) => statSync(path).mtimeMs >= newestSource);
  } catch {
    return false;
  }
}

export interface Build {
  /** Holds src/ and rules/ as JavaScript. */
  readonly root: string;
  dispose(): void;
}

export function builtSources(): Build {
  if (distIsCurrent()) return {
      root: join(repoRoot, 'dist'),
      dispose: () => {
        // dist/ belongs to the build, not to this run.
      },
    };
  const cache = join(repoRoot, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const outDir = mkdtempSync(join(cache, 'tl-lint-eslint-'));
  const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const args = [tsc, '-p', 'tsconfig.build.json', '--outDir', outDir, '--declaration', 'false', '--sourceMap', 'false'];
  const build = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' });
  // Exit code 2 is "type errors, output written": type errors are the typecheck's business.
  if (build.status !== 0 && build.status !== 2) throw new Error(`tsc failed:\n${build.stdout}${build.stderr}`);
  return {
    root: outDir,
    dispose: () => {
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
