// tree-sitter-bicep 1.1.0 predates some Bicep syntax that the compiler accepts (typed variables,
// `extension`, spreads, resource-derived types, `$'''` strings, `[^1]`, `.bicepparam` assignments).
// Before parsing, such syntax is rewritten into text of the same length that the grammar reads,
// so every offset still points into the file as written; what was rewritten is noted, and the
// model builder reads those notes back (a rewritten spread is still a spread).
// https://learn.microsoft.com/azure/azure-resource-manager/bicep/file
import type { TextRange } from '../source.js';
import { tokenize, type Token } from './lexer.js';

export interface ShimNotes {
  /** Offsets of `...` (object spreads now read `_: x`, array spreads `   x`). */
  readonly spreads: ReadonlySet<number>;
  /** Offsets of the `^` of `[^n]` (index from the end), now a space. */
  readonly fromEnd: ReadonlySet<number>;
  /** `$'''…'''` strings by the offset of their `'''`: how many `$` (interpolation is `$${…}` with that many). */
  readonly dollarStrings: ReadonlyMap<number, number>;
  /** Resource-derived types (`resourceInput<'…'>.properties.x`), now the identifier `_`. */
  readonly derivedTypes: readonly TextRange[];
  /** `.bicepparam`: offsets of `param x = …` statements, now read as `var   x = …`. */
  readonly parameterAssignments: ReadonlySet<number>;
  /** Symbols brought in by `import { a, b as c } from '…'` / `import * as ns from '…'` (those statements are blanked). */
  readonly imported: ReadonlySet<string>;
}

export interface Shimmed {
  readonly text: string;
  readonly notes: ShimNotes;
}

interface Statement {
  readonly tokens: readonly Token[];
  /** Bracket depth of each token within the statement (closers count at the outer depth). */
  readonly depths: readonly number[];
}

class Rewriter {
  private readonly edits: { start: number; text: string }[] = [];

  replace(start: number, replacement: string): void {
    this.edits.push({ start, text: replacement });
  }

  /** Spaces over [start, end), keeping line breaks so that lines stay where they are; `lead` replaces the first characters. */
  blank(text: string, start: number, end: number, lead = ''): void {
    this.replace(start, lead + text.slice(start + lead.length, end).replace(/[^\r\n]/g, ' '));
  }

  apply(text: string): string {
    if (this.edits.length === 0) return text;
    const sorted = [...this.edits].sort((a, b) => a.start - b.start);
    let result = '';
    let cursor = 0;
    for (const edit of sorted) {
      if (edit.start < cursor) continue;
      result += text.slice(cursor, edit.start) + edit.text;
      cursor = edit.start + edit.text.length;
    }
    return result + text.slice(cursor);
  }
}

const OPENERS = new Set(['(', '[', '{']);
const CLOSERS = new Set([')', ']', '}']);

function statements(tokens: readonly Token[]): Statement[] {
  const found: Statement[] = [];
  let current: Token[] = [];
  let depths: number[] = [];
  let depth = 0;
  const stack: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'newline') {
      if (depth === 0 && current.length > 0) {
        found.push({ tokens: current, depths });
        current = [];
        depths = [];
      }
      continue;
    }
    if (token.kind === 'punctuation' && CLOSERS.has(token.text) && stack.length > 0) {
      stack.pop();
      depth = stack.length;
    }
    current.push(token);
    depths.push(depth);
    if (token.kind === 'punctuation' && OPENERS.has(token.text)) {
      stack.push(token.text);
      depth = stack.length;
    }
  }
  if (current.length > 0) found.push({ tokens: current, depths });
  return found;
}

const EMPTY_NOTES: ShimNotes = {
  spreads: new Set(),
  fromEnd: new Set(),
  dollarStrings: new Map(),
  derivedTypes: [],
  parameterAssignments: new Set(),
  imported: new Set(),
};

/**
 * Signs of the syntax the shim rewrites, checked with a few regular expressions before the file is
 * tokenized: most files have none. A false alarm only costs the tokenizing.
 */
