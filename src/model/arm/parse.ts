import { ParseErrorCode, visit, type ParseError } from 'jsonc-parser';
import type { SourceFile } from '../source.js';
import { buildJsonTree, type JsonTree } from './build.js';
import { parseCleanJson } from './fast-parse.js';
import { textOnly } from './json-view.js';
import { MAX_NESTING, prepareText, type PreparedText } from './preprocess.js';

export interface ParsedJson {
  readonly kind: 'json';
  /** `tree.root` is undefined when the text holds no value at all (empty, or only whitespace and comments). */
  readonly tree: JsonTree;
  /** The text jsonc-parser read: the file's text, or a copy with characters blanked (same offsets). */
  readonly prepared: string;
  /** Strings that held raw control characters: start (the opening quote) → end (after the closing quote). */
  readonly blankedStrings: ReadonlyMap<number, number>;
}

export interface JsonFailure {
  readonly kind: 'error';
  readonly offset: number;
  readonly message: string;
}

const noBlankedStrings: ReadonlyMap<number, number> = new Map();

/**
 * Parses JSON as ARM reads it: comments, trailing commas, raw line breaks in strings. Never throws.
 * Nearly every file parses as it is, in one pass; only a file that does not (a multi-line string,
 * Unicode whitespace, a real error, or too deep) is prepared (see preprocess.ts) and parsed again.
 */
export function parseJson(file: SourceFile): ParsedJson | JsonFailure {
  const fast = parseCleanJson(file);
  if (fast !== undefined) return { kind: 'json', tree: fast, prepared: file.text, blankedStrings: noBlankedStrings };
  const prepared = prepareText(file.text);
  if (prepared.tooDeepAt !== undefined) {
    return { kind: 'error', offset: prepared.tooDeepAt, message: `Nesting deeper than ${String(MAX_NESTING)} levels` };
  }
  let tree: JsonTree;
  try {
    tree = buildJsonTree(file, prepared.text, prepared.blankedStrings);
  } catch (error) {
    return { kind: 'error', offset: 0, message: `The JSON parser failed: ${String(error)}` };
  }
  const { errors } = tree;
  const first = errors[0];
  const parsed: ParsedJson = { kind: 'json', tree, prepared: prepared.text, blankedStrings: prepared.blankedStrings };
  if (first === undefined) return parsed;
  if (tree.root === undefined && isOnlyMissingValue(errors, prepared.text)) return parsed;
  return { kind: 'error', offset: first.offset, message: describeError(first, prepared) };
}

/** True when the text is one JSON value as ARM reads it (how the renderer checks an edited text). */
export function isValidJson(text: string): boolean {
  if (parseCleanJson(textOnly(text)) !== undefined) return true;
  const prepared = prepareText(text);
  return prepared.tooDeepAt === undefined && parsesWithoutErrors(prepared.text);
}

/** For prepared text (its nesting checked: jsonc-parser's parser is recursive). */
function parsesWithoutErrors(text: string): boolean {
  let valid = true;
  visit(
    text,
    {
      onError: () => {
        valid = false;
      },
    },
    { allowTrailingComma: true, disallowComments: false },
  );
  return valid;
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
