// A hand-written parser for the JSON nearly every file holds, building the value-node tree
// directly. Parsing was the largest cost of linting: over the corpus this takes 0.3 s where
// jsonc-parser's parseTree takes 1.35 s and its `visit` with our node building 1.2 s (its scanner
// builds a string of every run of whitespace, among other things). It accepts only what
// jsonc-parser accepts without a single error, with the same values and offsets; at anything else
// (a syntax error, a raw control character or Unicode whitespace, deeper nesting than MAX_NESTING,
// a file with no value) it gives up, and the caller parses with jsonc-parser, which reports the
// error exactly. test/arm/fast-parse.test.ts checks it against jsonc-parser.
import type { SourceFile } from '../source.js';
import type { ArrayNode, LiteralNode, ObjectNode, PropertyNode, ValueNode } from '../value.js';
import type { BracketString, JsonTree } from './build.js';
import { JsonLocator } from './locator.js';
import { ParsedArray, ParsedLiteral, ParsedObject, ParsedProperty, type NodeOrigin } from './parsed-nodes.js';
import type { CommentSpan } from './comments.js';
import { MAX_NESTING } from './preprocess.js';

/** The tree of a file that parses cleanly as it is; undefined when jsonc-parser must decide. */
export function parseCleanJson(file: SourceFile): JsonTree | undefined {
  const parser = new FastParser(file);
  try {
    return parser.document();
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

/** Thrown to leave the parse (one instance: no stack is captured per file given up). */
class GiveUp extends Error {
  override readonly name = 'GiveUp';
}
const GIVE_UP = new GiveUp('the fast parser gives up: jsonc-parser decides');

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SLASH = 0x2f;
const STAR = 0x2a;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

function isDigit(code: number): boolean {
  return code >= ZERO && code <= NINE;
}

const escapes: Readonly<Record<number, string>> = {
  [QUOTE]: '"',
  [BACKSLASH]: '\\',
  [SLASH]: '/',
  0x62: '\b',
  0x66: '\f',
  0x6e: '\n',
  0x72: '\r',
  0x74: '\t',
};

/** A bracket string whose container's array is made when the container ends. */
interface PendingBracket {
  readonly node: LiteralNode & { readonly value: string };
  items: ValueNode[] | undefined;
  properties: PropertyNode[] | undefined;
  readonly index: number;
}

class FastParser {
  private readonly text: string;
  private pos = 0;
  private depth = 0;
  private readonly comments: CommentSpan[] = [];
  private readonly bracketStrings: BracketString[] = [];
  private readonly copyHolders: ObjectNode[] = [];
  private readonly pendingBrackets: PendingBracket[] = [];
  private readonly propertyStack: PropertyNode[] = [];
  private readonly itemStack: ValueNode[] = [];
  private readonly locator = new JsonLocator();
  private readonly origin: NodeOrigin;

  constructor(file: SourceFile) {
    this.text = file.text;
    this.origin = { file, locator: this.locator };
  }

  document(): JsonTree {
    this.skipTrivia();
    if (this.pos >= this.text.length) throw GIVE_UP;
    const root = this.value();
    this.locator.setRoot(root);
    if (isBracketString(root)) this.bracketStrings.push({ node: root, items: undefined, properties: undefined, index: 0 });
    this.skipTrivia();
    if (this.pos < this.text.length) throw GIVE_UP;
    return { root, errors: [], comments: this.comments, bracketStrings: this.bracketStrings, copyHolders: this.copyHolders };
  }

  /** Skips spaces, tabs, line breaks and comments: what jsonc-parser skips without an error. */
  private skipTrivia(): void {
    const { text } = this;
    const length = text.length;
    let pos = this.pos;
    while (pos < length) {
      const code = text.charCodeAt(pos);
      if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) {
        pos++;
      } else if (code === SLASH) {
        pos = this.comment(pos);
      } else {
        break;
      }
    }
    this.pos = pos;
  }

  /** The comment at `start`, recorded; returns the offset after it. */
  private comment(start: number): number {
    const { text } = this;
    const next = text.charCodeAt(start + 1);
    let end: number;
    if (next === SLASH) {
      end = start + 2;
      while (end < text.length) {
        const code = text.charCodeAt(end);
        if (code === 0x0a || code === 0x0d) break;
        end++;
      }
    } else if (next === STAR) {
      const close = text.indexOf('*/', start + 2);
      if (close < 0) throw GIVE_UP;
      end = close + 2;
    } else {
      throw GIVE_UP;
    }
    this.comments.push({ start, end, block: next === STAR });
    return end;
  }

  private value(): ValueNode {
    const code = this.text.charCodeAt(this.pos);
    if (code === OPEN_BRACE) return this.object();
    if (code === OPEN_BRACKET) return this.array();
    const start = this.pos;
    const value = code === QUOTE ? this.string() : code === MINUS || isDigit(code) ? this.number() : this.keyword();
    return new ParsedLiteral(this.origin, start, this.pos, value);
  }

  private object(): ObjectNode {
    const start = this.pos;
    this.enter();
    // Members go on a stack shared by every object; each object takes an array of its exact size
    // (a growing array keeps room for 17 or more, most of it never used).
    const stack = this.propertyStack;
    const base = stack.length;
    const bracketBase = this.pendingBrackets.length;
    let hasCopyKey = false;
    this.pos++;
    this.skipTrivia();
    while (this.text.charCodeAt(this.pos) !== CLOSE_BRACE) {
      if (this.text.charCodeAt(this.pos) !== QUOTE) throw GIVE_UP;
      const keyStart = this.pos;
      const key = this.string();
      const keyEnd = this.pos;
      if (key.length === 4 && key.toLowerCase() === 'copy') hasCopyKey = true;
      this.skipTrivia();
      if (this.text.charCodeAt(this.pos) !== COLON) throw GIVE_UP;
      this.pos++;
      this.skipTrivia();
      const value = this.value();
      if (isBracketString(value)) this.bracketMember(value, stack.length - base);
      stack.push(new ParsedProperty(key, keyStart, keyEnd, value));
      if (!this.separator(CLOSE_BRACE)) break;
    }
    this.pos++;
    this.depth--;
    const properties = stack.slice(base);
    stack.length = base;
    this.settleBrackets(bracketBase, properties, undefined);
    const object = new ParsedObject(this.origin, start, this.pos, properties);
    if (hasCopyKey) this.copyHolders.push(object);
    return object;
  }

  private array(): ArrayNode {
    const start = this.pos;
    this.enter();
    const stack = this.itemStack;
    const base = stack.length;
    const bracketBase = this.pendingBrackets.length;
    this.pos++;
    this.skipTrivia();
    while (this.text.charCodeAt(this.pos) !== CLOSE_BRACKET) {
      const item = this.value();
      if (isBracketString(item)) this.bracketMember(item, stack.length - base);
      stack.push(item);
      if (!this.separator(CLOSE_BRACKET)) break;
    }
    this.pos++;
    this.depth--;
    const items = stack.slice(base);
    stack.length = base;
    this.settleBrackets(bracketBase, undefined, items);
    return new ParsedArray(this.origin, start, this.pos, items);
  }

  /**
   * Records a `[`-string member in document order (readAsTemplate reads them in that order); its
   * container's array is filled in when the container ends (settleBrackets), as the array is made then.
   */
  private bracketMember(node: LiteralNode & { readonly value: string }, index: number): void {
    const bracket: PendingBracket = { node, items: undefined, properties: undefined, index };
    this.bracketStrings.push(bracket);
    this.pendingBrackets.push(bracket);
  }

  /** Gives the members recorded since `base` (the ending container's own: inner ones took theirs) its array. */
  private settleBrackets(base: number, properties: PropertyNode[] | undefined, items: ValueNode[] | undefined): void {
    const pending = this.pendingBrackets;
    for (let i = base; i < pending.length; i++) {
      const bracket = pending[i];
      if (bracket === undefined) continue;
      bracket.properties = properties;
      bracket.items = items;
    }
    pending.length = base;
  }

  private enter(): void {
    if (++this.depth > MAX_NESTING) throw GIVE_UP;
  }

  /**
   * After a member: a comma (another member follows, or a trailing comma before the close) or the
   * close. True when another member follows; false with `pos` at the close.
   */
  private separator(close: number): boolean {
    this.skipTrivia();
    const code = this.text.charCodeAt(this.pos);
    if (code === close) return false;
    if (code !== COMMA) throw GIVE_UP;
    this.pos++;
    this.skipTrivia();
    return this.text.charCodeAt(this.pos) !== close;
  }

  /** A string token at `pos` (its opening quote): the decoded value. */
  private string(): string {
    const { text } = this;
    const start = this.pos + 1;
    for (let pos = start; ; pos++) {
      const code = text.charCodeAt(pos);
      if (code === QUOTE) {
        this.pos = pos + 1;
        return text.slice(start, pos);
      }
      if (code === BACKSLASH) return this.escapedString(start, pos);
      // A raw control character (ARM accepts some) or the end of the text (NaN).
      if (!(code >= 0x20)) throw GIVE_UP;
    }
  }

  private escapedString(start: number, firstEscape: number): string {
    const { text } = this;
    let value = text.slice(start, firstEscape);
    let pos = firstEscape;
    let runStart = pos;
    for (;;) {
      const code = text.charCodeAt(pos);
      if (code === QUOTE) {
        this.pos = pos + 1;
        return value + text.slice(runStart, pos);
      }
      if (code === BACKSLASH) {
        value += text.slice(runStart, pos);
        const escape = text.charCodeAt(pos + 1);
        if (escape === 0x75) {
          const hex = text.slice(pos + 2, pos + 6);
          if (!/^[0-9A-Fa-f]{4}$/.test(hex)) throw GIVE_UP;
          value += String.fromCharCode(Number.parseInt(hex, 16));
          pos += 6;
        } else {
          const simple = escapes[escape];
          if (simple === undefined) throw GIVE_UP;
          value += simple;
          pos += 2;
        }
        runStart = pos;
        continue;
      }
      if (!(code >= 0x20)) throw GIVE_UP;
      pos++;
    }
  }

  /** A number as jsonc-parser scans one; anything it would flag gives up. */
  private number(): number {
    const { text } = this;
    const start = this.pos;
    let pos = start;
    if (text.charCodeAt(pos) === MINUS) pos++;
    const first = text.charCodeAt(pos);
    if (!isDigit(first)) throw GIVE_UP;
    pos++;
    if (first !== ZERO) while (isDigit(text.charCodeAt(pos))) pos++;
    if (text.charCodeAt(pos) === DOT) {
      pos++;
      if (!isDigit(text.charCodeAt(pos))) throw GIVE_UP;
      while (isDigit(text.charCodeAt(pos))) pos++;
    }
    const exponent = text.charCodeAt(pos);
    if (exponent === 0x45 || exponent === 0x65) {
      pos++;
      const sign = text.charCodeAt(pos);
      if (sign === PLUS || sign === MINUS) pos++;
      if (!isDigit(text.charCodeAt(pos))) throw GIVE_UP;
      while (isDigit(text.charCodeAt(pos))) pos++;
    }
    this.pos = pos;
    return Number(text.slice(start, pos));
  }

  /** `true`, `false` or `null`; what follows is checked by the caller (a comma, a close, or the end). */
  private keyword(): boolean | null {
    const { text, pos } = this;
    if (text.startsWith('true', pos)) {
      this.pos = pos + 4;
      return true;
    }
    if (text.startsWith('false', pos)) {
      this.pos = pos + 5;
      return false;
    }
    if (text.startsWith('null', pos)) {
      this.pos = pos + 4;
      return null;
    }
    throw GIVE_UP;
  }
}

function isBracketString(node: ValueNode): node is LiteralNode & { readonly value: string } {
  return node.kind === 'literal' && typeof node.value === 'string' && node.value.charCodeAt(0) === OPEN_BRACKET;
}
