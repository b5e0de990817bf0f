import { isArmExpression } from '../expr/index.js';
import type { SourceFile } from '../source.js';
import type { LiteralNode, ValueNode } from '../value.js';
import type { BracketString, JsonTree } from './build.js';
import { copyLoopProperties } from './copy.js';
import { ArmExpression, ParsedLiteral, ParsedProperty, type NodeOrigin } from './parsed-nodes.js';

export interface TemplateStrings {
  /** Every expression, in document order (parsed when first read). */
  readonly expressions: readonly ArmExpression[];
}

/**
 * Reads the tree's `[`-strings as a template does: expressions are parsed, and `[[…]` loses one
 * bracket. Then adds the copy-loop properties (after, so they refer to the final nodes).
 */
export function readAsTemplate(tree: JsonTree, file: SourceFile): TemplateStrings {
  const expressions: ArmExpression[] = [];
  // Every node of a tree has the same locator (the tree's): one origin for all its expressions.
  let origin: NodeOrigin | undefined;
  for (const bracket of tree.bracketStrings) {
    origin ??= { file, locator: bracket.node.locator };
    const replacement = templateString(bracket.node, origin, expressions);
    if (replacement !== bracket.node) replace(bracket, replacement);
  }
  addCopyLoops(tree);
  return { expressions };
}

/** Data (a parameter file): strings stay as written; copy loops are still exposed. */
export function readAsData(tree: JsonTree): void {
  addCopyLoops(tree);
}

function addCopyLoops(tree: JsonTree): void {
  for (const object of tree.copyHolders) {
    const loops = copyLoopProperties(object);
    // The builder made the array: it is this front-end's own to extend.
    if (loops.length > 0) (object.properties as typeof loops).push(...loops);
  }
}

function replace(bracket: BracketString, node: ValueNode): void {
  const { items, properties, index } = bracket;
  if (items !== undefined) items[index] = node;
  const property = properties?.[index];
  if (properties === undefined || property === undefined) return;
  properties[index] = property instanceof ParsedProperty ? property.withValue(node) : { key: property.key, keyRange: property.keyRange, value: node, range: property.range };
}

function templateString(
  node: LiteralNode & { readonly value: string },
  origin: NodeOrigin,
  expressions: ArmExpression[],
): ValueNode {
  const { value, range } = node;
  if (isArmExpression(value)) {
    const expression = new ArmExpression(origin, range.start, range.end, value);
    expressions.push(expression);
    return expression;
  }
  // "[[…]" is how ARM writes a literal string that starts with "[": one bracket is dropped.
  // https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions#escape-characters
  if (value.startsWith('[[') && value.endsWith(']')) return new ParsedLiteral(origin, range.start, range.end, value.slice(1));
  return node;
}
