import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Manifest {
  readonly name?: string;
  readonly version?: string;
}

/** tl-lint's package directory and version, found above this module (src/ and dist/src/ alike). */
export function findPackage(fromUrl: string): { readonly root: string; readonly version: string } | undefined {
  for (let dir = dirname(fileURLToPath(fromUrl)); ; dir = dirname(dir)) {
    const path = join(dir, 'package.json');
    if (existsSync(path)) {
      const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
      if (manifest.name === 'tl-lint') return { root: dir, version: manifest.version ?? '0.0.0' };
    }
    if (dirname(dir) === dir) return undefined;
  }
}
