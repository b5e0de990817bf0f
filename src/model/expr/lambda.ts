// Lambda functions: `map(xs, lambda('x', body))` and friends. A lambda is not a value; it is
// read from the call's arguments and its body is evaluated with the lambda variables bound.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-lambda
import { type Evaluated, known, unknown } from '../evaluated.js';
import type { JsonValue } from '../value.js';
import type { CallExpr, ExprNode } from './ast.js';
import { fail, FunctionError } from './context.js';
import type { Evaluation, Frame } from './evaluate.js';
import { findKey, isObject, type JsonObject, ownValue, setKey } from './json.js';
import type { SpecialForm } from './special.js';
import { dependenciesOf, unknownBecause } from './three-valued.js';

interface Lambda {
  readonly names: readonly string[];
  readonly body: ExprNode;
}

function lambdaOf(expr: ExprNode | undefined): Lambda | undefined {
  if (expr?.kind !== 'call' || expr.namespace !== undefined || expr.name.toLowerCase() !== 'lambda') return undefined;
  const body = expr.args.at(-1);
  const names: string[] = [];
  for (const arg of expr.args.slice(0, -1)) {
    if (arg.kind !== 'string') return undefined;
    names.push(arg.value);
  }
  return body === undefined ? undefined : { names, body };
}

const localKey = (name: string): string => `lambda:${name.toLowerCase()}`;

function invoke(ev: Evaluation, frame: Frame, lambda: Lambda, values: readonly JsonValue[]): Evaluated {
  const locals = new Map(frame.locals);
  lambda.names.forEach((name, i) => {
    const value = values[i];
    locals.set(localKey(name), value === undefined ? unknown('error') : known(value));
  });
  return ev.expr(lambda.body, { ...frame, locals });
}

/** Something that is not a usable value: returned as the result of the whole call. */
class Settled extends Error {
  override readonly name = 'Settled';

  constructor(readonly result: Evaluated) {
    super('the lambda call is settled');
  }
}

function knownOrSettle(value: Evaluated, context: readonly Evaluated[]): JsonValue {
  if (value.kind === 'known') return value.value;
  throw new Settled(unknownBecause([...context, value], 'parameter'));
}

interface LambdaCall {
  readonly input: JsonValue;
  readonly inputs: readonly Evaluated[];
  readonly lambdas: readonly Lambda[];
  /** Runs a lambda; an unknown or oneOf result settles the whole call as unknown. */
  readonly run: (lambda: Lambda, ...values: JsonValue[]) => JsonValue;
}

/**
 * Evaluates the value arguments (all but the trailing lambdas), reads the lambdas, and runs
 * `body`; unknown inputs or results make the call unknown.
 */
function lambdaForm(valueArgs: number, lambdaArgs: readonly [number, number], body: (call: LambdaCall) => JsonValue): SpecialForm {
  return (call: CallExpr, ev: Evaluation, frame: Frame) => {
    const inputs = call.args.slice(0, valueArgs).map((arg) => ev.expr(arg, frame));
    const lambdas = call.args.slice(valueArgs).map(lambdaOf);
    const count = lambdas.length;
    if (inputs.length !== valueArgs || count < lambdaArgs[0] || count > lambdaArgs[1]) {
      return unknown('error', dependenciesOf(inputs));
    }
    const readLambdas = lambdas.filter((lambda): lambda is Lambda => lambda !== undefined);
    if (readLambdas.length !== count) return unknown('error', dependenciesOf(inputs));
    try {
      const [first] = inputs;
      const input = first === undefined ? null : knownOrSettle(first, inputs);
      const run = (lambda: Lambda, ...values: JsonValue[]): JsonValue =>
        knownOrSettle(invoke(ev, frame, lambda, values), inputs);
      const result = body({ input, inputs, lambdas: readLambdas, run });
      return known(result);
    } catch (error) {
      if (error instanceof Settled) return error.result;
      if (error instanceof FunctionError) return unknown('error', dependenciesOf(inputs));
      throw error;
    }
  };
}

function arrayInput(call: LambdaCall): readonly JsonValue[] {
  if (!Array.isArray(call.input)) fail('the input must be an array');
  return call.input;
}

