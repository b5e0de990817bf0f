import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { newestSourceTime, repoRoot } from './source-age.js';

interface PackageJson {
  readonly bin: Readonly<Record<string, string>>;
}

const bins = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as PackageJson).bin;

function binPath(name: string): string {
  const path = bins[name];
  if (path === undefined) throw new Error(`package.json has no bin '${name}'`);
  return join(repoRoot, path);
}

/** `tl-lint` as users run it: the package's bin, the bundle scripts/bundle.mjs makes. */
export const cliBin = binPath('tl-lint');
/** The same CLI as compiled modules (dist/src), which the bundle is made from. */
export const compiledCliBin = join(repoRoot, 'dist', 'src', 'cli', 'bin.js');
export const serverBin = binPath('tl-lint-language-server');

/**
 * dist/ as users run it: `npm ci` builds it (the `prepare` script: tsc, then the bundle); while
 * developing, sources newer than dist/ are built first. Test files run in parallel: one builds
 * while the others wait for it, then find dist/ fresh.
 */
export function ensureBuilt(): void {
  const lock = join(repoRoot, 'node_modules', '.cache', 'tl-lint-build.lock');
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

function builtAt(): number {
  try {
    return Math.min(...[cliBin, compiledCliBin, serverBin].map((path) => statSync(path).mtimeMs));
  } catch {
    return 0;
  }
}

function buildIfStale(): void {
  if (builtAt() >= newestSourceTime()) return;
  for (const args of [[join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], [join(repoRoot, 'scripts', 'bundle.mjs')]]) {
    const build = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' });
    if (build.status !== 0 || build.stdout + build.stderr !== '') throw new Error(`${args.join(' ')} failed:\n${build.stdout}${build.stderr}`);
  }
}
