import type { Node as JsonNode } from 'jsonc-parser';
import { isArmExpression, parseArmExpression } from '../expr/index.js';
import type { SourceFile, TextRange } from '../source.js';
import type { ExpressionProblem } from '../template.js';
import type { ExpressionNode, LiteralNode, ObjectNode, PropertyNode, ValueNode } from '../value.js';
import { copyLoopProperties } from './copy.js';
import type { JsonLocator } from './locator.js';
import { decodeStringToken, stringOffsetMapper } from './strings.js';

export interface ConvertContext {
  readonly file: SourceFile;
  /** Strings whose raw text had control characters blanked before parsing: decode from the original. */
  readonly blankedStrings: ReadonlyMap<number, number>;
  /** Parameter files are data: no string in them is an expression. */
  readonly literalStrings?: boolean;
  /** Every expression, in document order. */
  readonly expressions: ExpressionNode[];
  readonly syntaxProblems: ExpressionProblem[];
}

/**
 * Converts a jsonc-parser tree to value nodes whose locator is their JSON path. Recursive: the
 * depth is bounded by the nesting limit checked before parsing.
 */
export function toValueNode(node: JsonNode, path: JsonLocator, context: ConvertContext): ValueNode {
  switch (node.type) {
    case 'object':
      return objectNode(node, path, context);
    case 'array': {
      const children = node.children ?? [];
      const items: ValueNode[] = new Array<ValueNode>(children.length);
      children.forEach((child, index) => {
        items[index] = toValueNode(child, path.child(index), context);
      });
      return { kind: 'array', file: context.file, range: rangeOf(node), locator: path, items };
    }
    case 'string':
      return stringNode(node, path, context);
    case 'number':
    case 'boolean':
    case 'null':
      return literal(context.file, rangeOf(node), path, node.value as number | boolean | null);
    case 'property': {
      // Not produced below the root by parseTree; handled for completeness of the switch.
      const value = node.children?.[1];
      return value ? toValueNode(value, path, context) : literal(context.file, rangeOf(node), path, null);
    }
  }
}

function rangeOf(node: JsonNode): TextRange {
  return { start: node.offset, end: node.offset + node.length };
}

function literal(file: SourceFile, range: TextRange, locator: JsonLocator, value: LiteralNode['value']): LiteralNode {
  return { kind: 'literal', file, range, locator, value };
}

function objectNode(node: JsonNode, path: JsonLocator, context: ConvertContext): ObjectNode {
  const properties: PropertyNode[] = [];
  for (const property of node.children ?? []) {
    const keyNode = property.children?.[0];
    const valueNode = property.children?.[1];
    if (keyNode === undefined || valueNode === undefined) continue;
    const key = stringValue(keyNode, context);
    properties.push({
      key,
      keyRange: rangeOf(keyNode),
      value: toValueNode(valueNode, path.child(key), context),
      range: { start: property.offset, end: valueNode.offset + valueNode.length },
    });
  }
  const object: ObjectNode = { kind: 'object', file: context.file, range: rangeOf(node), locator: path, properties };
  const loops = copyLoopProperties(object, path);
  if (loops.length > 0) properties.push(...loops);
  return object;
}

function stringValue(node: JsonNode, context: ConvertContext): string {
  if (!context.blankedStrings.has(node.offset)) return node.value as string;
  return decodeStringToken(context.file.text, node.offset, node.offset + node.length).value;
}

function stringNode(node: JsonNode, path: JsonLocator, context: ConvertContext): LiteralNode | ExpressionNode {
  const value = stringValue(node, context);
  const range = rangeOf(node);
  if (context.literalStrings === true || value.charCodeAt(0) !== 0x5b) return literal(context.file, range, path, value);
  if (isArmExpression(value)) {
    const parsed = parseArmExpression(value, stringOffsetMapper(context.file.text, range.start, range.end));
    if (parsed.problem) context.syntaxProblems.push(parsed.problem);
    const expression: ExpressionNode = {
      kind: 'expression',
      file: context.file,
      range,
      locator: path,
      source: value,
      expr: parsed.expr,
    };
    context.expressions.push(expression);
    return expression;
  }
  // "[[…]" is how ARM writes a literal string that starts with "[": one bracket is dropped.
  // https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions#escape-characters
  return literal(context.file, range, path, value.startsWith('[[') && value.endsWith(']') ? value.slice(1) : value);
}
