// The 'set' intent: create what is missing, keep the spelling of existing keys, merge objects.
import type { FormattingOptions, Node as JsonNode } from 'jsonc-parser';
import type { JsonValue } from '../value.js';
import { append, findProperty, replace } from './edit-steps.js';
import { serialize } from './json-edits.js';
import type { JsonPath } from './locator.js';
import type { WorkingCopy } from './working-copy.js';

function isPlainObject(value: JsonValue): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nest(path: readonly string[], value: JsonValue): JsonValue {
  return path.reduceRight<JsonValue>((inner, key) => ({ [key]: inner }), value);
}

/**
 * Sets `path` below the object at `base`: missing objects are created, existing keys keep their
 * spelling, and an object value is merged key by key into an existing object.
 */
export function setAt(copy: WorkingCopy, base: JsonPath, path: readonly string[], value: JsonValue, options: FormattingOptions): boolean {
  let object = copy.nodeAt(base);
  if (path.length === 0) return object?.type === 'object' && isPlainObject(value) && mergeInto(copy, base, object, value, options);
  const spelled: (string | number)[] = [...base];
  for (const [index, key] of path.entries()) {
    if (object?.type !== 'object') return false;
    const rest = path.slice(index + 1);
    const existing = findProperty(object, key);
    if (existing === undefined) {
      const member = `${JSON.stringify(key)}: ${serialize(nest(rest, value))}`;
      return append(copy, object, member, options);
    }
    spelled.push(existing.key);
    if (rest.length === 0 && isPlainObject(value) && existing.value.type === 'object') {
      return mergeInto(copy, spelled, existing.value, value, options);
    }
    if (rest.length === 0 || existing.value.type !== 'object') {
      return replace(copy, existing.value, nest(rest, value), options);
    }
    object = existing.value;
  }
  return false;
}

/** Merges an object value key by key: existing keys are set in turn, missing ones added together. */
function mergeInto(
  copy: WorkingCopy,
  path: JsonPath,
  object: JsonNode,
  value: Readonly<Record<string, JsonValue>>,
  options: FormattingOptions,
): boolean {
  const entries = caseInsensitiveEntries(value);
  const missing = entries.filter(([key]) => findProperty(object, key) === undefined);
  const present = entries.filter(([key]) => findProperty(object, key) !== undefined);
  if (!present.every(([key, inner]) => setAt(copy, path, [key], inner, options))) return false;
  if (missing.length === 0) return true;
  const target = copy.nodeAt(path);
  if (target?.type !== 'object') return false;
  const members = missing.map(([key, inner]) => `${JSON.stringify(key)}: ${serialize(inner)}`);
  return append(copy, target, members.join(','), options);
}

/**
 * An object's entries with keys that differ only in case folded into one, as setting them one
 * after another would: the first spelling stays, a later object merges into an earlier one.
 */
function caseInsensitiveEntries(value: Readonly<Record<string, JsonValue>>): [string, JsonValue][] {
  const folded: Record<string, JsonValue> = {};
  for (const [key, inner] of Object.entries(value)) foldInto(folded, key, inner);
  return Object.entries(folded);
}

function foldInto(target: Record<string, JsonValue>, key: string, value: JsonValue): void {
  const existing = Object.keys(target).findLast((candidate) => candidate.toLowerCase() === key.toLowerCase());
  if (existing === undefined) {
    target[key] = structuredClone(value);
    return;
  }
  const current = target[existing];
  if (current !== undefined && isPlainObject(current) && isPlainObject(value)) {
    for (const [innerKey, inner] of Object.entries(value)) foldInto(current, innerKey, inner);
  } else {
    target[existing] = structuredClone(value);
  }
}

