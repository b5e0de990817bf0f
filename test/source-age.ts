import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root, for tests that run the built CLI or compile the sources. */
export const repoRoot = join(import.meta.dirname, '..');

function newestIn(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return Math.max(newest, newestIn(path));
    return entry.name.endsWith('.ts') ? Math.max(newest, statSync(path).mtimeMs) : newest;
  }, 0);
}

/** When a TypeScript source of src/ or rules/ last changed: a build older than this is stale. */
export function newestSourceTime(): number {
  return Math.max(newestIn(join(repoRoot, 'src')), newestIn(join(repoRoot, 'rules')));
}
