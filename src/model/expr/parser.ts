// Recursive-descent parser for ARM template expressions.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions
import type { TextRange } from '../source.js';
import type { ExpressionProblem } from '../template.js';
import type { CallExpr, ExprNode } from './ast.js';
import { Lexer, type Token, type TokenKind } from './lexer.js';

export interface ParsedArmString {
  /** Undefined when the string is not an expression, or it failed to parse (see `problem`). */
  readonly expr: ExprNode | undefined;
  readonly problem: ExpressionProblem | undefined;
}

/** Deeper nesting than this is reported as a syntax problem instead of risking the stack. */
export const maxNestingDepth = 200;

/**
 * ARM evaluates a string as an expression when it starts with `[` and ends with `]`, with no
 * whitespace outside the brackets; `[[` escapes a literal that would otherwise be one.
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions#escape-characters
 */
export function isArmExpression(value: string): boolean {
  return value.length >= 2 && value.startsWith('[') && value.endsWith(']') && !value.startsWith('[[');
}

class SyntaxFailure extends Error {
  override readonly name = 'SyntaxFailure';

  constructor(
    readonly start: number,
    readonly end: number,
    readonly detail: string,
  ) {
    super(detail);
  }
}

const punctuationNames: Readonly<Partial<Record<TokenKind, string>>> = {
  lparen: "'('",
  rparen: "')'",
  lbracket: "'['",
  rbracket: "']'",
  comma: "','",
  dot: "'.'",
};

/** How a token is named in a problem's detail. */
function tokenText(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'the end of the expression';
    case 'identifier':
    case 'number':
      return `${token.kind} ${token.text}`;
    case 'string':
      return 'a string';
    default:
      return punctuationNames[token.kind] ?? 'a character';
  }
}

class Parser {
  private readonly lexer: Lexer;
  private token: Token;
  private lookahead: Token[] = [];

  constructor(
    private readonly value: string,
    private readonly mapOffset: (index: number) => number,
  ) {
    this.lexer = new Lexer(value, 1, value.length - 1);
    this.token = this.lexer.next();
  }

  parse(): ExprNode {
    if (this.kind() === 'end') {
      throw new SyntaxFailure(0, this.value.length, 'the expression is empty');
    }
    const expr = this.expression(1);
    if (this.kind() !== 'end') {
      this.fail(this.token, `expected the end of the expression, found ${tokenText(this.token)}`);
    }
    return expr;
  }

  /** Read through a method: TypeScript would otherwise keep a narrowing across `advance()`. */
  private kind(): TokenKind {
    return this.token.kind;
  }

  private peek(n: number): Token {
    while (this.lookahead.length < n) this.lookahead.push(this.lexer.next());
    return this.lookahead[n - 1] ?? this.token;
  }

  private advance(): Token {
    const current = this.token;
    this.token = this.lookahead.shift() ?? this.lexer.next();
    return current;
  }

  private range(start: number, end: number): TextRange {
    return { start: this.mapOffset(start), end: this.mapOffset(end) };
  }

  private fail(token: Token, detail: string): never {
    if (token.kind === 'end') {
      // Point at the closing bracket, so the range is never empty.
      throw new SyntaxFailure(this.value.length - 1, this.value.length, detail);
    }
    throw new SyntaxFailure(token.start, token.end, detail);
  }

  private expression(depth: number): ExprNode {
    if (depth > maxNestingDepth) {
      this.fail(this.token, `the expression nests deeper than ${String(maxNestingDepth)} levels`);
    }
    const start = this.token.start;
    let expr = this.primary(depth);
    for (;;) {
      if (this.kind() === 'dot') {
        this.advance();
        const name = this.token;
        if (name.kind !== 'identifier') this.fail(name, `expected a property name after '.', found ${tokenText(name)}`);
        this.advance();
        if (this.kind() === 'lparen') {
          this.fail(this.token, `'${name.text}' is a property access; only functions can be called`);
        }
        expr = { kind: 'property', object: expr, name: name.text, range: this.range(start, name.end) };
      } else if (this.kind() === 'lbracket') {
        this.advance();
        const index = this.expression(depth + 1);
        const close = this.expect('rbracket', "expected ']' to close the index");
        expr = { kind: 'index', object: expr, index, range: this.range(start, close.end) };
      } else {
        return expr;
      }
    }
  }

