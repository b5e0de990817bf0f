// Comparison, logical and numeric functions.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-comparison
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-logical
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-numeric
import type { JsonValue } from '../../value.js';
import { fail } from '../context.js';
import { deepEqual, expectBool, expectInt, typeName } from '../json.js';
import { argument, expectCount, type FunctionTable, type PureFunction } from './types.js';

/** Integers compare numerically, strings ordinally; anything else is an error. */
function compare(a: JsonValue, b: JsonValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return fail(`cannot compare ${typeName(a)} with ${typeName(b)}`);
}

function comparison(test: (order: number) => boolean): PureFunction {
  return (args) => {
    expectCount(args, 2, 2);
    return test(compare(argument(args, 0), argument(args, 1)));
  };
}

function arithmetic(operation: (a: number, b: number) => number): PureFunction {
  return (args) => {
    expectCount(args, 2, 2);
    const result = operation(expectInt(argument(args, 0), 'operand 1'), expectInt(argument(args, 1), 'operand 2'));
    if (!Number.isFinite(result)) fail('the result is not a number');
    return result === 0 ? 0 : result;
  };
}

function divisor(value: number): number {
  if (value === 0) fail('division by zero');
  return value;
}

function constant(value: boolean): PureFunction {
  return (args) => {
    expectCount(args, 0, 0);
    return value;
  };
}

const bool: PureFunction = (args) => {
  expectCount(args, 1, 1);
  const value = argument(args, 0);
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') {
    const lower = value.trim().toLowerCase();
    if (lower === 'true' || lower === 'false') return lower === 'true';
  }
  return fail(`cannot convert ${typeName(value)} ${JSON.stringify(value)} to a boolean`);
};

const int: PureFunction = (args) => {
  expectCount(args, 1, 1);
  const value = argument(args, 0);
  if (typeof value === 'number') return Math.trunc(value);
  if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/u.test(value)) return Number.parseInt(value, 10);
  return fail(`cannot convert ${typeName(value)} ${JSON.stringify(value)} to an integer`);
};

const float: PureFunction = (args) => {
  expectCount(args, 1, 1);
  const value = argument(args, 0);
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return fail(`cannot convert ${typeName(value)} to a number`);
};

export const logicFunctions: FunctionTable = {
  equals: (args, ctx) => {
    expectCount(args, 2, 2);
    return deepEqual(argument(args, 0), argument(args, 1), ctx);
  },
  not: (args) => {
    expectCount(args, 1, 1);
    return !expectBool(argument(args, 0), 'the argument');
  },
  true: constant(true),
  false: constant(false),
  bool,
  int,
  float,
  greater: comparison((order) => order > 0),
  greaterorequals: comparison((order) => order >= 0),
  less: comparison((order) => order < 0),
  lessorequals: comparison((order) => order <= 0),
  add: arithmetic((a, b) => a + b),
  sub: arithmetic((a, b) => a - b),
  mul: arithmetic((a, b) => a * b),
  div: arithmetic((a, b) => Math.trunc(a / divisor(b))),
  mod: arithmetic((a, b) => a % divisor(b)),
};
