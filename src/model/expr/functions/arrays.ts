// Array functions. https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-array
import type { JsonValue } from '../../value.js';
import { fail } from '../context.js';
import { deepEqual, expectArray, expectInt } from '../json.js';
import { argument, expectCount, type FunctionTable, type PureFunction } from './types.js';

/** `min`/`max` take integers, or one array of integers. */
function extreme(pick: (a: number, b: number) => number): PureFunction {
  return (args) => {
    const [only] = args;
    const values = args.length === 1 && Array.isArray(only) ? only : args;
    if (values.length === 0) fail('there are no values');
    return values.map((value) => expectInt(value, 'every value')).reduce((a, b) => pick(a, b));
  };
}

function fromEnd(optional: boolean): PureFunction {
  return (args) => {
    expectCount(args, 2, 2);
    const items = expectArray(argument(args, 0), 'the array');
    const index = expectInt(argument(args, 1), 'the index');
    if (index >= 1 && index <= items.length) return items[items.length - index] ?? null;
    return optional ? null : fail('the index is outside the array');
  };
}

export const arrayFunctions: FunctionTable = {
  array: (args) => {
    expectCount(args, 1, 1);
    const value = argument(args, 0);
    return Array.isArray(value) ? value : [value];
  },
  createarray: (args, ctx) => {
    ctx.checkArrayLength(args.length);
    return [...args];
  },
  /** `range(start, count)`: the count is checked before anything is allocated. */
  range: (args, ctx) => {
    expectCount(args, 2, 2);
    const start = expectInt(argument(args, 0), 'the start');
    const count = expectInt(argument(args, 1), 'the count');
    if (count < 0) fail('the count must not be negative');
    ctx.checkArrayLength(count);
    ctx.tick(count);
    return Array.from({ length: count }, (_, i) => start + i);
  },
  min: extreme(Math.min),
  max: extreme(Math.max),
  distinct: (args, ctx) => {
    expectCount(args, 1, 1);
    const result: JsonValue[] = [];
    for (const item of expectArray(argument(args, 0), 'the array')) {
      if (!result.some((seen) => deepEqual(seen, item, ctx))) result.push(item);
    }
    return result;
  },
  flatten: (args, ctx) => {
    expectCount(args, 1, 1);
    const arrays = expectArray(argument(args, 0), 'the array').map((item) => expectArray(item, 'every element'));
    ctx.checkArrayLength(arrays.reduce((total, array) => total + array.length, 0));
    return arrays.flat(1);
  },
  indexfromend: fromEnd(false),
  tryindexfromend: fromEnd(true),
};
