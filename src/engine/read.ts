import { NotARegularFile, readRegularFileSync } from '../model/read-file.js';

export { readRegularFile, readRegularFileSync } from '../model/read-file.js';

export type ReadOutcome = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads a file as text: UTF-8 (with or without BOM) or UTF-16 with a BOM; binary files are refused. */
export function decodeTemplateBytes(bytes: Uint8Array): ReadOutcome {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  if (bytes.includes(0)) return { ok: false, message: 'The file is binary (it contains NUL bytes), not a template.' };
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, message: 'The file is not valid UTF-8 text.' };
  }
}

export function readTemplateFile(path: string): ReadOutcome {
  try {
    return decodeTemplateBytes(readRegularFileSync(path));
  } catch (error) {
    if (error instanceof NotARegularFile) return { ok: false, message: 'Not a regular file (a FIFO, socket or device): it was not read.' };
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, message: `Cannot read the file (${code}).` };
  }
}
