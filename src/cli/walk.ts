import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, sep } from 'node:path';

/** Directories a scan never enters, matched without regard to case (as the globs that did this before). */
export const skippedDirectories: ReadonlySet<string> = new Set(['node_modules', '.git']);

interface Entry {
  readonly name: string;
  /** The name, and a separator after a directory's: see walkFiles. */
  readonly key: string;
  readonly directory: boolean;
}

interface Level {
  readonly directory: string;
  readonly entries: readonly Entry[];
  next: number;
}

/**
 * The regular files under `root` whose extension is one of `extensions` (lower case, matched
 * without regard to case), yielded one at a time as the walk finds them: the walk holds only the
 * entries of the directories it is in, never the whole list.
 *
 * The order is that of sorting all the full paths (by UTF-16 code units): each directory's entries
 * are sorted with a separator after a directory's name, since everything under `a/` sorts as
 * `a/…` does — after `a-b` and `a.b`, before `a0`.
 *
 * Symbolic links are not followed, nor reported (as in git and ripgrep): a scan stays inside the
 * tree and cannot loop. Directories that cannot be read are passed over.
 */
export async function* walkFiles(root: string, extensions: readonly string[]): AsyncGenerator<string, void, undefined> {
  const suffixes = extensions.map((extension) => `.${extension.toLowerCase()}`);
  const wanted = (name: string): boolean => {
    const lower = name.toLowerCase();
    return suffixes.some((suffix) => lower.endsWith(suffix));
  };
  const stack: Level[] = [{ directory: root, entries: await sortedEntries(root, wanted), next: 0 }];
  for (let level = stack.at(-1); level !== undefined; level = stack.at(-1)) {
    const entry = level.entries[level.next++];
    if (entry === undefined) {
      stack.pop();
      continue;
    }
    const path = join(level.directory, entry.name);
    if (entry.directory) stack.push({ directory: path, entries: await sortedEntries(path, wanted), next: 0 });
    else yield path;
  }
}

async function sortedEntries(directory: string, wanted: (name: string) => boolean): Promise<Entry[]> {
  let dirents: Dirent[];
  try {
    dirents = await readdir(directory, { withFileTypes: true });
  } catch {
    return [];
  }
  const entries: Entry[] = [];
  for (const dirent of dirents) {
    const { name } = dirent;
    // Dirent types come from lstat: a link is neither a file nor a directory here, so it is skipped.
    if (dirent.isDirectory()) {
      if (!skippedDirectories.has(name.toLowerCase())) entries.push({ name, key: name + sep, directory: true });
    } else if (dirent.isFile() && wanted(name)) {
      entries.push({ name, key: name, directory: false });
    }
  }
  return entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
