// Tokens of the ARM template expression language (the text between the outer `[` and `]`).
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions

export type TokenKind =
  | 'identifier'
  | 'string'
  | 'number'
  | 'lparen'
  | 'rparen'
  | 'lbracket'
  | 'rbracket'
  | 'comma'
  | 'dot'
  | 'end'
  | 'invalid';

export interface Token {
  readonly kind: TokenKind;
  /** Index into the whole JSON string value (brackets included). */
  readonly start: number;
  readonly end: number;
  /** Decoded string literal, identifier text or numeric value. */
  readonly text: string;
  /** For `invalid` tokens: why the text is not a token. */
  readonly problem?: string;
}

const punctuation: Readonly<Record<string, TokenKind>> = {
  '(': 'lparen',
  ')': 'rparen',
  '[': 'lbracket',
  ']': 'rbracket',
  ',': 'comma',
  '.': 'dot',
};

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isIdentifierStart = (c: string): boolean =>
  (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === '$';
const isIdentifierPart = (c: string): boolean => isIdentifierStart(c) || isDigit(c);
const isWhitespace = (c: string): boolean => c === ' ' || c === '\n' || c === '\r' || c === '\t' || (c > '~' && /\s/u.test(c));

export function isIdentifier(text: string): boolean {
  if (text.length === 0 || !isIdentifierStart(text.charAt(0))) return false;
  for (let i = 1; i < text.length; i++) {
    if (!isIdentifierPart(text.charAt(i))) return false;
  }
  return true;
}

/** Splits `value[start, end)` into tokens; always ends with an `end` token. */
export class Lexer {
  private position: number;

  constructor(
    private readonly value: string,
    start: number,
    private readonly end: number,
  ) {
    this.position = start;
  }

  next(): Token {
    const { value, end } = this;
    while (this.position < end && isWhitespace(value.charAt(this.position))) this.position++;
    const start = this.position;
    if (start >= end) return { kind: 'end', start: end, end, text: '' };
    const c = value.charAt(start);
    const kind = punctuation[c];
    if (kind !== undefined) {
      this.position++;
      return { kind, start, end: start + 1, text: c };
    }
    if (c === "'") return this.stringLiteral(start);
    if (isDigit(c) || (c === '-' && isDigit(value.charAt(start + 1)) && start + 1 < end)) return this.number(start);
    if (isIdentifierStart(c)) {
      let i = start + 1;
      while (i < end && isIdentifierPart(value.charAt(i))) i++;
      this.position = i;
      return { kind: 'identifier', start, end: i, text: value.slice(start, i) };
    }
    const codePoint = value.codePointAt(start) ?? 0;
    const width = codePoint > 0xffff ? 2 : 1;
    this.position = Math.min(end, start + width);
    const text = value.slice(start, this.position);
    return { kind: 'invalid', start, end: this.position, text, problem: `unexpected character ${JSON.stringify(text)}` };
  }

  private stringLiteral(start: number): Token {
    const { value, end } = this;
    // Nearly every literal has no doubled quote: one slice, without collecting parts.
    const close = value.indexOf("'", start + 1);
    if (close >= 0 && close < end && !(value.charAt(close + 1) === "'" && close + 1 < end)) {
      this.position = close + 1;
      return { kind: 'string', start, end: close + 1, text: value.slice(start + 1, close) };
    }
    const parts: string[] = [];
    let i = start + 1;
    for (;;) {
      const quote = value.indexOf("'", i);
      if (quote < 0 || quote >= end) break;
      parts.push(value.slice(i, quote));
      if (value.charAt(quote + 1) === "'" && quote + 1 < end) {
        parts.push("'");
        i = quote + 2;
        continue;
      }
      this.position = quote + 1;
      return { kind: 'string', start, end: quote + 1, text: parts.join('') };
    }
    this.position = end;
    return { kind: 'invalid', start, end, text: value.slice(start, end), problem: "string literal is missing its closing quote '" };
  }

  private number(start: number): Token {
    const { value, end } = this;
    let i = start + 1;
    while (i < end && isDigit(value.charAt(i))) i++;
    if (value.charAt(i) === '.' && i + 1 < end && isDigit(value.charAt(i + 1))) {
      let j = i + 1;
      while (j < end && isDigit(value.charAt(j))) j++;
      this.position = j;
      const text = value.slice(start, j);
      return {
        kind: 'invalid',
        start,
        end: j,
        text,
        problem: `decimal number ${text} is not supported in template expressions; use json('${text}')`,
      };
    }
    this.position = i;
    return { kind: 'number', start, end: i, text: value.slice(start, i) };
  }
}
