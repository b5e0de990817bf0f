import type { JsonValue } from '../../value.js';
import { type EvalContext, fail } from '../context.js';

/**
 * A template function of plain values. It throws `FunctionError` (via `fail`) on values it
 * cannot take, and charges the context for any walk over its inputs.
 */
export type PureFunction = (args: readonly JsonValue[], ctx: EvalContext) => JsonValue;

export type FunctionTable = Readonly<Record<string, PureFunction>>;

export function argument(args: readonly JsonValue[], index: number): JsonValue {
  if (index >= args.length) fail(`argument ${String(index + 1)} is missing`);
  return args[index] ?? null;
}

export function optionalArgument(args: readonly JsonValue[], index: number): JsonValue | undefined {
  return index < args.length ? (args[index] ?? null) : undefined;
}

export function expectCount(args: readonly JsonValue[], min: number, max: number): void {
  if (args.length < min || args.length > max) fail(`expected ${String(min)} to ${String(max)} arguments`);
}
