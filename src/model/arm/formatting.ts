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
  // jsonc-parser reads only the lines the range touches: handing it just those keeps a fix from
  // costing a copy and a scan of the whole file (quadratic over a file of thousands of resources).
  // On a line longer than MAX_LINE_WINDOW (minified JSON) it starts at `start`, a token boundary.
  const before = copy.slice(Math.max(0, from - MAX_LINE_WINDOW), from, true);
  const lineBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  const windowStart = lineBreak >= 0 ? from - before.length + lineBreak + 1 : from <= MAX_LINE_WINDOW ? 0 : start;
  const after = copy.slice(to, to + MAX_LINE_WINDOW, true);
  const breakAfter = after.search(/[\r\n]/);
  const windowEnd = breakAfter >= 0 ? to + breakAfter : to + after.length;
  const window = copy.slice(windowStart, windowEnd, true);
  const rangeStart = Math.max(from, windowStart);
  const edits = format(window, { offset: rangeStart - windowStart, length: to - rangeStart }, options);
  copy.applyAll(edits.map((edit) => ({ ...edit, offset: edit.offset + windowStart })));
}

const MAX_LINE_WINDOW = 4096;
