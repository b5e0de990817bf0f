// A small Bicep tokenizer, enough to find statement boundaries and the newer syntax that the
// tree-sitter grammar does not know (see shim.ts). Comments are skipped; strings are one token.
// https://learn.microsoft.com/azure/azure-resource-manager/bicep/file

export type TokenKind = 'identifier' | 'number' | 'string' | 'punctuation' | 'newline';

export interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  /** The token's text (for strings: as written, quotes included). */
  readonly text: string;
  /** Multi-line strings: how many `$` come before `'''` (0 when none, or for other tokens). */
  readonly dollars: number;
}

const TWO_CHAR_PUNCTUATION = new Set(['.?', '::', '=>', '==', '!=', '=~', '!~', '<=', '>=', '&&', '||', '??']);

/** The length of the punctuation token at `i`: `...`, a two-character operator, or one character. */
function punctuationLength(text: string, i: number): number {
  if (text.startsWith('...', i)) return 3;
  return TWO_CHAR_PUNCTUATION.has(text.slice(i, i + 2)) ? 2 : 1;
}

const isIdentifierStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isIdentifierPart = (c: number): boolean => isIdentifierStart(c) || isDigit(c);

/**
 * Tokens of `text`, in order; never throws (an unterminated string or comment runs to the end).
 * Comments are not tokens; their ranges go to `comments` when it is given.
 */
export function tokenize(text: string, comments?: { start: number; end: number }[]): Token[] {
  const tokens: Token[] = [];
  const push = (kind: TokenKind, start: number, end: number, dollars = 0): void => {
    tokens.push({ kind, start, end, text: text.slice(start, end), dollars });
  };
  let lineStart = true;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      const end = c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      push('newline', i, end);
      i = end;
      lineStart = true;
      continue;
    }
    if (c === 32 || c === 9 || c === 0xfeff) {
      i++;
      continue;
    }
    const atLineStart = lineStart;
    lineStart = false;
    if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const end = lineEnd(text, i);
      comments?.push({ start: i, end });
      i = end;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? text.length : close + 2;
      comments?.push({ start: i, end });
      i = end;
    } else if (c === 35 && atLineStart) {
      // `#disable-next-line …`: a compiler directive, not a token.
      i = lineEnd(text, i);
    } else if (c === 39 || c === 36) {
      const end = stringEnd(text, i);
      if (end === undefined) {
        push('punctuation', i, i + 1);
        i++;
      } else {
        push('string', i, end.end, end.dollars);
        i = end.end;
      }
    } else if (isIdentifierStart(c)) {
      let end = i + 1;
      while (end < text.length && isIdentifierPart(text.charCodeAt(end))) end++;
      push('identifier', i, end);
      i = end;
    } else if (isDigit(c)) {
      let end = i + 1;
      while (end < text.length && isDigit(text.charCodeAt(end))) end++;
      push('number', i, end);
      i = end;
    } else {
      const end = i + punctuationLength(text, i);
      push('punctuation', i, end);
      i = end;
    }
  }
  return tokens;
}

function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  return i;
}

/** The end of the string starting at `start` (`'…'`, `'''…'''`, `$'''…'''`); undefined when `$` starts none. */
function stringEnd(text: string, start: number): { end: number; dollars: number } | undefined {
  let quote = start;
  while (text.charCodeAt(quote) === 36) quote++;
  const dollars = quote - start;
  if (text.charCodeAt(quote) !== 39) return undefined;
  if (text.startsWith("'''", quote)) {
    const close = text.indexOf("'''", quote + 3);
    if (close < 0) return { end: text.length, dollars };
    // `''''` closes with the last three quotes: the first is content.
    let end = close + 3;
    while (text.charCodeAt(end) === 39) end++;
    return { end, dollars };
  }
  if (dollars > 0) return undefined;
  return { end: singleLineStringEnd(text, quote), dollars: 0 };
}

/** A `'…'` string with `\` escapes and `${…}` interpolations (which may hold strings and braces). */
function singleLineStringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 39) return i + 1;
    if (c === 10 || c === 13) return i;
    if (c === 92) {
      i += 2;
    } else if (c === 36 && text.charCodeAt(i + 1) === 123) {
      i = interpolationEnd(text, i + 2);
    } else {
      i++;
    }
  }
  return text.length;
}

function interpolationEnd(text: string, from: number): number {
  let depth = 0;
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 39) {
      i = stringEnd(text, i)?.end ?? i + 1;
      continue;
    }
    if (c === 10 || c === 13) return i;
    if (c === 123) depth++;
    if (c === 125) {
      if (depth === 0) return i + 1;
      depth--;
    }
    i++;
  }
  return text.length;
}

/** Whether `text` holds a comment (outside strings). */
export function containsComment(text: string): boolean {
  const comments: { start: number; end: number }[] = [];
  tokenize(text, comments);
  return comments.length > 0;
}
