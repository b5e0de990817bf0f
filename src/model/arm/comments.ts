import type { Comment } from '../template.js';

/** Where a comment is, as the parser found it. */
export interface CommentSpan {
  readonly start: number;
  readonly end: number;
  readonly block: boolean;
}

/**
 * The comments the parser found, with their bodies sliced from the original by offset (the
 * prepared text may have blanked characters).
 */
export function collectComments(original: string, spans: readonly CommentSpan[]): Comment[] {
  return spans.map(({ start, end, block }) => {
    const closed = block && end - start >= 4 && original.startsWith('*/', end - 2);
    return { range: { start, end }, body: original.slice(start + 2, closed ? end - 2 : end), block };
  });
}
