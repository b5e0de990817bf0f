// JSON values of fix intents written as Bicep: literals, multi-line objects and arrays in the
// file's indentation, and strings that are ARM expressions (`"[null()]"`, `"[and(parameters('a'),
// parameters('b'))]"`) as the Bicep expressions they stand for (`null`, `a && b`).
import type { ExprNode } from '../expr/ast.js';
import { isArmExpression, parseArmExpression } from '../expr/index.js';
import type { JsonValue } from '../value.js';
import { OPAQUE_NAMESPACE, USER_FUNCTION_NAMESPACE } from './exprs.js';

export interface Layout {
  /** One level of indentation: the file's own. */
  readonly unit: string;
  readonly eol: string;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function bicepString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, '\\${');
  return `'${escaped}'`;
}

export function bicepKey(key: string): string {
  return IDENTIFIER.test(key) ? key : bicepString(key);
}

/** The value in Bicep, laid out from `indent`; undefined when an ARM expression in it has no Bicep form here. */
export function renderValue(value: JsonValue, indent: string, layout: Layout): string | undefined {
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return JSON.stringify(value);
  if (typeof value === 'string') {
    if (!isArmExpression(value)) return bicepString(value.startsWith('[[') ? value.slice(1) : value);
    const parsed = parseArmExpression(value, (index) => index);
    return parsed.expr && bicepExpression(parsed.expr);
  }
  const inner = indent + layout.unit;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item) => renderValue(item, inner, layout));
    if (items.some((item) => item === undefined)) return undefined;
    return `[${layout.eol}${items.map((item) => `${inner}${item ?? ''}`).join(layout.eol)}${layout.eol}${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  const lines: string[] = [];
  for (const [key, item] of entries) {
    const rendered = renderValue(item, inner, layout);
    if (rendered === undefined) return undefined;
    lines.push(`${inner}${bicepKey(key)}: ${rendered}`);
  }
  return `{${layout.eol}${lines.join(layout.eol)}${layout.eol}${indent}}`;
}

/** Binary operators for the ARM functions that Bicep writes as operators. */
const OPERATORS: Readonly<Record<string, string>> = {
  equals: '==',
  less: '<',
  lessorequals: '<=',
  greater: '>',
  greaterorequals: '>=',
  add: '+',
  sub: '-',
  mul: '*',
  div: '/',
  mod: '%',
  and: '&&',
  or: '||',
  coalesce: '??',
};

/** Calls that only exist in the model (deployed resources read by symbol, loop indices, opaque values). */
const NOT_WRITABLE = new Set(['reference', 'copyindex', 'lambdavariables', 'lambda']);

/** The Bicep form of an ARM expression tree; undefined when it has none that is safe to write. */
export function bicepExpression(expr: ExprNode): string | undefined {
  switch (expr.kind) {
    case 'string':
      return bicepString(expr.value);
    case 'number':
      return String(expr.value);
    case 'property': {
      const object = bicepExpression(expr.object);
      if (object === undefined) return undefined;
      return IDENTIFIER.test(expr.name) ? `${wrap(expr.object, object)}.${expr.name}` : `${wrap(expr.object, object)}[${bicepString(expr.name)}]`;
    }
    case 'index': {
      const object = bicepExpression(expr.object);
      const index = bicepExpression(expr.index);
      return object === undefined || index === undefined ? undefined : `${wrap(expr.object, object)}[${index}]`;
    }
    case 'call':
      return bicepCall(expr);
  }
}

/** Operands that are operators themselves are parenthesized. */
function wrap(expr: ExprNode, text: string): string {
  if (expr.kind !== 'call') return text;
  const name = expr.name.toLowerCase();
  const operator = OPERATORS[name] !== undefined || name === 'if' || name === 'not';
  return operator ? `(${text})` : text;
}

function bicepCall(expr: Extract<ExprNode, { kind: 'call' }>): string | undefined {
  const name = expr.name.toLowerCase();
  if (expr.namespace === OPAQUE_NAMESPACE || NOT_WRITABLE.has(name)) return undefined;
  const args = expr.args.map(bicepExpression);
  if (args.some((arg) => arg === undefined)) return undefined;
  const written = args as string[];
  const operand = (i: number): string => {
    const node = expr.args[i];
    return node === undefined ? '' : wrap(node, written[i] ?? '');
  };
  const [first] = expr.args;
  if ((name === 'parameters' || name === 'variables') && first?.kind === 'string' && IDENTIFIER.test(first.value) && expr.args.length === 1) return first.value;
  if ((name === 'true' || name === 'false' || name === 'null') && expr.args.length === 0) return name;
  if (name === 'not' && expr.args.length === 1) return `!${operand(0)}`;
  if (name === 'if' && expr.args.length === 3) return `${operand(0)} ? ${operand(1)} : ${operand(2)}`;
  const operator = OPERATORS[name];
  if (operator !== undefined && expr.args.length >= 2 && (expr.args.length === 2 || operator === '&&' || operator === '||' || operator === '??')) {
    return expr.args.map((_, i) => operand(i)).join(` ${operator} `);
  }
  if (name === 'createarray') return `[${written.join(', ')}]`;
  if (name === 'createobject') {
    if (expr.args.length % 2 !== 0) return undefined;
    const pairs: string[] = [];
    for (let i = 0; i < expr.args.length; i += 2) {
      const key = expr.args[i];
      if (key?.kind !== 'string') return undefined;
      pairs.push(`${bicepKey(key.value)}: ${written[i + 1] ?? ''}`);
    }
    return pairs.length === 0 ? '{}' : `{ ${pairs.join(', ')} }`;
  }
  const callee = expr.namespace === undefined || expr.namespace === USER_FUNCTION_NAMESPACE ? expr.name : `${expr.namespace}.${expr.name}`;
  return `${callee}(${written.join(', ')})`;
}
