// Hand-built value nodes for evaluator tests (independent of the ARM front-end).
import { parseArmExpression } from '../../src/model/expr/index.js';
import type { ParameterDecl, ScopeDecls, UserFunctionDecl } from '../../src/model/scope.js';
import { createSourceFile } from '../../src/model/source.js';
import type { ArrayNode, JsonValue, LiteralNode, ObjectNode, ValueNode } from '../../src/model/value.js';

const file = createSourceFile('test.json', '');
let nextOffset = 0;

function range(): { start: number; end: number } {
  nextOffset += 10;
  return { start: nextOffset, end: nextOffset + 5 };
}

export function literal(value: null | boolean | number | string): LiteralNode {
  return { kind: 'literal', value, file, range: range(), locator: undefined };
}

export function expression(source: string): ValueNode {
  const { expr, problem } = parseArmExpression(source, (index) => index);
  if (problem) throw new Error(`test expression does not parse: ${source}: ${problem.data.detail ?? ''}`);
  return { kind: 'expression', source, expr, file, range: range(), locator: undefined };
}

export function object(properties: Readonly<Record<string, ValueNode>>): ObjectNode {
  return {
    kind: 'object',
    properties: Object.entries(properties).map(([key, value]) => ({ key, keyRange: range(), value, range: range() })),
    file,
    range: range(),
    locator: undefined,
  };
}

export function array(items: readonly ValueNode[]): ArrayNode {
  return { kind: 'array', items, file, range: range(), locator: undefined };
}

/** The array a front-end makes of an ARM copy loop: `count` copies of `input`. */
export function copyLoop(input: ValueNode, count: ValueNode): ArrayNode {
  return { kind: 'array', items: [input], copyCount: count, file, range: range(), locator: undefined };
}

/** A node tree from JSON as a template would write it: `"[...]"` strings are expressions. */
export function value(json: JsonValue): ValueNode {
  if (typeof json === 'string') {
    if (json.startsWith('[[')) return literal(json.slice(1));
    return json.startsWith('[') && json.endsWith(']') ? expression(json) : literal(json);
  }
  if (Array.isArray(json)) return array(json.map(value));
  if (json !== null && typeof json === 'object') {
    return object(Object.fromEntries(Object.entries(json).map(([key, item]) => [key, value(item)])));
  }
  return literal(json);
}

export interface ParameterSpec {
  readonly type?: string;
  readonly defaultValue?: JsonValue;
  readonly allowedValues?: readonly JsonValue[];
  readonly bound?: ParameterDecl['bound'];
}

export function parameter(name: string, spec: ParameterSpec = {}): ParameterDecl {
  const allowed = spec.allowedValues === undefined ? undefined : array(spec.allowedValues.map(value));
  return {
    name,
    node: object({}),
    type: spec.type,
    defaultValue: spec.defaultValue === undefined ? undefined : value(spec.defaultValue),
    allowedValues: allowed,
    ...(spec.bound ? { bound: spec.bound } : {}),
  };
}

export interface ScopeSpec {
  readonly parameters?: readonly ParameterDecl[];
  readonly variables?: Readonly<Record<string, JsonValue | ValueNode>>;
  readonly functions?: readonly UserFunctionDecl[];
}

function isValueNode(candidate: JsonValue | ValueNode): candidate is ValueNode {
  return typeof candidate === 'object' && candidate !== null && 'kind' in candidate && 'file' in candidate;
}

export function scope(spec: ScopeSpec = {}): ScopeDecls {
  return {
    parameters: new Map((spec.parameters ?? []).map((decl) => [decl.name, decl])),
    variables: new Map(
      Object.entries(spec.variables ?? {}).map(([name, item]) => [name, isValueNode(item) ? item : value(item)]),
    ),
    functions: new Map((spec.functions ?? []).map((fn) => [`${fn.namespace}.${fn.name}`.toLowerCase(), fn])),
  };
}

export function userFunction(namespace: string, name: string, parameterNames: readonly string[], output: JsonValue): UserFunctionDecl {
  return { namespace, name, parameterNames, output: value(output) };
}
