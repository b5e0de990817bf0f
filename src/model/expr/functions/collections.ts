// Functions that take strings, arrays and objects alike.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-array
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-object
import type { JsonValue } from '../../value.js';
import { type EvalContext, fail } from '../context.js';
import {
  deepEqual,
  expectInt,
  expectObject,
  expectString,
  findKey,
  isObject,
  type JsonObject,
  ownValue,
  setKey,
  toDisplayText,
  typeName,
} from '../json.js';
import { argument, expectCount, type FunctionTable, type PureFunction } from './types.js';

/** Strings compare exactly; object keys ignore case (the reference says so for `contains`). */
const contains: PureFunction = (args, ctx) => {
  expectCount(args, 2, 2);
  const container = argument(args, 0);
  const item = argument(args, 1);
  if (typeof container === 'string') return container.includes(toDisplayText(item, ctx));
  if (Array.isArray(container)) return container.some((element) => deepEqual(element, item, ctx));
  if (isObject(container)) return findKey(container, expectString(item, 'the key')) !== undefined;
  return fail(`contains cannot search ${typeName(container)}`);
};

function sizeOf(value: JsonValue, what: string): number {
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  if (isObject(value)) return Object.keys(value).length;
  return fail(`${what} cannot take ${typeName(value)}`);
}

function firstOrLast(which: 'first' | 'last'): PureFunction {
  return (args) => {
    expectCount(args, 1, 1);
    const value = argument(args, 0);
    if (typeof value !== 'string' && !Array.isArray(value)) fail(`${which} cannot take ${typeName(value)}`);
    if (value.length === 0) return typeof value === 'string' ? '' : null;
    const index = which === 'first' ? 0 : value.length - 1;
    return typeof value === 'string' ? value.charAt(index) : (value[index] ?? null);
  };
}

function position(which: 'first' | 'last'): PureFunction {
  return (args, ctx) => {
    expectCount(args, 2, 2);
    const container = argument(args, 0);
    const item = argument(args, 1);
    if (typeof container === 'string') {
      // The reference: indexOf and lastIndexOf on strings ignore case.
      const text = container.toLowerCase();
      const part = expectString(item, 'the string to find').toLowerCase();
      return which === 'first' ? text.indexOf(part) : text.lastIndexOf(part);
    }
    if (!Array.isArray(container)) fail(`${which === 'first' ? 'indexOf' : 'lastIndexOf'} cannot search ${typeName(container)}`);
    if (which === 'first') return container.findIndex((element) => deepEqual(element, item, ctx));
    return container.findLastIndex((element) => deepEqual(element, item, ctx));
  };
}

function slice(which: 'skip' | 'take'): PureFunction {
  return (args) => {
    expectCount(args, 2, 2);
    const value = argument(args, 0);
    const count = expectInt(argument(args, 1), 'the count');
    if (typeof value !== 'string' && !Array.isArray(value)) fail(`${which} cannot take ${typeName(value)}`);
    const n = Math.max(0, Math.min(count, value.length));
    return which === 'skip' ? value.slice(n) : value.slice(0, n);
  };
}

function mergeObjects(target: JsonObject, source: JsonObject, ctx: EvalContext): JsonObject {
  const result: JsonObject = {};
  for (const key of Object.keys(target)) setKey(result, key, ownValue(target, key) ?? null);
  for (const key of Object.keys(source)) {
    ctx.tick();
    const incoming = ownValue(source, key) ?? null;
    const existingKey = findKey(result, key) ?? key;
    const existing = ownValue(result, existingKey);
    // Nested objects merge; nested arrays and other values are replaced (the reference's example).
    const merged =
      existing !== undefined && isObject(existing) && isObject(incoming)
        ? ctx.nested(() => mergeObjects(existing, incoming, ctx))
        : incoming;
    setKey(result, existingKey, merged);
  }
  return result;
}

function distinctInto(target: JsonValue[], items: readonly JsonValue[], ctx: EvalContext): void {
  for (const item of items) {
    if (!target.some((seen) => deepEqual(seen, item, ctx))) {
      ctx.checkArrayLength(target.length + 1);
      target.push(item);
    }
  }
}

const union: PureFunction = (args, ctx) => {
  if (args.length === 0) fail('union needs arguments');
  const present = args.filter((arg) => arg !== null);
  if (present.every(isObject)) {
    return present.reduce<JsonObject>((merged, next) => mergeObjects(merged, next, ctx), {});
  }
  if (present.every(Array.isArray)) {
    const result: JsonValue[] = [];
    for (const array of present) distinctInto(result, array, ctx);
    return result;
  }
  return fail('union takes either all arrays or all objects');
};

const intersection: PureFunction = (args, ctx) => {
  const [first, ...rest] = args;
  if (first === undefined) fail('intersection needs arguments');
  if (isObject(first)) {
    const others = rest.map((arg) => expectObject(arg, 'every intersection argument'));
    const result: JsonObject = {};
    for (const key of Object.keys(first)) {
      const value = ownValue(first, key) ?? null;
      const everywhere = others.every((other) => {
        const otherKey = findKey(other, key);
        return otherKey !== undefined && deepEqual(ownValue(other, otherKey) ?? null, value, ctx);
      });
      if (everywhere) setKey(result, key, value);
    }
    return result;
  }
  if (!Array.isArray(first)) return fail('intersection takes either all arrays or all objects');
  const others = rest.map((arg) => {
    if (!Array.isArray(arg)) fail('intersection takes either all arrays or all objects');
    return arg;
  });
  const common = first.filter((item) => others.every((other) => other.some((element) => deepEqual(element, item, ctx))));
  const result: JsonValue[] = [];
  distinctInto(result, common, ctx);
  return result;
};

export const collectionFunctions: FunctionTable = {
  contains,
  empty: (args) => {
    expectCount(args, 1, 1);
    const value = argument(args, 0);
    return value === null || sizeOf(value, 'empty') === 0;
  },
  length: (args) => {
    expectCount(args, 1, 1);
    return sizeOf(argument(args, 0), 'length');
  },
  first: firstOrLast('first'),
  last: firstOrLast('last'),
  indexof: position('first'),
  lastindexof: position('last'),
  skip: slice('skip'),
  take: slice('take'),
  union,
  intersection,
};
