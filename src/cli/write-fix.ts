import { randomBytes } from 'node:crypto';
import { chmod, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export type FixWriteOutcome =
  | { readonly kind: 'written' }
  | { readonly kind: 'changed-on-disk' }
  | { readonly kind: 'failed'; readonly reason: string };

/**
 * Replaces a file with its fixed text, unless the file changed since `original` was read.
 * Atomic: a temporary file in the same directory is renamed over the target, so a reader never
 * sees half a template. The file keeps its mode, its encoding and its byte-order mark.
 */
export async function writeFixedFile(path: string, original: Uint8Array, fixedText: string): Promise<FixWriteOutcome> {
  let temp: string | undefined;
  try {
    // A symlink stays a symlink: the file it points at is replaced.
    const target = await realpath(path);
    const current = await readFile(target);
    if (!current.equals(original)) return { kind: 'changed-on-disk' };
    const mode = (await stat(target)).mode & 0o7777;
    temp = tempPathBeside(target);
    await writeFile(temp, encodeLike(original, fixedText), { flag: 'wx', mode });
    // writeFile's mode is filtered by the umask; the original mode is what the user set.
    await chmod(temp, mode);
    await rename(temp, target);
    return { kind: 'written' };
  } catch (error) {
    if (temp !== undefined) await rm(temp, { force: true });
    return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * A new temporary file's path beside `target`: hidden, random, and ending in `.tmp`, so a scan
 * never takes one left by a killed run for a template.
 */
export function tempPathBeside(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tl-lint.tmp`);
}

/** `text` (without BOM) encoded the way `original` was: UTF-8 with or without BOM, or UTF-16 with BOM. */
export function encodeLike(original: Uint8Array, text: string): Buffer {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const [b0, b1, b2] = original;
  if (b0 === 0xff && b1 === 0xfe) return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]);
  if (b0 === 0xfe && b1 === 0xff) return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(body, 'utf16le').swap16()]);
  const bom = b0 === 0xef && b1 === 0xbb && b2 === 0xbf ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0);
  return Buffer.concat([bom, Buffer.from(body, 'utf8')]);
}
