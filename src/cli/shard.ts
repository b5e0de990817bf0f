import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import type { Shard } from './args.js';
import { portablePath } from './paths.js';

/**
 * The shard (0-based) a file belongs to: a hash of its path relative to the working directory, so
 * every machine of a CI matrix that runs from the checkout's root puts it in the same shard, and a
 * file keeps its shard when others are added or removed.
 */
export function shardOf(relativePath: string, count: number): number {
  const hash = createHash('sha256').update(portablePath(relativePath)).digest();
  return hash.readUInt32BE(0) % count;
}

/** The files of shard `index`/`count` (1-based index), in their original order. */
export function selectShard<File extends { readonly path: string }>(files: readonly File[], shard: Shard, cwd: string): File[] {
  return files.filter((file) => shardOf(relative(cwd, file.path), shard.count) === shard.index - 1);
}

/** selectShard over files as they are found. */
export async function* filesInShard<File extends { readonly path: string }>(files: AsyncIterable<File>, shard: Shard, cwd: string): AsyncGenerator<File, void, undefined> {
  for await (const file of files) if (shardOf(relative(cwd, file.path), shard.count) === shard.index - 1) yield file;
}
