import { closeSync, constants, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
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

/** The first `length` bytes of a regular file (all of it when shorter), and whether that is all of it. */
export function readRegularFileStartSync(path: string, length: number): { readonly bytes: Buffer; readonly whole: boolean } {
  const fd = openSync(path, READ_FLAGS);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new NotARegularFile(path);
    const bytes = Buffer.alloc(Math.min(length, info.size));
    let read = 0;
    while (read < bytes.length) {
      const count = readSync(fd, bytes, read, bytes.length - read, read);
      if (count === 0) break;
      read += count;
    }
    return { bytes: bytes.subarray(0, read), whole: read >= info.size };
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
