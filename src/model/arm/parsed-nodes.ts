// The nodes the fast JSON parser makes, and the expressions read from its strings. Their
// ranges are worked out when asked instead of stored as objects: a tree lives while its file is
// linted, so the garbage collector copies every object in it, and over the corpus that copying was
// a third of a run. Ranges are read for a few nodes per file (reports, fixes); most never are.
import type { ExprNode } from '../expr/ast.js';
import { parseArmExpression, type ParsedArmString } from '../expr/index.js';
import type { SourceFile, TextRange } from '../source.js';
import type { ArrayNode, ExpressionNode, LiteralNode, ObjectNode, PropertyNode, ValueNode } from '../value.js';
import { stringOffsetMapper } from './strings.js';

export class ParsedProperty implements PropertyNode {
  constructor(
    readonly key: string,
    private readonly keyStart: number,
    private readonly keyEnd: number,
    readonly value: ValueNode,
  ) {}

  get keyRange(): TextRange {
    return { start: this.keyStart, end: this.keyEnd };
  }

  get range(): TextRange {
    return { start: this.keyStart, end: this.value.range.end };
  }

  /** The same property holding another node of the same range (an expression read from a string). */
  withValue(value: ValueNode): ParsedProperty {
    return new ParsedProperty(this.key, this.keyStart, this.keyEnd, value);
  }
}

/** What all the nodes of one tree share: one object, not two fields in every node. */
export interface NodeOrigin {
  readonly file: SourceFile;
  /** The tree's locator (see JsonLocator). */
  readonly locator: unknown;
}

/**
 * Where a node is: its tree's origin and its offsets, its range worked out when asked. Each
 * subclass has its `kind` on its prototype (set below), not in every node.
 */
abstract class ParsedNode {
  constructor(
    private readonly origin: NodeOrigin,
    private readonly start: number,
    private readonly end: number,
  ) {}

  get file(): SourceFile {
    return this.origin.file;
  }

  get locator(): unknown {
    return this.origin.locator;
  }

  get range(): TextRange {
    return { start: this.start, end: this.end };
  }
}

export class ParsedLiteral extends ParsedNode implements LiteralNode {
  declare readonly kind: 'literal';

  constructor(origin: NodeOrigin, start: number, end: number, readonly value: null | boolean | number | string) {
    super(origin, start, end);
  }
}

export class ParsedObject extends ParsedNode implements ObjectNode {
  declare readonly kind: 'object';

  /** `properties` is the front-end's own array: copy loops are added to it (see readAsTemplate). */
  constructor(origin: NodeOrigin, start: number, end: number, readonly properties: PropertyNode[]) {
    super(origin, start, end);
  }
}

export class ParsedArray extends ParsedNode implements ArrayNode {
  declare readonly kind: 'array';

  constructor(origin: NodeOrigin, start: number, end: number, readonly items: ValueNode[]) {
    super(origin, start, end);
  }
}

/**
 * An ARM `"[...]"` string. Its expression is parsed when first read: most are never evaluated,
 * and the template's check (expressionProblems) parses each one it has not already found clean
 * without keeping the tree, so trees live only for what rules evaluate.
 */
export class ArmExpression extends ParsedNode implements ExpressionNode {
  declare readonly kind: 'expression';
  private parsed: ParsedArmString | undefined;

  constructor(origin: NodeOrigin, start: number, end: number, readonly source: string) {
    super(origin, start, end);
  }

  get expr(): ExprNode | undefined {
    this.parsed ??= this.parse();
    return this.parsed.expr;
  }

  /** The expression parsed again, not kept: a syntax error comes back as `problem`. */
  parse(): ParsedArmString {
    const { start, end } = this.range;
    return parseArmExpression(this.source, stringOffsetMapper(this.file.text, start, end, this.source));
  }
}

for (const [node, kind] of [
  [ParsedLiteral, 'literal'],
  [ParsedObject, 'object'],
  [ParsedArray, 'array'],
  [ArmExpression, 'expression'],
] as const) {
  Object.defineProperty(node.prototype, 'kind', { value: kind, enumerable: true });
}
