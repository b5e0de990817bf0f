// Combining three-valued arguments: known, one of a set, unknown.
import { type Evaluated, known, type OneOf, unknown, type Unknown } from '../evaluated.js';
import type { JsonValue } from '../value.js';
import { BudgetExceeded, type EvalContext, maxAlternatives } from './context.js';
import { deepEqual } from './json.js';

/** The parameters that values depend on: unknowns' dependencies, and parameters they came through. */
export function dependenciesOf(values: readonly Evaluated[]): string[] {
  const names: string[] = [];
  const add = (name: string | undefined): void => {
    if (name !== undefined && !names.includes(name)) names.push(name);
  };
  for (const value of values) {
    if (value.kind === 'unknown') value.dependsOn.forEach(add);
    else {
      if (value.kind === 'oneOf') add(value.parameter);
      add(value.origin?.parameter);
    }
  }
  return names;
}

/** Unknown because of `values`: the first unknown's reason, or `reason` when none is unknown. */
export function unknownBecause(values: readonly Evaluated[], reason: string): Unknown {
  const first = values.find((value): value is Unknown => value.kind === 'unknown');
  return unknown(first?.reason ?? reason, dependenciesOf(values));
}

export function alternativesOf(value: Evaluated): readonly JsonValue[] | undefined {
  if (value.kind === 'known') return [value.value];
  if (value.kind === 'oneOf') return value.values;
  return undefined;
}

/** The distinct values, as known (one), oneOf (a few) or unknown 'budget' (too many). */
export function fromAlternatives(
  values: readonly JsonValue[],
  ctx: EvalContext,
  dependencies: readonly Evaluated[],
  parameter?: string,
): Evaluated {
  const distinct: JsonValue[] = [];
  for (const value of values) {
    if (!distinct.some((seen) => deepEqual(seen, value, ctx))) distinct.push(value);
    if (distinct.length > maxAlternatives) return unknown('budget', dependenciesOf(dependencies));
  }
  const [only] = distinct;
  if (distinct.length === 1 && only !== undefined) return known(only);
  const oneOf: OneOf = parameter === undefined ? { kind: 'oneOf', values: distinct } : { kind: 'oneOf', values: distinct, parameter };
  return oneOf;
}

/** The one parameter whose alternatives are in play, when there is exactly one. */
export function soleParameter(values: readonly Evaluated[]): string | undefined {
  const names = new Set<string>();
  for (const value of values) {
    if (value.kind === 'oneOf') names.add(value.parameter ?? '');
  }
  const [only] = names;
  return names.size === 1 && only !== '' ? only : undefined;
}

/**
 * Applies a function of plain values to three-valued arguments: unknown in, unknown out; a
 * oneOf argument is expanded, and the results are collected into known or oneOf.
 */
export function lift(
  args: readonly Evaluated[],
  ctx: EvalContext,
  apply: (values: readonly JsonValue[]) => JsonValue,
): Evaluated {
  const choices: (readonly JsonValue[])[] = [];
  let combinations = 1;
  for (const arg of args) {
    const alternatives = alternativesOf(arg);
    if (alternatives === undefined) return unknownBecause(args, 'error');
    choices.push(alternatives);
    combinations *= alternatives.length;
  }
  if (combinations === 0) return unknown('error', dependenciesOf(args));
  if (combinations > maxAlternatives) return unknown('budget', dependenciesOf(args));
  const results: JsonValue[] = [];
  try {
    for (let n = 0; n < combinations; n++) {
      let rest = n;
      const current = choices.map((options) => {
        const picked = options[rest % options.length] ?? null;
        rest = Math.floor(rest / options.length);
        return picked;
      });
      ctx.tick();
      results.push(apply(current));
    }
  } catch (error) {
    // A function that trips on its input yields an error value, never an exception.
    if (error instanceof BudgetExceeded) throw error;
    return unknown('error', dependenciesOf(args));
  }
  return fromAlternatives(results, ctx, args, soleParameter(args));
}
