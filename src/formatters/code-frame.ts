/** A few lines of source around a finding, with the range underlined (Babel/Ruff style). */

export interface FrameRange {
  /** 1-based, as in lint messages; `endColumn` is exclusive. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface FrameStyle {
  readonly gutter: (text: string) => string;
  readonly marker: (text: string) => string;
}

export interface FrameOptions {
  readonly linesAround: number;
  /** Longer lines are cut to a window around the range, so a minified template prints one screen, not megabytes. */
  readonly maxWidth: number;
  readonly style: FrameStyle;
}

const plain: FrameStyle = { gutter: (t) => t, marker: (t) => t };

export const defaultFrameOptions: FrameOptions = { linesAround: 2, maxWidth: 120, style: plain };

export function splitLines(text: string): readonly string[] {
  return text.split(/\r\n|\r|\n/);
}

/** The frame's lines, without a trailing newline; empty when the range is outside the text. */
export function codeFrame(lines: readonly string[], range: FrameRange, options: FrameOptions = defaultFrameOptions): string[] {
  const focus = lines[range.line - 1];
  if (range.line < 1 || focus === undefined) return [];
  const first = Math.max(1, range.line - options.linesAround);
  // The empty "line" after a final newline is not worth showing unless the finding is on it.
  const lineCount = lines.at(-1) === '' && range.line < lines.length ? lines.length - 1 : lines.length;
  const last = Math.min(lineCount, range.line + options.linesAround);
  const numberWidth = String(last).length;

  const startIndex = Math.max(0, Math.min(range.column - 1, focus.length));
  const endIndex = range.endLine === range.line ? Math.min(range.endColumn - 1, focus.length) : focus.length;
  const window = windowAround(focus.length, startIndex, options.maxWidth);

  const frame: string[] = [];
  for (let n = first; n <= last; n++) {
    const text = cut(lines[n - 1] ?? '', window);
    const prefix = n === range.line ? '> ' : '  ';
    const gutter = options.style.gutter(`${prefix}${String(n).padStart(numberWidth)} |`);
    frame.push(text === '' ? gutter : `${gutter} ${text}`);
    if (n === range.line) {
      const padding = padFor(window.lead + focus.slice(window.start, startIndex));
      const width = Math.max(1, Math.min(endIndex, window.end) - startIndex);
      const underline = options.style.marker('^'.repeat(width));
      frame.push(`${options.style.gutter(`  ${' '.repeat(numberWidth)} |`)} ${padding}${underline}`);
    }
  }
  return frame;
}

interface Window {
  readonly start: number;
  readonly end: number;
  readonly lead: string;
}

function windowAround(length: number, index: number, maxWidth: number): Window {
  if (length <= maxWidth) return { start: 0, end: maxWidth, lead: '' };
  const start = Math.max(0, Math.min(index - Math.floor(maxWidth / 3), length - maxWidth));
  return { start, end: start + maxWidth, lead: start > 0 ? '…' : '' };
}

function cut(line: string, window: Window): string {
  if (window.start === 0 && line.length <= window.end) return line.trimEnd();
  const body = line.slice(window.start, window.end);
  const tail = line.length > window.end ? '…' : '';
  return `${window.lead}${body}${tail}`.trimEnd();
}

/** Spaces under the text before the range; tabs stay tabs so the caret lines up in a terminal. */
function padFor(before: string): string {
  return before.replace(/[^\t]/g, ' ');
}