function lambdaAt(call: LambdaCall, index: number): Lambda {
  const lambda = call.lambdas[index];
  if (lambda === undefined) fail('a lambda is missing');
  return lambda;
}

function stringKey(value: JsonValue): string {
  if (typeof value !== 'string') fail('keys must be strings');
  return value;
}

function isTrue(value: JsonValue): boolean {
  if (typeof value !== 'boolean') fail('the lambda must return a boolean');
  return value;
}

/** Stable merge sort; `before(a, b)` says whether `a` sorts before `b`. */
function mergeSort(items: readonly JsonValue[], before: (a: JsonValue, b: JsonValue) => boolean): JsonValue[] {
  let runs = items.map((item) => [item]);
  while (runs.length > 1) {
    const merged: JsonValue[][] = [];
    for (let i = 0; i < runs.length; i += 2) {
      const left = runs[i] ?? [];
      const right = runs[i + 1] ?? [];
      const out: JsonValue[] = [];
      let l = 0;
      let r = 0;
      while (l < left.length && r < right.length) {
        const a = left[l] ?? null;
        const b = right[r] ?? null;
        if (before(b, a)) {
          out.push(b);
          r++;
        } else {
          out.push(a);
          l++;
        }
      }
      merged.push([...out, ...left.slice(l), ...right.slice(r)]);
    }
    runs = merged;
  }
  return runs[0] ?? [];
}

function buildObject(entries: Iterable<readonly [string, JsonValue]>): JsonObject {
  const object: JsonObject = {};
  for (const [key, value] of entries) setKey(object, findKey(object, key) ?? key, value);
  return object;
}

export const lambdaForms: readonly (readonly [string, SpecialForm])[] = [
  ['lambda', () => unknown('error')],
  [
    'lambdavariables',
    (call, ev, frame) => {
      const [name] = call.args;
      if (call.args.length !== 1 || name?.kind !== 'string') return unknown('error');
      return frame.locals.get(localKey(name.value)) ?? unknown('error');
    },
  ],
  ['map', lambdaForm(1, [1, 1], (call) => arrayInput(call).map((item, i) => call.run(lambdaAt(call, 0), item, i)))],
  [
    'filter',
    lambdaForm(1, [1, 1], (call) => arrayInput(call).filter((item, i) => isTrue(call.run(lambdaAt(call, 0), item, i)))),
  ],
  [
    'reduce',
    lambdaForm(2, [1, 1], (call) => {
      const [, initial] = call.inputs;
      let accumulator = initial?.kind === 'known' ? initial.value : knownOrSettle(initial ?? unknown('error'), call.inputs);
      arrayInput(call).forEach((item, i) => {
        accumulator = call.run(lambdaAt(call, 0), accumulator, item, i);
      });
      return accumulator;
    }),
  ],
  [
    'sort',
    lambdaForm(1, [1, 1], (call) => mergeSort(arrayInput(call), (a, b) => isTrue(call.run(lambdaAt(call, 0), a, b)))),
  ],
  [
    'toobject',
    lambdaForm(1, [1, 2], (call) =>
      buildObject(
        arrayInput(call).map((item) => {
          const key = stringKey(call.run(lambdaAt(call, 0), item));
          const value = call.lambdas.length > 1 ? call.run(lambdaAt(call, 1), item) : item;
          return [key, value] as const;
        }),
      ),
    ),
  ],
  [
    'mapvalues',
    lambdaForm(1, [1, 1], (call) => {
      const { input } = call;
      if (!isObject(input)) fail('the input must be an object');
      return buildObject(Object.keys(input).map((key) => [key, call.run(lambdaAt(call, 0), ownValue(input, key) ?? null)] as const));
    }),
  ],
  [
    'groupby',
    lambdaForm(1, [1, 2], (call) => {
      const groups = new Map<string, JsonValue[]>();
      for (const item of arrayInput(call)) {
        const key = stringKey(call.run(lambdaAt(call, 0), item));
        const value = call.lambdas.length > 1 ? call.run(lambdaAt(call, 1), item) : item;
        const existing = [...groups.keys()].find((seen) => seen.toLowerCase() === key.toLowerCase());
        const group = groups.get(existing ?? key) ?? [];
        group.push(value);
        groups.set(existing ?? key, group);
      }
      return buildObject(groups);
    }),
  ],
];
