import { ParseErrorCode, parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { MAX_NESTING, prepareText, type PreparedText } from './preprocess.js';

export interface ParsedJson {
  readonly kind: 'json';
  /** Undefined when the text holds no value at all (empty, or only whitespace and comments). */
  readonly root: JsonNode | undefined;
  readonly prepared: PreparedText;
}

export interface JsonFailure {
  readonly kind: 'error';
  readonly offset: number;
  readonly message: string;
}

/** Parses JSON as ARM reads it: comments, trailing commas, raw line breaks in strings. Never throws. */
export function parseJson(text: string): ParsedJson | JsonFailure {
  const prepared = prepareText(text);
  if (prepared.tooDeepAt !== undefined) {
    return { kind: 'error', offset: prepared.tooDeepAt, message: `Nesting deeper than ${String(MAX_NESTING)} levels` };
  }
  const errors: ParseError[] = [];
  let root: JsonNode | undefined;
  try {
    root = parseTree(prepared.text, errors, { allowTrailingComma: true, disallowComments: false });
  } catch (error) {
    return { kind: 'error', offset: 0, message: `The JSON parser failed: ${String(error)}` };
  }
  const first = errors[0];
  if (root === undefined && (first === undefined || isOnlyMissingValue(errors, prepared.text))) {
    return { kind: 'json', root: undefined, prepared };
  }
  if (first !== undefined) return { kind: 'error', offset: first.offset, message: describeError(first, prepared) };
  return { kind: 'json', root, prepared };
}

function isOnlyMissingValue(errors: readonly ParseError[], text: string): boolean {
  return errors.length === 1 && errors[0]?.error === ParseErrorCode.ValueExpected && errors[0].offset === text.length;
}

const expectations: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.PropertyNameExpected]: 'expected a property name',
  [ParseErrorCode.ValueExpected]: 'expected a value',
  [ParseErrorCode.ColonExpected]: "expected ':'",
  [ParseErrorCode.CommaExpected]: "expected ','",
  [ParseErrorCode.CloseBraceExpected]: "expected '}'",
  [ParseErrorCode.CloseBracketExpected]: "expected ']'",
  [ParseErrorCode.EndOfFileExpected]: 'expected the end of the file',
};

const problems: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'Unexpected symbol',
  [ParseErrorCode.InvalidNumberFormat]: 'Invalid number',
  [ParseErrorCode.InvalidCommentToken]: 'Invalid comment',
  [ParseErrorCode.UnexpectedEndOfComment]: 'Unterminated block comment',
  [ParseErrorCode.UnexpectedEndOfString]: 'Unterminated string',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'Incomplete number',
  [ParseErrorCode.InvalidUnicode]: 'Invalid \\u escape in a string',
  [ParseErrorCode.InvalidEscapeCharacter]: 'Invalid escape sequence in a string',
  [ParseErrorCode.InvalidCharacter]: 'Invalid character in a string',
};

function describeError(error: ParseError, prepared: PreparedText): string {
  const { text } = prepared;
  const problem = problems[error.error];
  if (problem !== undefined) return `${problem}${found(text, error, 'at')}`;
  if (text.slice(error.offset).trim() === '') {
    const closer = prepared.unclosed.at(-1);
    return `Unexpected end of file: ${closer === undefined ? 'expected a value' : `expected '${closer}'`}`;
  }
  const expected = expectations[error.error] ?? 'unexpected input';
  return `${expected.charAt(0).toUpperCase()}${expected.slice(1)}${found(text, error, 'but found')}`;
}

function found(text: string, error: ParseError, lead: string): string {
  const token = text.slice(error.offset, error.offset + Math.max(error.length, 1)).split(/\r?\n|\r/)[0] ?? '';
  if (token.trim() === '') return '';
  const shown = token.length > 20 ? `${token.slice(0, 20)}…` : token;
  return ` ${lead} '${shown}'`;
}
