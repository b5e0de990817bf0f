import type { Comment } from '../template.js';
import type { CommentSpan } from './preprocess.js';

/**
 * The comments found while preparing the text, with their bodies sliced from the original by
 * offset (jsonc-parser's scanner would also work, but its token value of a comment includes the
 * leading whitespace, and it would be a second pass over the file).
 */
export function collectComments(original: string, spans: readonly CommentSpan[]): Comment[] {
  return spans.map(({ start, end, block }) => {
    const closed = block && end - start >= 4 && original.startsWith('*/', end - 2);
    return { range: { start, end }, body: original.slice(start + 2, closed ? end - 2 : end), block };
  });
}
