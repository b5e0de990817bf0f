import type { TextEdit } from '../fix.js';
import type { SourceFile, TextRange } from '../source.js';
import type { Comment } from '../template.js';

export interface SuppressionContext {
  readonly file: SourceFile;
  readonly comments: readonly Comment[];
  /** Strings that span lines: a comment cannot be inserted inside one. */
  readonly multilineStrings: readonly TextRange[];
}

/** `// tl-lint-disable-next-line ids` on its own line before the line of `offset`, indented like it. */
export function suppressionComment(input: SuppressionContext, offset: number, ruleIds: readonly string[]): TextEdit | undefined {
  const { text } = input.file;
  let lineStart = Math.max(0, Math.min(offset, text.length));
  while (lineStart > 0 && text.charAt(lineStart - 1) !== '\n' && text.charAt(lineStart - 1) !== '\r') lineStart--;
  const inside = (range: TextRange): boolean => range.start < lineStart && lineStart < range.end;
  if (input.multilineStrings.some(inside) || input.comments.some((comment) => comment.block && inside(comment.range))) {
    return undefined;
  }
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
  return { range: { start: lineStart, end: lineStart }, text: `${indent}// tl-lint-disable-next-line ${ruleIds.join(', ')}${input.file.eol}` };
}
