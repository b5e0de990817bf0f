import { format, type FormattingOptions } from 'jsonc-parser';
import type { WorkingCopy } from './working-copy.js';

/**
 * The file's own indentation and line ends (jsonc-parser detects neither): the indent unit is the
 * indentation of the first indented line that starts with a JSON token; two spaces when none is.
 * Runs on the prepared text, where a multi-line string is one line and cannot be mistaken for it.
 */
export function detectFormatting(prepared: string, eol: '\n' | '\r\n'): FormattingOptions {
  const match = /^([ \t]+)["{}[\]]/m.exec(prepared);
  const indent = match?.[1];
  if (indent === undefined) return { insertSpaces: true, tabSize: 2, eol };
  if (indent.startsWith('\t')) return { insertSpaces: false, tabSize: 4, eol };
  return { insertSpaces: true, tabSize: indent.length, eol };
}

/**
 * Formats the whitespace within [start, end) of the working copy (current coordinates), widened by
 * `margin` to take in the breaks on either side of inserted text — and nothing else on the lines
 * it touches (jsonc-parser's `modify` reformats whole lines, rewriting a neighbour written on one line).
 */
export function formatSpan(copy: WorkingCopy, start: number, end: number, options: FormattingOptions, margin: number): void {
  const from = Math.max(0, start - margin);
  let to = Math.min(copy.length, end + margin);
  // Never end between the two characters of a CRLF: jsonc-parser would format the lone CR away.
  if (copy.slice(to - 1, to + 1, true) === '\r\n') to++;
  copy.applyAll(format(copy.prepared, { offset: from, length: to - from }, options));
}
