import type { Evaluated } from './evaluated.js';
import type { ArrayNode, ObjectNode, ValueNode } from './value.js';

/** A parameter declaration, as either front-end found it. */
export interface ParameterDecl {
  readonly name: string;
  /** The declaration node (ARM: the parameter's object; Bicep: the `param` statement). */
  readonly node: ValueNode;
  readonly type: string | undefined;
  readonly defaultValue: ValueNode | undefined;
  readonly allowedValues: ArrayNode | undefined;
  /** A value bound from a parameter file or a parent deployment; wins over the default. */
  readonly bound?: BoundValue;
}

export type BoundValue =
  | { readonly kind: 'node'; readonly node: ValueNode; readonly via: 'parameter-file' }
  /** A nested deployment's parameter, evaluated in the parent's scope. */
  | { readonly kind: 'evaluated'; readonly value: Evaluated };

export interface UserFunctionDecl {
  readonly namespace: string;
  readonly name: string;
  readonly parameterNames: readonly string[];
  readonly output: ValueNode | undefined;
}

/** The key of a name in the declaration maps: ARM names are case-insensitive. */
export function declKey(name: string): string {
  return name.toLowerCase();
}

/** Everything a template (or nested inline template) declares, for the evaluator; maps are keyed by `declKey`. */
export interface ScopeDecls {
  readonly parameters: ReadonlyMap<string, ParameterDecl>;
  readonly variables: ReadonlyMap<string, ValueNode>;
  readonly functions: ReadonlyMap<string, UserFunctionDecl>;
  /** ARM variable copy loops (`variables.copy`) are expanded by the front-end into `variables`. */
  readonly variablesNode?: ObjectNode;
}

/** Limits that keep evaluation bounded on hostile input; past them the value is unknown. */
export interface EvalBudget {
  readonly maxDepth: number;
  readonly maxSteps: number;
  readonly maxStringLength: number;
  readonly maxArrayLength: number;
}

export const defaultBudget: EvalBudget = {
  maxDepth: 64,
  maxSteps: 20_000,
  maxStringLength: 1_000_000,
  maxArrayLength: 10_000,
};