const SIGNS = [
  /\.\.\.|\^|\$'''|resource(Input|Output)\b|'\/[/*]/,
  /^[ \t]*(extension|extensionConfig|extends|import|using)\b/m,
  /^[ \t]*var[ \t]+\w+[ \t]+[^=\s]/m,
  /^[ \t]*(param|output|type|func)\b[^=\r\n]*\?|\?[ \t]*(\/\/.*)?$/m,
  /[\w)\]'][ \t]*!(?![=~])/,
];

/** Rewrites the syntax that tree-sitter-bicep cannot read; `changed` is false when there was none. */
export function shimBicep(text: string, bicepparam: boolean): Shimmed & { readonly changed: boolean } {
  if (!bicepparam && !SIGNS.some((sign) => sign.test(text))) return { text, notes: EMPTY_NOTES, changed: false };
  const rewriter = new Rewriter();
  const notes: MutableNotes = {
    spreads: new Set(),
    fromEnd: new Set(),
    dollarStrings: new Map(),
    derivedTypes: [],
    parameterAssignments: new Set(),
    imported: new Set(),
  };
  const tokens = tokenize(text);
  rewriteTokens(text, tokens, rewriter, notes);
  for (const statement of statements(tokens)) rewriteStatement(text, statement, rewriter, notes, bicepparam);
  const shimmed = rewriter.apply(text);
  return { text: shimmed, notes, changed: shimmed !== text };
}

interface MutableNotes {
  readonly spreads: Set<number>;
  readonly fromEnd: Set<number>;
  readonly dollarStrings: Map<number, number>;
  readonly derivedTypes: TextRange[];
  readonly parameterAssignments: Set<number>;
  readonly imported: Set<string>;
}

/** Rewrites that do not depend on the statement: spreads, `[^n]`, `$'''` strings, derived types. */
function rewriteTokens(text: string, tokens: readonly Token[], rewriter: Rewriter, notes: MutableNotes): void {
  const stack: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined) continue;
    const previous = tokens[i - 1];
    if (token.kind === 'punctuation') {
      if (OPENERS.has(token.text)) stack.push(token.text);
      else if (CLOSERS.has(token.text)) stack.pop();
      else if (token.text === '...') rewriteSpread(token, stack.at(-1), rewriter, notes);
      else if (token.text === '^' && (previous?.text === '[' || previous?.text === '?')) {
        rewriter.replace(token.start, ' ');
        notes.fromEnd.add(token.start);
      } else if (token.text === '!' && isPostfix(previous)) {
        // `x!` asserts that x is not null: it changes nothing about the value.
        rewriter.replace(token.start, ' ');
      }
    } else if (token.kind === 'string' && token.dollars > 0) {
      rewriter.replace(token.start, ' '.repeat(token.dollars));
      notes.dollarStrings.set(token.start + token.dollars, token.dollars);
    } else if (token.kind === 'string' && !token.text.startsWith("'''") && /\/[/*]/.test(token.text)) {
      // The grammar lexes `'//…'` as a quote and a comment. The model reads strings from the file
      // as written, so the content only has to keep its length here.
      rewriter.replace(token.start, token.text.replace(/\/(?=[/*])/g, '_'));
    } else if (token.kind === 'identifier' && isDerivedTypeStart(tokens, i)) {
      i = rewriteDerivedType(text, tokens, i, rewriter, notes);
    }
  }
}

/** A `!` right after a value is the non-null assertion (a prefix `!` follows an operator or an opener). */
function isPostfix(previous: Token | undefined): boolean {
  if (previous === undefined) return false;
  return previous.kind === 'identifier' || previous.kind === 'string' || previous.text === ')' || previous.text === ']';
}

function rewriteSpread(token: Token, enclosing: string | undefined, rewriter: Rewriter, notes: MutableNotes): void {
  if (enclosing === '{') rewriter.replace(token.start, '_: ');
  else if (enclosing === '[') rewriter.replace(token.start, '   ');
  else return;
  notes.spreads.add(token.start);
}

const DERIVED_TYPES = new Set(['resourceInput', 'resourceOutput']);

function isDerivedTypeStart(tokens: readonly Token[], i: number): boolean {
  return DERIVED_TYPES.has(tokens[i]?.text ?? '') && tokens[i + 1]?.text === '<';
}

/** `[sys.]resourceInput<'type@version'>` and its `.x` / `[*]` path: the identifier `_`. Returns the last token index. */
function rewriteDerivedType(text: string, tokens: readonly Token[], at: number, rewriter: Rewriter, notes: MutableNotes): number {
  const namespaced = tokens[at - 1]?.text === '.' && tokens[at - 2]?.text === 'sys';
  const start = (namespaced ? tokens[at - 2] : tokens[at])?.start ?? 0;
  let i = at + 2;
  while (i < tokens.length && tokens[i]?.text !== '>') i++;
  for (;;) {
    const next = tokens[i + 1];
    if (next?.text === '.' && tokens[i + 2]?.kind === 'identifier') {
      i += 2;
    } else if (next?.text === '[') {
      let close = i + 2;
      while (close < tokens.length && tokens[close]?.text !== ']') close++;
      i = close;
    } else {
      break;
    }
  }
  const end = tokens[Math.min(i, tokens.length - 1)]?.end ?? text.length;
  rewriter.blank(text, start, end, '_');
  notes.derivedTypes.push({ start, end });
  return i;
}

/** Index of the first token after leading decorators (`@description('…')`). */
function afterDecorators(statement: Statement): number {
  const { tokens, depths } = statement;
  let i = 0;
  while (tokens[i]?.text === '@') {
    i++;
    while (tokens[i]?.kind === 'identifier' || tokens[i]?.text === '.') i++;
    if (tokens[i]?.text !== '(') return i;
    const depth = depths[i] ?? 0;
    i++;
    while (i < tokens.length && !(tokens[i]?.text === ')' && depths[i] === depth)) i++;
    i++;
  }
  return i;
}

function indexAtDepth(statement: Statement, from: number, text: string): number {
  const { tokens, depths } = statement;
  for (let i = from; i < tokens.length; i++) {
    if (tokens[i]?.text === text && depths[i] === 0) return i;
  }
  return tokens.length;
}

function rewriteStatement(text: string, statement: Statement, rewriter: Rewriter, notes: MutableNotes, bicepparam: boolean): void {
  const { tokens } = statement;
  const first = afterDecorators(statement);
  const keyword = tokens[first];
  if (keyword?.kind !== 'identifier') return;
  const last = tokens.at(-1);
  switch (keyword.text) {
    case 'param':
      if (bicepparam && tokens[first + 2]?.text === '=') {
        rewriter.replace(keyword.start, 'var  ');
        notes.parameterAssignments.add(keyword.start);
        return;
      }
      nullableMarks(text, statement, first + 2, indexAtDepth(statement, first + 2, '='), rewriter);
      return;
    case 'output':
      nullableMarks(text, statement, first + 2, indexAtDepth(statement, first + 2, '='), rewriter);
      return;
    case 'type':
      nullableMarks(text, statement, first + 3, tokens.length, rewriter);
      return;
    case 'func':
      nullableMarks(text, statement, first + 2, indexAtDepth(statement, first + 2, '=>'), rewriter);
      return;
    case 'var': {
      const typeStart = tokens[first + 2];
      const equals = indexAtDepth(statement, first + 2, '=');
      const equalsToken = tokens[equals];
      if (typeStart !== undefined && typeStart.text !== '=' && equalsToken !== undefined) {
        rewriter.blank(text, typeStart.start, equalsToken.start);
      }
      return;
    }
    case 'extension':
    case 'extensionConfig':
    case 'extends':
      if (last !== undefined) rewriter.blank(text, keyword.start, last.end);
      return;
    case 'using': {
      // `using none`, and the deployment settings of `using '…' with { … }`, say nothing about values.
      const withAt = tokens.findIndex((token, i) => i > first && token.text === 'with');
      const from = tokens[first + 1]?.text === 'none' ? keyword : tokens[withAt];
      if (from !== undefined && last !== undefined) rewriter.blank(text, from.start, last.end);
      return;
    }
    case 'import':
      importStatement(text, statement, first, rewriter, notes);
      return;
    default:
      return;
  }
}

/** In a type, `T?` (nullable) reads as the start of a ternary to the grammar; `T!` means the same to it. */
function nullableMarks(text: string, statement: Statement, from: number, to: number, rewriter: Rewriter): void {
  const { tokens } = statement;
  for (let i = from; i < to; i++) {
    const token = tokens[i];
    if (token?.text !== '?') continue;
    const next = text.charAt(token.end);
    if (next !== '=' && next !== ':') rewriter.replace(token.start, '!');
  }
}

/**
 * `import { a, b as c } from '…'` and `import * as ns from '…'`: the grammar wants commas between
 * names on separate lines and no quoted names, and the model does not follow imports, so the
 * statement is blanked and the names it brings in are noted.
 */
function importStatement(text: string, statement: Statement, first: number, rewriter: Rewriter, notes: MutableNotes): void {
  const { tokens } = statement;
  const opener = tokens[first + 1]?.text;
  const last = tokens.at(-1);
  if ((opener !== '{' && opener !== '*') || last === undefined) return;
  for (let i = first + 2; i < tokens.length && tokens[i]?.text !== 'from'; i++) {
    const token = tokens[i];
    const next = tokens[i + 1];
    if (token?.kind === 'identifier' && token.text !== 'as' && next?.text !== 'as') notes.imported.add(token.text);
  }
  rewriter.blank(text, tokens[first]?.start ?? 0, last.end);
}
