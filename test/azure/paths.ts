import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** ../shared beside the repo, as in CI. */
export const sharedDir = fileURLToPath(new URL('../../../shared/', import.meta.url));

export function readSharedJson(path: string): unknown {
  return JSON.parse(readFileSync(`${sharedDir}${path}`, 'utf8'));
}
