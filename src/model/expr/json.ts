// JSON value helpers for the evaluator. Values may share structure (`createArray(x, x)`), so
// every walk over a value is charged to the evaluation budget.
import type { JsonValue } from '../value.js';
import { type EvalContext, fail } from './context.js';

export type JsonObject = Record<string, JsonValue>;

export function isObject(value: JsonValue): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function typeName(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return 'int';
  return typeof value;
}

/** Sets an own property, `__proto__` included. */
export function setKey(object: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

export function ownValue(object: JsonObject, key: string): JsonValue | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** ARM property names are case-insensitive: an exact match wins, else the last one ignoring case. */
export function findKey(object: JsonObject, name: string): string | undefined {
  if (Object.hasOwn(object, name)) return name;
  const wanted = name.toLowerCase();
  let found: string | undefined;
  for (const key of Object.keys(object)) {
    if (key.toLowerCase() === wanted) found = key;
  }
  return found;
}

export function getProperty(object: JsonObject, name: string): JsonValue | undefined {
  const key = findKey(object, name);
  return key === undefined ? undefined : ownValue(object, key);
}

export function expectString(value: JsonValue, what: string): string {
  if (typeof value !== 'string') fail(`${what} must be a string, not ${typeName(value)}`);
  return value;
}

export function expectInt(value: JsonValue, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) fail(`${what} must be an integer, not ${typeName(value)}`);
  return value;
}

export function expectBool(value: JsonValue, what: string): boolean {
  if (typeof value !== 'boolean') fail(`${what} must be a boolean, not ${typeName(value)}`);
  return value;
}

export function expectArray(value: JsonValue, what: string): readonly JsonValue[] {
  if (!Array.isArray(value)) fail(`${what} must be an array, not ${typeName(value)}`);
  return value;
}

export function expectObject(value: JsonValue, what: string): JsonObject {
  if (!isObject(value)) fail(`${what} must be an object, not ${typeName(value)}`);
  return value;
}

/** Structural equality (JSON semantics: key order does not matter, names are compared exactly). */
export function deepEqual(a: JsonValue, b: JsonValue, ctx: EvalContext): boolean {
  const pending: [JsonValue, JsonValue][] = [[a, b]];
  for (let pair = pending.pop(); pair !== undefined; pair = pending.pop()) {
    ctx.tick();
    const [x, y] = pair;
    if (x === y) continue;
    if (Array.isArray(x)) {
      if (!Array.isArray(y) || x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) pending.push([x[i] ?? null, y[i] ?? null]);
      continue;
    }
    if (isObject(x)) {
      if (!isObject(y)) return false;
      const keys = Object.keys(x);
      if (keys.length !== Object.keys(y).length) return false;
      for (const key of keys) {
        if (!Object.hasOwn(y, key)) return false;
        pending.push([ownValue(x, key) ?? null, ownValue(y, key) ?? null]);
      }
      continue;
    }
    return false;
  }
  return true;
}

/** Compact JSON, charged per node and capped at the string budget. */
export function toJsonText(value: JsonValue, ctx: EvalContext): string {
  const parts: string[] = [];
  let length = 0;
  const emit = (text: string): void => {
    length += text.length;
    ctx.checkStringLength(length);
    parts.push(text);
  };
  const write = (node: JsonValue): void => {
    ctx.tick();
    if (Array.isArray(node)) {
      emit('[');
      node.forEach((item, i) => {
        if (i > 0) emit(',');
        ctx.nested(() => {
          write(item);
        });
      });
      emit(']');
    } else if (isObject(node)) {
      emit('{');
      Object.keys(node).forEach((key, i) => {
        if (i > 0) emit(',');
        emit(`${JSON.stringify(key)}:`);
        ctx.nested(() => {
          write(ownValue(node, key) ?? null);
        });
      });
      emit('}');
    } else {
      emit(JSON.stringify(node));
    }
  };
  write(value);
  return parts.join('');
}

/** The text ARM's `string()` and `format()` give a value: .NET spells booleans `True`/`False`. */
export function toDisplayText(value: JsonValue, ctx: EvalContext): string {
  if (typeof value === 'string') return value;
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  return toJsonText(value, ctx);
}

/** Parses JSON text into a value whose objects are safe to index (no inherited keys). */
export function parseJsonText(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return fail('the text is not valid JSON');
  }
}
