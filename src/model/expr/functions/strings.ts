// String functions. https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string
import type { JsonValue } from '../../value.js';
import { type EvalContext, fail } from '../context.js';
import { expectArray, expectInt, expectString, isObject, toDisplayText, typeName } from '../json.js';
import { format } from './format.js';
import { argument, expectCount, type FunctionTable, optionalArgument, type PureFunction } from './types.js';

function scalarText(value: JsonValue, ctx: EvalContext, what: string): string {
  if (isObject(value) || Array.isArray(value)) fail(`${what} must be a string, not ${typeName(value)}`);
  return toDisplayText(value, ctx);
}

/** Concatenates strings, or arrays when the first argument is an array. */
const concat: PureFunction = (args, ctx) => {
  if (args.some(Array.isArray)) {
    const arrays = args.map((arg) => (arg === null ? [] : expectArray(arg, 'every concat argument')));
    ctx.checkArrayLength(arrays.reduce((total, array) => total + array.length, 0));
    ctx.tick(arrays.length);
    return arrays.flat(1);
  }
  const parts = args.map((arg) => scalarText(arg, ctx, 'a concat argument'));
  ctx.checkStringLength(parts.reduce((total, part) => total + part.length, 0));
  return parts.join('');
};

const ordinalIgnoreCase = (value: string): string => value.toLowerCase();

function substring(args: readonly JsonValue[]): JsonValue {
  expectCount(args, 1, 3);
  const text = expectString(argument(args, 0), 'the string');
  const startArg = optionalArgument(args, 1);
  const start = startArg === undefined ? 0 : expectInt(startArg, 'the start index');
  const lengthArg = optionalArgument(args, 2);
  const length = lengthArg === undefined ? text.length - start : expectInt(lengthArg, 'the length');
  if (start < 0 || start > text.length) fail('the start index is outside the string');
  if (length < 0 || start + length > text.length) fail('the length runs past the end of the string');
  return text.slice(start, start + length);
}

const replace: PureFunction = (args, ctx) => {
  expectCount(args, 3, 3);
  const text = expectString(argument(args, 0), 'the string');
  const oldValue = expectString(argument(args, 1), 'the old value');
  const newValue = expectString(argument(args, 2), 'the new value');
  if (oldValue === '') fail('the old value must not be empty');
  const pieces = text.split(oldValue);
  ctx.checkStringLength(text.length + (pieces.length - 1) * (newValue.length - oldValue.length));
  return pieces.join(newValue);
};

/** .NET `String.Split(string[] separators)`: at each position the first matching separator wins. */
const split: PureFunction = (args, ctx) => {
  expectCount(args, 2, 2);
  const text = expectString(argument(args, 0), 'the string');
  const delimiterArg = argument(args, 1);
  const delimiters = (Array.isArray(delimiterArg) ? delimiterArg : [delimiterArg])
    .map((delimiter) => expectString(delimiter, 'a delimiter'))
    .filter((delimiter) => delimiter !== '');
  if (delimiters.length === 0) return [text];
  const parts: string[] = [];
  let pieceStart = 0;
  let i = 0;
  while (i < text.length) {
    ctx.tick();
    const match = delimiters.find((delimiter) => text.startsWith(delimiter, i));
    if (match === undefined) {
      i++;
      continue;
    }
    parts.push(text.slice(pieceStart, i));
    i += match.length;
    pieceStart = i;
  }
  parts.push(text.slice(pieceStart));
  return parts;
};

const padLeft: PureFunction = (args, ctx) => {
  expectCount(args, 2, 3);
  const value = argument(args, 0);
  const text = typeof value === 'number' ? String(value) : expectString(value, 'the value to pad');
  const totalLength = expectInt(argument(args, 1), 'the total length');
  const paddingArg = optionalArgument(args, 2);
  const padding = paddingArg === undefined ? ' ' : expectString(paddingArg, 'the padding character');
  if (padding.length !== 1) fail('the padding must be a single character');
  ctx.checkStringLength(totalLength);
  return text.padStart(totalLength, padding);
};

const join: PureFunction = (args, ctx) => {
  expectCount(args, 2, 2);
  const items = expectArray(argument(args, 0), 'the input array');
  const delimiter = expectString(argument(args, 1), 'the delimiter');
  const texts = items.map((item) => scalarText(item, ctx, 'an array element'));
  ctx.checkStringLength(texts.reduce((total, text) => total + text.length, 0) + delimiter.length * items.length);
  return texts.join(delimiter);
};

/** `like(input, pattern)`: `*` matches any run of characters; case-insensitive. */
const like: PureFunction = (args, ctx) => {
  expectCount(args, 2, 2);
  const input = ordinalIgnoreCase(expectString(argument(args, 0), 'the input'));
  const pattern = ordinalIgnoreCase(expectString(argument(args, 1), 'the pattern'));
  // Linear wildcard matching with backtracking to the last star (no regular expressions).
  let i = 0;
  let p = 0;
  let star = -1;
  let resume = 0;
  while (i < input.length) {
    ctx.tick();
    if (p < pattern.length && pattern.charAt(p) !== '*' && pattern.charAt(p) === input.charAt(i)) {
      i++;
      p++;
    } else if (p < pattern.length && pattern.charAt(p) === '*') {
      star = p++;
      resume = i;
    } else if (star >= 0) {
      p = star + 1;
      i = ++resume;
    } else {
      return false;
    }
  }
  while (pattern.charAt(p) === '*') p++;
  return p === pattern.length;
};

const oneString =
  (transform: (text: string) => string): PureFunction =>
  (args) => {
    expectCount(args, 1, 1);
    return transform(expectString(argument(args, 0), 'the argument'));
  };

const twoStrings =
  (test: (text: string, part: string) => boolean): PureFunction =>
  (args) => {
    expectCount(args, 2, 2);
    const text = expectString(argument(args, 0), 'the string to search');
    const part = expectString(argument(args, 1), 'the string to find');
    return test(ordinalIgnoreCase(text), ordinalIgnoreCase(part));
  };

export const stringFunctions: FunctionTable = {
  concat,
  format,
  tolower: oneString((text) => text.toLowerCase()),
  toupper: oneString((text) => text.toUpperCase()),
  trim: oneString((text) => text.trim()),
  substring,
  replace,
  split,
  padleft: padLeft,
  join,
  like,
  // The reference: startsWith and endsWith compare case-insensitively.
  startswith: twoStrings((text, part) => text.startsWith(part)),
  endswith: twoStrings((text, part) => text.endsWith(part)),
  string: (args, ctx) => {
    expectCount(args, 1, 1);
    return toDisplayText(argument(args, 0), ctx);
  },
};
