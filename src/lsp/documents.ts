import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range, TextEdit } from 'vscode-languageserver/node';
import { TEMPLATE_EXTENSIONS } from '../model/frontends.js';

/** Language ids the VS Code client registers the server for (`arm-template` comes from the ARM Tools extension). */
export const LANGUAGE_IDS: readonly string[] = ['json', 'jsonc', 'arm-template', 'bicep', 'bicep-params'];

const EXTENSION_FOR_LANGUAGE: Readonly<Record<string, string>> = { bicep: '.bicep', 'bicep-params': '.bicepparam' };

/**
 * The path the engine lints a document as: the file itself for `file:` URIs, and for unsaved
 * buffers a name in the workspace whose extension picks the front-end from the language id.
 */
export function enginePath(uri: string, languageId: string, cwd: string): string {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      // A file URI Node cannot turn into a path (a UNC host on Linux): treat it as unsaved.
    }
  }
  const name = encodeURIComponent(uri).slice(-80);
  return join(cwd, `${name}${EXTENSION_FOR_LANGUAGE[languageId] ?? '.json'}`);
}

/** Whether the server lints this document at all (other JSON in the workspace gets no diagnostics). */
export function isLintable(document: TextDocument, path: string): boolean {
  const extension = extname(path).toLowerCase();
  return LANGUAGE_IDS.includes(document.languageId) || (TEMPLATE_EXTENSIONS as readonly string[]).includes(extension);
}

/**
 * Engine offsets index the text without its BOM; a client may send the BOM as the first
 * character, so LSP offsets are shifted by it.
 */
export function bomLength(text: string): 0 | 1 {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/** An engine range (BOM-less offsets) as an LSP range in the document (UTF-16 positions). */
export function rangeAt(document: TextDocument, start: number, end: number): Range {
  const shift = bomLength(document.getText());
  return { start: document.positionAt(start + shift), end: document.positionAt(end + shift) };
}

/**
 * The edit that replaces [start, end) of the BOM-less text with `replacement`, trimmed to the
 * characters that really change, so the editor keeps the cursor and undo stays small.
 */
export function minimalEdit(document: TextDocument, start: number, end: number, replacement: string): TextEdit {
  const text = document.getText();
  const shift = bomLength(text);
  let from = start + shift;
  let to = end + shift;
  let newStart = 0;
  let newEnd = replacement.length;
  while (from < to && newStart < newEnd && text.charCodeAt(from) === replacement.charCodeAt(newStart)) {
    from++;
    newStart++;
  }
  while (to > from && newEnd > newStart && text.charCodeAt(to - 1) === replacement.charCodeAt(newEnd - 1)) {
    to--;
    newEnd--;
  }
  // Never cut a surrogate pair in two: a client converting the edit to UTF-8 would see half a character.
  if (from > 0 && newStart > 0 && isHighSurrogate(text.charCodeAt(from - 1))) {
    from--;
    newStart--;
  }
  if (to < text.length && newEnd < replacement.length && isLowSurrogate(text.charCodeAt(to))) {
    to++;
    newEnd++;
  }
  return { range: { start: document.positionAt(from), end: document.positionAt(to) }, newText: replacement.slice(newStart, newEnd) };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
