/**
 * A replaced span of an original text: `[start, end)` in the original's coordinates became `text`.
 * Both front-ends' fix renderers keep their edits as sorted, non-overlapping hunks, so a fix made of
 * several steps comes out as minimal edits of the file as the user wrote it.
 */
export interface Hunk {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface HunkSplice<H extends Hunk> {
  readonly before: H[];
  readonly after: H[];
  /** The merged hunk's span in the original text. */
  readonly originalStart: number;
  readonly originalEnd: number;
  /** The span, in current coordinates, that the merged hunk's text replaces. */
  readonly currentStart: number;
  readonly currentEnd: number;
}

/**
 * Where an edit of `[start, end)` (current coordinates) falls among `hunks`: the hunks wholly before
 * and after it, and the span that the edit and the hunks it touches merge into.
 */
export function spliceHunks<H extends Hunk>(hunks: readonly H[], start: number, end: number): HunkSplice<H> {
  const before: H[] = [];
  const after: H[] = [];
  let delta = 0;
  let currentStart = start;
  let currentEnd = end;
  let originalStart: number | undefined;
  let originalEnd = 0;
  for (const hunk of hunks) {
    const hunkStart = hunk.start + delta;
    const hunkEnd = hunkStart + hunk.text.length;
    if (hunkEnd < start) {
      before.push(hunk);
    } else if (hunkStart > end) {
      after.push(hunk);
      continue;
    } else {
      originalStart ??= Math.min(hunk.start, start - delta);
      currentStart = Math.min(currentStart, hunkStart);
      currentEnd = Math.max(currentEnd, hunkEnd);
      originalEnd = hunk.end;
    }
    delta += hunk.text.length - (hunk.end - hunk.start);
  }
  return { before, after, originalStart: originalStart ?? start - delta, originalEnd: Math.max(originalEnd, end - delta), currentStart, currentEnd };
}
