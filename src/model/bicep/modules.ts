// Local modules (`module m './vm.bicep' = {…}`) are read from disk, but only inside the tree of
// the linted file's repository (the nearest folder with a `.git`, else the file's own folder):
// a template must not make the linter read arbitrary files. Registry and template-spec modules
// (`br:`, `br/alias:`, `ts:`) are not fetched.
// https://learn.microsoft.com/azure/azure-resource-manager/bicep/modules
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { createSourceFile, type SourceFile } from '../source.js';
import type { UnreadModuleReason } from '../template.js';

const MAX_MODULE_BYTES = 4_000_000;

export type ModuleTarget =
  | { readonly kind: 'bicep'; readonly file: SourceFile; readonly realPath: string }
  /** A registry module, a JSON template, a file outside the repository, or one that cannot be read. */
  | { readonly kind: 'unknown'; readonly reason: UnreadModuleReason };

const unknown = (reason: UnreadModuleReason): ModuleTarget => ({ kind: 'unknown', reason });

const rootCache = new Map<string, string>();

/** The folder whose tree modules may come from. */
export function repositoryRoot(filePath: string): string {
  const start = dirname(resolve(filePath));
  const cached = rootCache.get(start);
  if (cached !== undefined) return cached;
  let root = start;
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) {
      root = dir;
      break;
    }
    if (dirname(dir) === dir) break;
  }
  rootCache.set(start, root);
  return root;
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function realPath(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

/** Reads the module a declaration names, relative to the file that declares it. */
export function readModule(callerPath: string, written: string, root: string): ModuleTarget {
  if (/^br[:/]/i.test(written)) return unknown('registry');
  if (/^ts[:/]/i.test(written)) return unknown('template-spec');
  if (!/\.bicep$/i.test(written)) return unknown('json');
  const target = resolve(dirname(resolve(callerPath)), written);
  const real = realPath(target);
  if (real === undefined) return unknown(isInside(root, target) ? 'not-found' : 'outside-root');
  if (!isInside(realPath(root) ?? root, real)) return unknown('outside-root');
  try {
    const stats = statSync(real);
    if (!stats.isFile()) return unknown('not-found');
    if (stats.size > MAX_MODULE_BYTES) return unknown('too-large');
    return { kind: 'bicep', file: createSourceFile(target, readFileSync(real, 'utf8')), realPath: real };
  } catch {
    return unknown('not-found');
  }
}
