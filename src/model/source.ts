/** A source file as the user wrote it. Offsets everywhere are UTF-16 indices into `text`. */
export interface SourceFile {
  readonly path: string;
  /** The text with any BOM removed; offsets refer to this text. */
  readonly text: string;
  readonly hasBom: boolean;
  readonly eol: '\n' | '\r\n';
}

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export interface Position {
  /** 1-based */
  readonly line: number;
  /** 1-based, in UTF-16 code units */
  readonly column: number;
}

export function createSourceFile(path: string, raw: string): SourceFile {
  const hasBom = raw.charCodeAt(0) === 0xfeff;
  const text = hasBom ? raw.slice(1) : raw;
  return { path, text, hasBom, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

const lineStartCache = new WeakMap<SourceFile, number[]>();

function lineStarts(file: SourceFile): number[] {
  let starts = lineStartCache.get(file);
  if (starts) return starts;
  starts = [0];
  const { text } = file;
  // indexOf finds line feeds many times faster than a loop over every character; a lone CR (old
  // Mac line ends, which ARM and editors also count as a line break) needs the loop.
  if (text.includes('\r') && /\r(?!\n)/.test(text)) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
  } else {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  }
  lineStartCache.set(file, starts);
  return starts;
}

export function positionAt(file: SourceFile, offset: number): Position {
  const starts = lineStarts(file);
  const clamped = Math.max(0, Math.min(offset, file.text.length));
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= clamped) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: clamped - (starts[low] ?? 0) + 1 };
}

export function offsetAt(file: SourceFile, position: Position): number {
  const starts = lineStarts(file);
  const lineStart = starts[Math.max(0, Math.min(position.line - 1, starts.length - 1))] ?? 0;
  return Math.min(file.text.length, lineStart + position.column - 1);
}
