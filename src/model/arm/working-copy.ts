import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { TextEdit } from '../fix.js';

/** A change in original-text coordinates: `original.slice(start, end)` becomes `text`. */
interface Hunk {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface RawEdit {
  readonly offset: number;
  readonly length: number;
  readonly content: string;
}

/**
 * The text being edited, kept twice: as written, and as prepared for jsonc-parser (raw line breaks
 * in strings blanked; same offsets). Edits only ever insert JSON or whitespace, so both stay in
 * step. Every applied edit is folded into hunks over the original text, so the result can be
 * handed back as a few non-overlapping edits instead of a whole-file replacement.
 */
export class WorkingCopy {
  private hunks: Hunk[] = [];
  private parsed: { readonly tree: JsonNode | undefined } | undefined;
  text: string;
  prepared: string;

  /** `originalTree` gives the parse of the unedited prepared text (shared by every render of a file). */
  constructor(
    readonly original: string,
    preparedOriginal: string,
    private readonly originalTree: () => JsonNode | undefined,
  ) {
    this.text = original;
    this.prepared = preparedOriginal;
  }

  /** The jsonc-parser tree of the current prepared text; undefined when it does not parse. */
  tree(): JsonNode | undefined {
    if (this.hunks.length === 0) return this.originalTree();
    this.parsed ??= { tree: parseCleanly(this.prepared) };
    return this.parsed.tree;
  }

  /** Applies edits given in current coordinates that do not overlap each other. */
  applyAll(edits: readonly RawEdit[]): void {
    const ordered = [...edits].sort((a, b) => b.offset - a.offset);
    for (const edit of ordered) this.apply(edit);
  }

  apply(edit: RawEdit): void {
    const start = edit.offset;
    const end = edit.offset + edit.length;
    if (this.text.slice(start, end) === edit.content) return;
    this.parsed = undefined;
    const before: Hunk[] = [];
    const after: Hunk[] = [];
    let delta = 0;
    let mergedStart = start;
    let mergedEnd = end;
    let originalStart: number | undefined;
    let originalEnd = 0;
    for (const hunk of this.hunks) {
      const currentStart = hunk.start + delta;
      const currentEnd = currentStart + hunk.text.length;
      if (currentEnd < start) {
        before.push(hunk);
      } else if (currentStart > end) {
        after.push(hunk);
        continue;
      } else {
        originalStart ??= Math.min(hunk.start, start - delta);
        mergedStart = Math.min(mergedStart, currentStart);
        mergedEnd = Math.max(mergedEnd, currentEnd);
        originalEnd = hunk.end;
      }
      delta += hunk.text.length - (hunk.end - hunk.start);
    }
    const merged: Hunk = {
      start: originalStart ?? start - delta,
      end: Math.max(originalEnd, end - delta),
      text: this.text.slice(mergedStart, start) + edit.content + this.text.slice(end, mergedEnd),
    };
    this.hunks = [...before, merged, ...after];
    this.text = splice(this.text, start, end, edit.content);
    this.prepared = splice(this.prepared, start, end, edit.content);
  }

  /** The part of the original text that changed, and how much longer it became; undefined if nothing did. */
  changedSpan(): { readonly start: number; readonly end: number; readonly delta: number } | undefined {
    const first = this.hunks[0];
    const last = this.hunks.at(-1);
    if (first === undefined || last === undefined) return undefined;
    return { start: first.start, end: last.end, delta: this.text.length - this.original.length };
  }

  /**
   * The changes so far as edits of the original text: one per changed region, where changes with
   * no line break between them (a reformatted single line) count as one region.
   */
  edits(): TextEdit[] {
    const regions: Hunk[] = [];
    for (const hunk of this.hunks) {
      const previous = regions.at(-1);
      const gap = previous === undefined ? undefined : this.original.slice(previous.end, hunk.start);
      if (previous !== undefined && gap !== undefined && !/[\r\n]/.test(gap)) {
        regions[regions.length - 1] = { start: previous.start, end: hunk.end, text: previous.text + gap + hunk.text };
      } else {
        regions.push(hunk);
      }
    }
    return regions
      .filter((region) => this.original.slice(region.start, region.end) !== region.text)
      .map((region) => ({ range: { start: region.start, end: region.end }, text: region.text }));
  }
}

export function parseCleanly(text: string): JsonNode | undefined {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true });
  return errors.length === 0 ? root : undefined;
}

function splice(text: string, start: number, end: number, content: string): string {
  return text.slice(0, start) + content + text.slice(end);
}
