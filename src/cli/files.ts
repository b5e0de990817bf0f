import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from './usage-error.js';
import { skippedDirectories, walkFiles } from './walk.js';

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

/** The directories a walk skips, for globs too. */
const alwaysIgnored = [...skippedDirectories].map((directory) => `**/${directory}/**`);

/**
 * The files of discoverFiles, in the same order, as they are found. A single directory (the usual
 * `tl-lint .`) is walked as the files are linted, so a run over 100,000 templates does not hold
 * their list (it was most of the memory such a run kept); its errors come when the walk ends,
 * before any file was yielded. Several patterns, files and globs are collected first: they are
 * de-duplicated and sorted together.
 */
export function streamFiles(patterns: readonly string[], options: DiscoverOptions): AsyncIterable<FileToLint> {
  const [pattern, ...others] = patterns;
  if (pattern !== undefined && others.length === 0) {
    const root = resolve(options.cwd, pattern);
    if (pathKind(root) === 'directory') return scanDirectory(pattern, root, options.isIgnored);
  }
  return collected(patterns, options);
}

async function* scanDirectory(pattern: string, root: string, isIgnored: (path: string) => boolean): AsyncGenerator<FileToLint, void, undefined> {
  let found = 0;
  let kept = 0;
  for await (const path of walkFiles(root, scannedExtensions)) {
    found++;
    if (isIgnored(path)) continue;
    kept++;
    yield { path, explicit: false, ignored: false };
  }
  if (found === 0) throw new UsageError(`No files matching '${pattern}' were found.`);
  if (kept === 0) throw new UsageError(`All files matched by '${pattern}' are ignored.`);
}

async function* collected(patterns: readonly string[], options: DiscoverOptions): AsyncGenerator<FileToLint, void, undefined> {
  yield* await discoverFiles(patterns, options);
}

/**
 * Expands paths, directories and globs into the files to lint: absolute, de-duplicated, sorted.
 * Throws UsageError, with ESLint's wording, when a pattern matches nothing or only ignored files.
 */
export async function discoverFiles(patterns: readonly string[], options: DiscoverOptions): Promise<FileToLint[]> {
  const found = new Map<string, FileToLint>();
  for (const pattern of patterns) {
    const { paths, explicit } = await expand(pattern, options.cwd);
    if (paths.length === 0) throw new UsageError(`No files matching '${pattern}' were found.`);
    let kept = 0;
    // One object per file and no intermediate lists: a scan of 100,000 files is otherwise the
    // largest use of memory of the whole run.
    for (const path of paths) {
      const ignored = options.isIgnored(path);
      if (ignored && !explicit) continue;
      kept++;
      const previous = found.get(path);
      found.set(path, { path, explicit: explicit || previous?.explicit === true, ignored });
    }
    if (kept === 0) throw new UsageError(`All files matched by '${pattern}' are ignored.`);
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function expand(pattern: string, cwd: string): Promise<{ paths: string[]; explicit: boolean }> {
  const path = resolve(cwd, pattern);
  const kind = pathKind(path);
  if (kind === 'file') return { paths: [path], explicit: true };
  if (kind === 'directory') {
    const paths: string[] = [];
    for await (const file of walkFiles(path, scannedExtensions)) paths.push(file);
    return { paths, explicit: false };
  }
  // Loaded only for globs: a run over files and directories named on the command line does without.
  const { glob, isDynamicPattern } = await import('tinyglobby');
  if (!isDynamicPattern(pattern)) return { paths: [], explicit: false };
  const files = await glob([pattern], { cwd, absolute: true, dot: true, ignore: alwaysIgnored, expandDirectories: false });
  return { paths: files.map((file) => resolve(file)), explicit: false };
}

// Synchronous: a stat takes microseconds, while an awaited one goes through libuv's thread pool
// and left the process idle for 0.3 s over 2,000 files named on the command line.
function pathKind(path: string): 'file' | 'directory' | 'missing' {
  try {
    const info = statSync(path, { throwIfNoEntry: false });
    return info === undefined ? 'missing' : info.isDirectory() ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}
