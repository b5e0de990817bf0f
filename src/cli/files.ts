import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from './usage-error.js';

export interface FileToLint {
  readonly path: string;
  /** Named on the command line as a file: always reported, even when it is not a template. */
  readonly explicit: boolean;
  /** Only explicit files are kept when ignored, to say that they were ignored (ESLint does the same). */
  readonly ignored: boolean;
}

export interface DiscoverOptions {
  readonly cwd: string;
  readonly isIgnored: (path: string) => boolean;
}

/** What a directory scan looks for; other files are only linted when named or matched by a glob. */
export const scannedExtensions: readonly string[] = ['json', 'jsonc', 'bicep', 'bicepparam'];

const alwaysIgnored = ['**/node_modules/**', '**/.git/**'];

/**
 * Expands paths, directories and globs into the files to lint: absolute, de-duplicated, sorted.
 * Throws UsageError, with ESLint's wording, when a pattern matches nothing or only ignored files.
 */
export async function discoverFiles(patterns: readonly string[], options: DiscoverOptions): Promise<FileToLint[]> {
  const found = new Map<string, FileToLint>();
  for (const pattern of patterns) {
    const matches = await expand(pattern, options.cwd);
    if (matches.length === 0) throw new UsageError(`No files matching '${pattern}' were found.`);
    const kept = matches
      .map((m) => ({ ...m, ignored: options.isIgnored(m.path) }))
      .filter((m) => m.explicit || !m.ignored);
    if (kept.length === 0) throw new UsageError(`All files matched by '${pattern}' are ignored.`);
    for (const file of kept) {
      const previous = found.get(file.path);
      found.set(file.path, { ...file, explicit: file.explicit || previous?.explicit === true });
    }
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function expand(pattern: string, cwd: string): Promise<{ path: string; explicit: boolean }[]> {
  const path = resolve(cwd, pattern);
  const kind = await pathKind(path);
  if (kind === 'file') return [{ path, explicit: true }];
  if (kind === 'directory') {
    const files = await glob([`**/*.{${scannedExtensions.join(',')}}`], {
      cwd: path,
      absolute: true,
      dot: true,
      ignore: alwaysIgnored,
      caseSensitiveMatch: false,
      expandDirectories: false,
    });
    return files.map((file) => ({ path: resolve(file), explicit: false }));
  }
  if (!isDynamicPattern(pattern)) return [];
  const files = await glob([pattern], { cwd, absolute: true, dot: true, ignore: alwaysIgnored, expandDirectories: false });
  return files.map((file) => ({ path: resolve(file), explicit: false }));
}

async function pathKind(path: string): Promise<'file' | 'directory' | 'missing'> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}
