import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { TextEdit } from '../fix.js';
import { spliceHunks, type Hunk } from '../hunks.js';
import type { ValueNode } from '../value.js';
import { parseCleanJson } from './fast-parse.js';
import { childAt, shiftedNode, textOnly, valueAt, viewOf } from './json-view.js';
import { jsonNodeAt } from './jsonc-tree.js';
import type { JsonPath } from './locator.js';

/**
 * A change in original-text coordinates: `original.slice(start, end)` becomes `text` (and the
 * prepared original's slice becomes `prepared`, of the same length).
 */
interface PreparedHunk extends Hunk {
  /** The text with raw line breaks inside strings blanked, as the parser reads it. */
  readonly prepared: string;
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
 *
 * The current text is the original plus the hunks: `slice` reads a part of it without building
 * the whole, which happens only when `text` or `prepared` is asked for (once per change at most).
 * Building it on every edit made a fix cost a copy of the file per edit, and a formatting step
 * makes dozens of edits.
 */
export class WorkingCopy {
  private hunks: PreparedHunk[] = [];
  private currentLength: number;
  private built: { text?: string; prepared?: string } = {};
  /** False when nothing was blanked: the prepared text is the text, and is not kept twice. */
  private readonly blanked: boolean;
  /** The current parse of an original node's text (the one `nodeAt` last read again). */
  private reparsed: { readonly node: ValueNode | undefined; readonly tree: JsonNode | undefined } | undefined;

  /** `originalRoot` is the front-end's tree of the unedited text. */
  constructor(
    readonly original: string,
    private readonly preparedOriginal: string,
    private readonly originalRoot: ValueNode | undefined,
  ) {
    this.currentLength = original.length;
    this.blanked = preparedOriginal !== original;
  }

  get length(): number {
    return this.currentLength;
  }

  /** The current text. */
  get text(): string {
    return (this.built.text ??= this.slice(0, this.currentLength));
  }

  /** The current prepared text. */
  get prepared(): string {
    if (!this.blanked) return this.text;
    return (this.built.prepared ??= this.slice(0, this.currentLength, true));
  }

  /** `text.slice(from, to)` (or of the prepared text), without building the whole text. */
  slice(from: number, to: number, preparedText = false): string {
    const prepared = preparedText && this.blanked;
    const base = prepared ? this.preparedOriginal : this.original;
    const end = Math.min(to, this.currentLength);
    let result = '';
    let pos = Math.max(0, from);
    let delta = 0;
    for (const hunk of this.hunks) {
      if (pos >= end) break;
      const hunkText = prepared ? hunk.prepared : hunk.text;
      const hunkStart = hunk.start + delta;
      const hunkEnd = hunkStart + hunkText.length;
      if (pos < hunkStart) {
        const until = Math.min(end, hunkStart);
        result += base.slice(pos - delta, until - delta);
        pos = until;
      }
      if (pos < hunkEnd && pos < end) {
        const until = Math.min(end, hunkEnd);
        result += hunkText.slice(pos - hunkStart, until - hunkStart);
        pos = until;
      }
      delta += hunkText.length - (hunk.end - hunk.start);
    }
    if (pos < end) result += base.slice(pos - delta, end - delta);
    return result;
  }
  /**
   * The jsonc-parser node at a JSON path (exact keys, the last duplicate) in the current text;
   * undefined when there is none, or the text around it does not parse. Unedited, it is a view of
   * the original tree. Edited, only the innermost original node on the path that encloses every
   * change is parsed again (its brackets are untouched, so it starts where it did): the rest of
   * the file is unchanged, and parsing it again on every step of a fix would cost a parse per step.
   */
  nodeAt(path: JsonPath): JsonNode | undefined {
    const root = this.originalRoot;
    const first = this.hunks[0];
    const last = this.hunks.at(-1);
    if (root === undefined) return undefined;
    if (first === undefined || last === undefined) {
      const node = valueAt(root, path);
      return node && viewOf(node);
    }
    const encloses = (node: ValueNode): boolean => first.start > node.range.start && last.end < node.range.end;
    if (!encloses(root)) return jsonNodeAt(this.parse(undefined), path);
    let node = root;
    let depth = 0;
    for (const segment of path) {
      const child = childAt(node, segment);
      if (child === undefined || !encloses(child)) break;
      node = child;
      depth++;
    }
    return jsonNodeAt(this.parse(node), path.slice(depth));
  }

  /** The current text of an original node that encloses every change (or of the whole file), parsed. */
  private parse(node: ValueNode | undefined): JsonNode | undefined {
    const cached = this.reparsed;
    if (cached !== undefined && cached.node === node) return cached.tree;
    const tree =
      node === undefined
        ? parseCleanly(this.prepared)
        : parseCleanly(this.slice(node.range.start, node.range.end + this.currentLength - this.original.length, true), node.range.start);
    this.reparsed = { node, tree };
    return tree;
  }

  /** Applies edits given in current coordinates that do not overlap each other. */
  applyAll(edits: readonly RawEdit[]): void {
    const ordered = [...edits].sort((a, b) => b.offset - a.offset);
    for (const edit of ordered) this.apply(edit);
  }

  apply(edit: RawEdit): void {
    const start = edit.offset;
    const end = edit.offset + edit.length;
    if (this.slice(start, end) === edit.content) return;
    this.reparsed = undefined;
    const { before, after, originalStart, originalEnd, currentStart: mergedStart, currentEnd: mergedEnd } = spliceHunks(this.hunks, start, end);
    const merged: PreparedHunk = {
      start: originalStart,
      end: originalEnd,
      text: this.slice(mergedStart, start) + edit.content + this.slice(end, mergedEnd),
      prepared: this.blanked ? this.slice(mergedStart, start, true) + edit.content + this.slice(end, mergedEnd, true) : '',
    };
    this.hunks = [...before, merged, ...after];
    this.currentLength += edit.content.length - edit.length;
    this.built = {};
  }

  /** The part of the original text that changed, and how much longer it became; undefined if nothing did. */
  changedSpan(): { readonly start: number; readonly end: number; readonly delta: number } | undefined {
    const first = this.hunks[0];
    const last = this.hunks.at(-1);
    if (first === undefined || last === undefined) return undefined;
    return { start: first.start, end: last.end, delta: this.currentLength - this.original.length };
  }

  /**
   * The changes so far as edits of the original text: one per changed region, where changes with
   * no line break between them (a reformatted single line) count as one region.
   */
  edits(): TextEdit[] {
    const regions: { readonly start: number; readonly end: number; readonly text: string }[] = [];
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

/**
 * The jsonc-parser tree of a text that parses without errors, as lying `shift` characters into
 * the whole text; undefined otherwise. The fast parser reads nearly every text; jsonc-parser the rest.
 */
function parseCleanly(text: string, shift = 0): JsonNode | undefined {
  const fast = parseCleanJson(textOnly(text));
  if (fast?.root !== undefined) return viewOf(fast.root, shift);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true });
  return errors.length === 0 && root !== undefined ? shiftedNode(root, shift) : undefined;
}
