import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest directory at or above `fromUrl` whose package.json is tl-lint's (src/ and dist/src/ alike). */
export function findPackageRoot(fromUrl: string): string {
  let dir = dirname(fileURLToPath(fromUrl));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && readManifest(dir).name === 'tl-lint') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`tl-lint's package.json not found above ${fileURLToPath(fromUrl)}`);
    dir = parent;
  }
}

export function packageVersion(packageRoot: string): string {
  return readManifest(packageRoot).version ?? 'unknown';
}

/** The version, or 'unknown' for a host without a package.json (a test's), rather than a crash. */
export function safePackageVersion(packageRoot: string): string {
  try {
    return packageVersion(packageRoot);
  } catch {
    return 'unknown';
  }
}

interface Manifest {
  readonly name?: string;
  readonly version?: string;
}

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
}
