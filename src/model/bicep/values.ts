// Written Bicep values as the shared ValueNode tree: objects, arrays and literals keep their
// shape (as the compiled JSON does), everything else is an expression lowered to ExprNode.
// A loop in a property or variable (`dataDisks: [for i in range(0, n): {…}]`) is an array of its
// one body with a `copyCount`, as ARM's property copy loops are.
// https://learn.microsoft.com/azure/azure-resource-manager/bicep/loops
import type { SourceFile, TextRange } from '../source.js';
import type { ArrayNode, ExpressionNode, LiteralNode, ObjectNode, PropertyNode, ValueNode } from '../value.js';
import { loopShape, objectProperties } from './declarations.js';
import { callExpr, copyIndex } from './exprs.js';
import { LOOP_BODY, type BicepLocator } from './locator.js';
import { withLocals, type Locals, type Lowerer } from './lower.js';
import { stringParts } from './strings.js';
import { firstNamed, namedChildren, rangeOf, type SyntaxNode } from './syntax.js';

export interface ValueContext {
  /** The file the nodes belong to (for a module's file read from its caller: the caller). */
  readonly file: SourceFile;
  readonly lowerer: Lowerer;
  /** Every expression of the file, for the expression checks. */
  readonly expressions: ExpressionNode[];
  /**
   * Set when a module's file is read from the file that declares the module: its findings are
   * shown at the module declaration (the range given here) of the linted file, and its nodes
   * cannot be edited from there.
   */
  readonly placedAt?: TextRange;
}

/** Where a node is shown. */
export function spanOf(context: ValueContext, range: TextRange): TextRange {
  return context.placedAt ?? range;
}

export function nodeSpan(context: ValueContext, node: SyntaxNode): TextRange {
  return context.placedAt ?? rangeOf(node);
}

/** The locator of a node that fixes may edit (none for a module's nodes). */
export function editable(context: ValueContext, locator: BicepLocator | undefined): BicepLocator | undefined {
  return context.placedAt === undefined ? locator : undefined;
}

/** Arrays made from loops: they have no brackets of their own to edit. */
const loopArrays = new WeakSet<ArrayNode>();

export function isLoopArray(node: ValueNode): boolean {
  return node.kind === 'array' && loopArrays.has(node);
}

/** Overrides for some properties of an object (a resource's `dependsOn`, `parent`). */
export type PropertyHook = (key: string, value: SyntaxNode, locator: BicepLocator) => ValueNode | undefined;

export function toValue(node: SyntaxNode, locator: BicepLocator, locals: Locals, context: ValueContext, loopName?: string): ValueNode {
  const { file, lowerer } = context;
  const range = nodeSpan(context, node);
  const literal = (value: LiteralNode['value']): LiteralNode => ({ kind: 'literal', file, range, locator: editable(context, locator), value });
  switch (node.type) {
    case 'number':
      return literal(Number(lowerer.text.slice(node.start, node.end)));
    case 'boolean':
      return literal(lowerer.text.slice(node.start, node.end) === 'true');
    case 'null':
      return literal(null);
    case 'string': {
      const parts = stringParts(lowerer.text, node, lowerer.notes);
      if (parts.holes.length === 0 && !parts.opaque) return literal(parts.literals[0] ?? '');
      break;
    }
    case 'unary_expression': {
      const operand = namedChildren(node)[0];
      const negative = node.children.some((child) => !child.named && child.type === '-');
      if (negative && operand?.type === 'number') return literal(-Number(lowerer.text.slice(operand.start, operand.end)));
      break;
    }
    case 'parenthesized_expression': {
      const inner = namedChildren(node);
      const [only] = inner;
      if (inner.length === 1 && only !== undefined) return toValue(only, locator, locals, context, loopName);
      break;
    }
    case 'object':
      if (objectProperties(lowerer.text, node, lowerer.notes).spreads.length === 0) return toObject(node, locator, locals, context);
      break;
    case 'array': {
      const items = node.children.filter((child) => child.named && child.type !== 'decorators');
      if (items.some((item) => lowerer.notes.spreads.has(item.start - 3))) break;
      return {
        kind: 'array',
        file,
        range,
        locator: editable(context, locator),
        items: items.map((item, index) => toValue(item, locator.child(index), locals, context)),
      };
    }
    case 'for_statement': {
      const loop = loopArray(node, locator, locals, context, loopName);
      if (loop) return loop;
      break;
    }
    default:
      break;
  }
  return expression(node, locator, locals, context);
}

export function expression(node: SyntaxNode, locator: BicepLocator | undefined, locals: Locals, context: ValueContext): ExpressionNode {
  const { lowerer } = context;
  const created: ExpressionNode = {
    kind: 'expression',
    file: context.file,
    range: nodeSpan(context, node),
    locator: editable(context, locator),
    source: lowerer.text.slice(node.start, node.end),
    expr: lowerer.lower(node, locals),
  };
  context.expressions.push(created);
  return created;
}

export function toObject(node: SyntaxNode, locator: BicepLocator, locals: Locals, context: ValueContext, hook?: PropertyHook): ObjectNode {
  const { properties } = objectProperties(context.lowerer.text, node, context.lowerer.notes);
  const converted: PropertyNode[] = properties.map((property) => {
    const at = locator.child(property.key);
    const value = hook?.(property.key, property.value, at) ?? toValue(property.value, at, locals, context, property.key);
    return { key: property.key, keyRange: nodeSpan(context, property.keyNode), value, range: spanOf(context, { start: property.node.start, end: property.value.end }) };
  });
  return { kind: 'object', file: context.file, range: nodeSpan(context, node), locator: editable(context, locator), properties: converted };
}

/** `[for x in xs: body]` as the value of a property or variable named `loopName`. */
function loopArray(node: SyntaxNode, locator: BicepLocator, locals: Locals, context: ValueContext, loopName: string | undefined): ArrayNode | undefined {
  const { lowerer } = context;
  const loop = loopShape(lowerer.text, node);
  if (loop === undefined || loopName === undefined) return undefined;
  const body = loop.body.type === 'if_statement' ? firstNamed(loop.body, 'object') : loop.body;
  if (body === undefined) return undefined;
  const count = expression(loop.iterable, undefined, locals, context);
  const iterable = count.expr;
  const countNode: ExpressionNode = {
    ...count,
    expr: iterable && callExpr('length', [iterable], count.range),
  };
  const inner = withLocals(locals, [
    [loop.item, (range) => (iterable ? { kind: 'index', object: iterable, index: copyIndex(loopName, range), range } : copyIndex(loopName, range))],
    [loop.index, (range) => copyIndex(loopName, range)],
  ]);
  const array: ArrayNode = {
    kind: 'array',
    file: context.file,
    range: nodeSpan(context, node),
    locator: editable(context, locator),
    items: [toValue(body, locator.child(LOOP_BODY), inner, context)],
    copyCount: countNode,
  };
  loopArrays.add(array);
  return array;
}
