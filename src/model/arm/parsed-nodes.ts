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

/** Where a node is: what every node of the tree has, its range worked out when asked. */
abstract class ParsedNode {
  constructor(
    readonly file: SourceFile,
    private readonly start: number,
    private readonly end: number,
    readonly locator: unknown,
  ) {}

  get range(): TextRange {
    return { start: this.start, end: this.end };
  }
}

export class ParsedLiteral extends ParsedNode implements LiteralNode {
  readonly kind = 'literal';

  constructor(file: SourceFile, start: number, end: number, locator: unknown, readonly value: null | boolean | number | string) {
    super(file, start, end, locator);
  }
}

export class ParsedObject extends ParsedNode implements ObjectNode {
  readonly kind = 'object';

  /** `properties` is the front-end's own array: copy loops are added to it (see readAsTemplate). */
  constructor(file: SourceFile, start: number, end: number, locator: unknown, readonly properties: PropertyNode[]) {
    super(file, start, end, locator);
  }
}

export class ParsedArray extends ParsedNode implements ArrayNode {
  readonly kind = 'array';

  constructor(file: SourceFile, start: number, end: number, locator: unknown, readonly items: ValueNode[]) {
    super(file, start, end, locator);
  }
}

/**
 * An ARM `"[...]"` string. Its expression is parsed when first read: most are never evaluated,
 * and the template's check (expressionProblems) parses each one it has not already found clean
 * without keeping the tree, so trees live only for what rules evaluate.
 */
export class ArmExpression extends ParsedNode implements ExpressionNode {
  readonly kind = 'expression';
  private parsed: ParsedArmString | undefined;

  constructor(file: SourceFile, start: number, end: number, locator: unknown, readonly source: string) {
    super(file, start, end, locator);
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
