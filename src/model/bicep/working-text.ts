import type { TextEdit } from '../fix.js';
import { spliceHunks, type Hunk } from '../hunks.js';

/** A change in original-text coordinates: `original.slice(start, end)` becomes `text`. */

/**
 * The text a fix edits, step by step. Every edit is folded into hunks over the original text, so
 * the result is a few non-overlapping edits instead of a whole-file replacement (and fixes of
 * other findings elsewhere in the file apply in the same pass).
 */
export class WorkingText {
  private hunks: Hunk[] = [];
  text: string;

  constructor(readonly original: string) {
    this.text = original;
  }

  /** Replaces `length` characters at `offset` (current coordinates). */
  apply(offset: number, length: number, content: string): void {
    const start = offset;
    const end = offset + length;
    if (this.text.slice(start, end) === content) return;
    const { before, after, originalStart, originalEnd, currentStart: mergedStart, currentEnd: mergedEnd } = spliceHunks(this.hunks, start, end);
    const merged: Hunk = {
      start: originalStart,
      end: originalEnd,
      text: this.text.slice(mergedStart, start) + content + this.text.slice(end, mergedEnd),
    };
    this.hunks = [...before, merged, ...after];
    this.text = this.text.slice(0, start) + content + this.text.slice(end);
  }

  /** The changes as edits of the original text. */
  edits(): TextEdit[] {
    return this.hunks
      .filter((hunk) => this.original.slice(hunk.start, hunk.end) !== hunk.text)
      .map((hunk) => ({ range: { start: hunk.start, end: hunk.end }, text: hunk.text }));
  }
}

export interface ChangedSpan {
  /** The changed part of the original text. */
  readonly start: number;
  readonly end: number;
  /** How much longer the text became. */
  readonly delta: number;
}

/** The span of the original text that the edits so far changed; undefined when nothing changed. */
export function changedSpan(text: WorkingText): ChangedSpan | undefined {
  const edits = text.edits();
  const first = edits[0];
  const last = edits.at(-1);
  if (first === undefined || last === undefined) return undefined;
  return { start: first.range.start, end: last.range.end, delta: text.text.length - text.original.length };
}
