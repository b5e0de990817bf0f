import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';

export class NotARegularFile extends Error {
  readonly code = 'ENOTREG';
}

// Opened without blocking, then checked: reading a FIFO (or a device) named like a template would
// wait for a writer forever.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK as number | undefined ?? 0);

/** A file's bytes; throws (code ENOTREG) for anything but a regular file, without waiting on it. */
export function readRegularFileSync(path: string): Buffer {
  const fd = openSync(path, READ_FLAGS);
  try {
    if (!fstatSync(fd).isFile()) throw new NotARegularFile(path);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** `readRegularFileSync`, asynchronously. */
export async function readRegularFile(path: string): Promise<Buffer> {
  const handle = await open(path, READ_FLAGS);
  try {
    if (!(await handle.stat()).isFile()) throw new NotARegularFile(path);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