  private primary(depth: number): ExprNode {
    const token = this.token;
    switch (token.kind) {
      case 'string':
        this.advance();
        return { kind: 'string', value: token.text, range: this.range(token.start, token.end) };
      case 'number':
        this.advance();
        return { kind: 'number', value: Number(token.text), range: this.range(token.start, token.end) };
      case 'identifier':
        return this.call(depth);
      case 'invalid':
        return this.fail(token, token.problem ?? 'unexpected character');
      default:
        return this.fail(token, `expected a value (a 'string', a number or a function call), found ${tokenText(token)}`);
    }
  }

  private call(depth: number): CallExpr {
    const first = this.advance();
    let namespace: string | undefined;
    let nameToken = first;
    if (this.kind() === 'dot' && this.peek(1).kind === 'identifier' && this.peek(2).kind === 'lparen') {
      this.advance();
      namespace = first.text;
      nameToken = this.advance();
    }
    if (this.kind() !== 'lparen') this.fail(first, bareIdentifierDetail(first.text));
    const open = this.advance();
    const args: ExprNode[] = [];
    if (this.kind() === 'rparen') {
      const close = this.advance();
      return this.finishCall(namespace, first, nameToken, args, close);
    }
    for (;;) {
      if (this.kind() === 'end') this.fail(open, `'(' of ${nameToken.text} is never closed`);
      args.push(this.expression(depth + 1));
      const separator = this.token;
      if (separator.kind === 'comma') {
        this.advance();
        continue;
      }
      if (separator.kind === 'rparen') {
        this.advance();
        return this.finishCall(namespace, first, nameToken, args, separator);
      }
      if (separator.kind === 'end') this.fail(open, `'(' of ${nameToken.text} is never closed`);
      this.fail(separator, `expected ',' or ')' in the arguments of ${nameToken.text}, found ${tokenText(separator)}`);
    }
  }

  private finishCall(
    namespace: string | undefined,
    first: Token,
    nameToken: Token,
    args: ExprNode[],
    close: Token,
  ): CallExpr {
    return {
      kind: 'call',
      namespace,
      name: nameToken.text,
      nameRange: this.range(first.start, nameToken.end),
      args,
      range: this.range(first.start, close.end),
    };
  }

  private expect(kind: TokenKind, detail: string): Token {
    if (this.kind() !== kind) this.fail(this.token, `${detail}, found ${tokenText(this.token)}`);
    return this.advance();
  }
}

function bareIdentifierDetail(name: string): string {
  const lower = name.toLowerCase();
  if (lower === 'true' || lower === 'false' || lower === 'null') {
    return `'${name}' is not a value in a template expression; use the function ${lower}()`;
  }
  return `the unquoted identifier ${name} is not a value: write a string literal ('${name}') or call a function (${name}(...))`;
}

/**
 * Parses a whole JSON string value (brackets included). Never throws: syntax errors come back
 * as a `problem` whose range is the offending token, mapped through `mapOffset`.
 */
export function parseArmExpression(value: string, mapOffset: (index: number) => number): ParsedArmString {
  if (!isArmExpression(value)) return { expr: undefined, problem: undefined };
  try {
    return { expr: new Parser(value, mapOffset).parse(), problem: undefined };
  } catch (error) {
    if (!(error instanceof SyntaxFailure)) throw error;
    return {
      expr: undefined,
      problem: {
        kind: 'syntax',
        messageId: 'syntax',
        range: { start: mapOffset(error.start), end: mapOffset(error.end) },
        data: { detail: error.detail },
      },
    };
  }
}
