// The steps every intent is made of: find a property, append a member, apply edits and format them.
import type { FormattingOptions, Node as JsonNode } from 'jsonc-parser';
import type { JsonValue } from '../value.js';
import { formatSpan } from './formatting.js';
import { appendMember, replaceValue } from './json-edits.js';
import type { RawEdit, WorkingCopy } from './working-copy.js';

export interface FoundProperty {
  readonly key: string;
  readonly property: JsonNode;
  readonly value: JsonNode;
}

/** Case-insensitive, last duplicate wins (as ARM reads it). */
export function findProperty(object: JsonNode, key: string): FoundProperty | undefined {
  const wanted = key.toLowerCase();
  let found: FoundProperty | undefined;
  for (const property of object.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (typeof keyNode?.value === 'string' && valueNode !== undefined && keyNode.value.toLowerCase() === wanted) {
      found = { key: keyNode.value, property, value: valueNode };
    }
  }
  return found;
}

export function freeKey(object: JsonNode, wanted: string): string {
  let key = wanted;
  for (let n = 2; findProperty(object, key) !== undefined; n++) key = `${wanted}${String(n)}`;
  return key;
}

/** Replaces a value; an object or array is laid out in the file's style. */
export function replace(copy: WorkingCopy, node: JsonNode, value: JsonValue, options: FormattingOptions): boolean {
  const structured = typeof value === 'object' && value !== null;
  return change(copy, replaceValue(node, value), options, structured ? 'inserted' : 'none');
}

/**
 * Appends a member to an object or array. A container written on one line is laid out again as a
 * whole (adding to `{ "a": 1 }` gives one member per line); otherwise only the new member is
 * formatted, so a neighbour written on one line stays as it is.
 */
export function append(copy: WorkingCopy, container: JsonNode, member: string, options: FormattingOptions): boolean {
  // Only the container's tail is scanned: the whole text would be built again for every fix.
  const tailStart = container.children?.at(-1)?.offset ?? container.offset;
  const tail = copy.slice(tailStart, container.offset + container.length, true);
  const edits = appendMember(tail, container, member, options.eol ?? '\n', tailStart);
  const oneLine = !/[\r\n]/.test(copy.slice(container.offset, container.offset + container.length, true));
  return change(copy, edits, options, oneLine ? { start: container.offset, end: container.offset + container.length } : 'inserted');
}

/** Where to format after an edit: nothing, the inserted text, or a span given before the edit. */
export type Reformat = 'none' | 'inserted' | { readonly start: number; readonly end: number };

/** Applies raw edits, then formats the text they inserted (or the given span, moved by them). */
export function change(copy: WorkingCopy, edits: readonly RawEdit[], options: FormattingOptions, reformat: Reformat): boolean {
  if (edits.every((edit) => copy.slice(edit.offset, edit.offset + edit.length) === edit.content)) return true;
  const ordered = [...edits].sort((a, b) => a.offset - b.offset);
  let shift = 0;
  let start = Number.POSITIVE_INFINITY;
  let end = 0;
  for (const edit of ordered) {
    start = Math.min(start, edit.offset + shift);
    end = edit.offset + shift + edit.content.length;
    shift += edit.content.length - edit.length;
  }
  copy.applyAll(ordered);
  if (reformat === 'inserted') formatSpan(copy, start, end, options, 1);
  else if (reformat !== 'none') formatSpan(copy, reformat.start, reformat.end + shift, options, 0);
  return true;
}

