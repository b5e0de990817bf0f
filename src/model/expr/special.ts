// Functions that control evaluation themselves: they see unevaluated arguments, read the
// template scope, or decide which arguments matter (`if` evaluates one branch when it can).
import { type Evaluated, known, unknown } from '../evaluated.js';
import type { JsonValue } from '../value.js';
import type { CallExpr } from './ast.js';
import { deepEqual, expectBool, expectInt } from './json.js';
import type { Evaluation, Frame } from './evaluate.js';
import { lambdaForms } from './lambda.js';
import { dependenciesOf, fromAlternatives, lift, soleParameter, unknownBecause } from './three-valued.js';

export type SpecialForm = (call: CallExpr, ev: Evaluation, frame: Frame) => Evaluated;

/** The single argument of `parameters('x')` / `variables('x')`, when it is a known string. */
function nameArgument(call: CallExpr, ev: Evaluation, frame: Frame): string | Evaluated {
  const args = ev.evaluateArgs(call, frame);
  const [only] = args;
  if (args.length !== 1 || only === undefined) return unknown('error', dependenciesOf(args));
  if (only.kind !== 'known') return unknownBecause(args, 'parameter');
  return typeof only.value === 'string' ? only.value : unknown('error');
}

const parameters: SpecialForm = (call, ev, frame) => {
  const name = nameArgument(call, ev, frame);
  if (typeof name !== 'string') return name;
  // Inside a user-defined function, parameters() reads the function's own arguments only.
  if (frame.functionArgs) return frame.functionArgs.get(name.toLowerCase()) ?? unknown('error');
  return ev.host.parameter(name);
};

const variables: SpecialForm = (call, ev, frame) => {
  const name = nameArgument(call, ev, frame);
  if (typeof name !== 'string') return name;
  return frame.functionArgs ? unknown('error') : ev.host.variable(name);
};

function sameOrigin(a: Evaluated, b: Evaluated): boolean {
  return a.kind === 'known' && b.kind === 'known' && a.origin?.node === b.origin?.node && a.origin?.via === b.origin?.via;
}

/** The booleans a condition can take, or undefined when it is unknown (or not a boolean). */
function conditionValues(condition: Evaluated): boolean[] | undefined {
  if (condition.kind === 'unknown') return undefined;
  const values = condition.kind === 'known' ? [condition.value] : condition.values;
  return values.every((value): value is boolean => typeof value === 'boolean') ? [...new Set(values)] : undefined;
}

/** `if(c, a, b)`: a known condition evaluates only its branch (and keeps that branch's origin). */
const ifForm: SpecialForm = (call, ev, frame) => {
  const [conditionExpr, whenTrue, whenFalse] = call.args;
  if (call.args.length !== 3 || conditionExpr === undefined || whenTrue === undefined || whenFalse === undefined) {
    return unknown('error', dependenciesOf(ev.evaluateArgs(call, frame)));
  }
  const condition = ev.expr(conditionExpr, frame);
  const choices = conditionValues(condition);
  if (condition.kind !== 'unknown' && choices === undefined) return unknown('error', dependenciesOf([condition]));
  const [only] = choices ?? [];
  if (choices?.length === 1 && only !== undefined) return ev.expr(only ? whenTrue : whenFalse, frame);
  const a = ev.expr(whenTrue, frame);
  const b = ev.expr(whenFalse, frame);
  const all = [condition, a, b];
  if (a.kind === 'known' && b.kind === 'known' && deepEqual(a.value, b.value, ev.ctx)) {
    return sameOrigin(a, b) ? a : known(a.value);
  }
  if (a.kind === 'unknown' || b.kind === 'unknown') return unknownBecause(all, 'parameter');
  const values: JsonValue[] = [...(a.kind === 'known' ? [a.value] : a.values), ...(b.kind === 'known' ? [b.value] : b.values)];
  const parameter = condition.kind === 'oneOf' ? soleParameter([condition]) : undefined;
  return fromAlternatives(values, ev.ctx, all, parameter);
};

/**
 * `and` / `or`: one decisive known operand (false for `and`, true for `or`) settles the result
 * even when others are unknown; evaluation stops there.
 */
function junction(decisive: boolean): SpecialForm {
  return (call, ev, frame) => {
    const operands: Evaluated[] = [];
    for (const arg of call.args) {
      const operand = ev.expr(arg, frame);
      if (operand.kind === 'known' && operand.value === decisive) return known(decisive);
      operands.push(operand);
    }
    if (operands.length === 0) return unknown('error');
    if (operands.some((operand) => operand.kind === 'unknown')) return unknownBecause(operands, 'parameter');
    return lift(operands, ev.ctx, (values) => {
      const booleans = values.map((value) => expectBool(value, 'every operand'));
      return decisive ? booleans.some(Boolean) : booleans.every(Boolean);
    });
  };
}

/** `coalesce(a, b, …)`: the first non-null value, with its origin. */
const coalesce: SpecialForm = (call, ev, frame) => {
  const seen: Evaluated[] = [];
  for (const arg of call.args) {
    const value = ev.expr(arg, frame);
    seen.push(value);
    if (value.kind === 'known' && value.value !== null) return value;
    if (value.kind === 'oneOf' && !value.values.includes(null)) return value;
    if (value.kind !== 'known') return unknownBecause(seen, 'parameter');
  }
  return known(null);
};

/** `copyIndex([loopName], [offset])`, from the locals the caller binds for the current iteration. */
const copyIndex: SpecialForm = (call, ev, frame) => {
  const args = ev.evaluateArgs(call, frame);
  if (args.some((arg) => arg.kind !== 'known')) return unknownBecause(args, 'parameter');
  const values = args.map((arg) => (arg.kind === 'known' ? arg.value : null));
  const [first, second] = values;
  const loopName = typeof first === 'string' ? first : undefined;
  const offset = loopName === undefined ? first : second;
  if (values.length > 2 || (offset !== undefined && typeof offset !== 'number')) return unknown('error');
  const key = loopName === undefined ? 'copyIndex' : `copyIndex:${loopName}`;
  const index = frame.locals.get(key) ?? findIgnoringCase(frame.locals, key);
  // Outside a loop iteration the index depends on which copy is deployed.
  if (index === undefined) return unknown('environment');
  return offset === undefined ? index : lift([index, known(offset)], ev.ctx, ([i = null]) => expectInt(i, 'the copy index') + offset);
};

function findIgnoringCase(locals: ReadonlyMap<string, Evaluated>, key: string): Evaluated | undefined {
  const wanted = key.toLowerCase();
  for (const [name, value] of locals) {
    if (name.toLowerCase() === wanted) return value;
  }
  return undefined;
}

/** `fail(message)` stops the deployment: whatever it yields is an error. */
const failForm: SpecialForm = (call, ev, frame) => unknown('error', dependenciesOf(ev.evaluateArgs(call, frame)));

export const specialForms: ReadonlyMap<string, SpecialForm> = new Map<string, SpecialForm>([
  ['parameters', parameters],
  ['variables', variables],
  ['if', ifForm],
  ['and', junction(false)],
  ['or', junction(true)],
  ['coalesce', coalesce],
  ['copyindex', copyIndex],
  ['fail', failForm],
  ...lambdaForms,
]);
