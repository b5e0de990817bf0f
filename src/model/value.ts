import type { ExprNode } from './expr/ast.js';
import type { SourceFile, TextRange } from './source.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * A value as written in a source file, with its range. Front-ends produce these; rules reach them
 * only through the resource view. `locator` is opaque to everyone but the front-end that made the
 * node: the JSON front-end keeps the JSON path there, so it can render edits with jsonc-parser.
 */
export type ValueNode = ObjectNode | ArrayNode | LiteralNode | ExpressionNode;

interface NodeBase {
  readonly file: SourceFile;
  readonly range: TextRange;
  readonly locator: unknown;
}

export interface PropertyNode {
  /** The key as written (ARM compares keys case-insensitively). */
  readonly key: string;
  readonly keyRange: TextRange;
  readonly value: ValueNode;
  /** From the start of the key to the end of the value. */
  readonly range: TextRange;
}

export interface ObjectNode extends NodeBase {
  readonly kind: 'object';
  /** Duplicate keys are kept in order; lookups take the last, as ARM does. */
  readonly properties: readonly PropertyNode[];
}

export interface ArrayNode extends NodeBase {
  readonly kind: 'array';
  readonly items: readonly ValueNode[];
  /**
   * Set on arrays made from an ARM property or variable copy loop (`"copy": [{ "name": "dataDisks",
   * "count": …, "input": … }]`): the array is `count` copies of its one item, the `input` node
   * (evaluated with `copyIndex('dataDisks')` = 0…count-1). Its range and locator are the copy
   * entry's; the front-end's renderer refuses edits of the array itself (edit the item instead).
   */
  readonly copyCount?: ValueNode;
}

export interface LiteralNode extends NodeBase {
  readonly kind: 'literal';
  readonly value: null | boolean | number | string;
}

/**
 * An expression: an ARM `"[...]"` string, or a Bicep expression that is not a plain literal.
 * `expr` is undefined when the expression does not parse; the error is in the template's
 * `expressionProblems`.
 */
export interface ExpressionNode extends NodeBase {
  readonly kind: 'expression';
  readonly source: string;
  readonly expr: ExprNode | undefined;
}

/** Case-insensitive property lookup; the last duplicate wins, as in ARM. */
export function getProperty(node: ObjectNode, key: string): PropertyNode | undefined {
  const wanted = key.toLowerCase();
  let found: PropertyNode | undefined;
  for (const property of node.properties) {
    // Lengths first: lower-casing every key of the object made a string per key per lookup.
    if (property.key.length === wanted.length && property.key.toLowerCase() === wanted) found = property;
  }
  return found;
}
