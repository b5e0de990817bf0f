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

export class ParsedLiteral implements LiteralNode {
  readonly kind = 'literal';

  constructor(
    readonly file: SourceFile,
    private readonly start: number,
    private readonly end: number,
    readonly locator: unknown,
    readonly value: null | boolean | number | string,
  ) {}

  get range(): TextRange {
    return { start: this.start, end: this.end };
  }
}

export class ParsedObject implements ObjectNode {
  readonly kind = 'object';

  constructor(
    readonly file: SourceFile,
    private readonly start: number,
    private readonly end: number,
    readonly locator: unknown,
    /** The front-end's own array: copy loops are added to it (see readAsTemplate). */
    readonly properties: PropertyNode[],
  ) {}

  get range(): TextRange {
    return { start: this.start, end: this.end };
  }
}

export class ParsedArray implements ArrayNode {
  readonly kind = 'array';

  constructor(
    readonly file: SourceFile,
    private readonly start: number,
    private readonly end: number,
    readonly locator: unknown,
    readonly items: ValueNode[],
  ) {}

  get range(): TextRange {
    return { start: this.start, end: this.end };
  }
}

/**
 * An ARM `"[...]"` string. Its expression is parsed when first read: most are never evaluated,
 * and the template's check (expressionProblems) parses each one it has not already found clean
 * without keeping the tree, so trees live only for what rules evaluate.
 */
export class ArmExpression implements ExpressionNode {
  readonly kind = 'expression';
  private parsed: ParsedArmString | undefined;

  constructor(
    readonly file: SourceFile,
    private readonly start: number,
    private readonly end: number,
    readonly locator: unknown,
    readonly source: string,
  ) {}

  get range(): TextRange {
    return { start: this.start, end: this.end };
  }

  get expr(): ExprNode | undefined {
    this.parsed ??= this.parse();
    return this.parsed.expr;
  }

  /** The expression parsed again, not kept: a syntax error comes back as `problem`. */
  parse(): ParsedArmString {
    return parseArmExpression(this.source, stringOffsetMapper(this.file.text, this.start, this.end, this.source));
  }
}
