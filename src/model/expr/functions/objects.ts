// Object functions. https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-object
import { fail } from '../context.js';
import {
  expectArray,
  expectObject,
  expectString,
  findKey,
  getProperty,
  isObject,
  type JsonObject,
  ownValue,
  parseJsonText,
  setKey,
  typeName,
} from '../json.js';
import { argument, expectCount, type FunctionTable, type PureFunction } from './types.js';

const createObject: PureFunction = (args, ctx) => {
  if (args.length % 2 !== 0) fail('createObject takes key and value pairs');
  const result: JsonObject = {};
  for (let i = 0; i < args.length; i += 2) {
    ctx.tick();
    setKey(result, expectString(argument(args, i), 'a key'), argument(args, i + 1));
  }
  return result;
};

/** `tryGet(value, key, ...)`: null, instead of an error, when a key or index is missing. */
const tryGet: PureFunction = (args, ctx) => {
  let current = argument(args, 0);
  for (const key of args.slice(1)) {
    ctx.tick();
    if (isObject(current)) {
      current = getProperty(current, expectString(key, 'an object key')) ?? null;
    } else if (Array.isArray(current)) {
      if (typeof key !== 'number' || !Number.isInteger(key)) fail('an array index must be an integer');
      current = current[key] ?? null;
    } else if (current === null) {
      return null;
    } else {
      fail(`tryGet cannot look into ${typeName(current)}`);
    }
  }
  return current;
};

const keyOrder = (a: string, b: string): number => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
};

export const objectFunctions: FunctionTable = {
  createobject: createObject,
  tryget: tryGet,
  null: (args) => {
    expectCount(args, 0, 0);
    return null;
  },
  json: (args) => {
    expectCount(args, 1, 1);
    const text = argument(args, 0);
    return text === null ? {} : parseJsonText(expectString(text, 'the JSON text'));
  },
  // ARM returns the entries of `items()` sorted by key.
  items: (args, ctx) => {
    expectCount(args, 1, 1);
    const object = expectObject(argument(args, 0), 'the argument');
    const keys = Object.keys(object).sort(keyOrder);
    ctx.tick(keys.length);
    return keys.map((key) => {
      const entry: JsonObject = {};
      setKey(entry, 'key', key);
      setKey(entry, 'value', ownValue(object, key) ?? null);
      return entry;
    });
  },
  objectkeys: (args, ctx) => {
    expectCount(args, 1, 1);
    const keys = Object.keys(expectObject(argument(args, 0), 'the argument'));
    ctx.tick(keys.length);
    return keys;
  },
  shallowmerge: (args, ctx) => {
    expectCount(args, 1, 1);
    const result: JsonObject = {};
    for (const item of expectArray(argument(args, 0), 'the argument')) {
      const object = expectObject(item, 'every element');
      for (const key of Object.keys(object)) {
        ctx.tick();
        setKey(result, findKey(result, key) ?? key, ownValue(object, key) ?? null);
      }
    }
    return result;
  },
};
