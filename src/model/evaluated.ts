import type { JsonValue, ValueNode } from './value.js';

/**
 * Where a value was decided: the literal node that produced it. A finding points at it and a fix
 * edits it, so a `securityType` that comes from a parameter default is fixed at the default.
 */
export interface Origin {
  readonly node: ValueNode;
  readonly via: 'literal' | 'parameter-default' | 'parameter-file' | 'variable';
  /** Set when the value flowed through a parameter (its default or a parameter file). */
  readonly parameter?: string;
  readonly variable?: string;
}

/** Three-valued evaluation: known, one of a set (from allowed values), or unknown. */
export type Evaluated = Known | OneOf | Unknown;

export interface Known {
  readonly kind: 'known';
  readonly value: JsonValue;
  readonly origin?: Origin;
}

export interface OneOf {
  readonly kind: 'oneOf';
  readonly values: readonly JsonValue[];
  /** The parameter whose allowed values these are. */
  readonly parameter?: string;
  readonly origin?: Origin;
}

export interface Unknown {
  readonly kind: 'unknown';
  /** Parameters the value depends on, when known. */
  readonly dependsOn: readonly string[];
  /** Why: 'environment' (resourceGroup(), reference()…), 'budget', 'cycle', 'error', 'parameter'. */
  readonly reason: string;
}

export const known = (value: JsonValue, origin?: Origin): Known =>
  origin ? { kind: 'known', value, origin } : { kind: 'known', value };

export const unknown = (reason: string, dependsOn: readonly string[] = []): Unknown => ({
  kind: 'unknown',
  dependsOn,
  reason,
});

/** The values an evaluation can take, or undefined when it is unknown. */
export function possibleValues(value: Evaluated): readonly JsonValue[] | undefined {
  if (value.kind === 'known') return [value.value];
  if (value.kind === 'oneOf') return value.values;
  return undefined;
}
