// Builds the value-node tree in one pass of jsonc-parser's `visit` (its SAX interface): no
// jsonc-parser tree is made and converted, and comments are collected in the same pass. This is the
// exact path, for the files the fast parser (fast-parse.ts) leaves to jsonc-parser.
import { visit, type JSONVisitor, type ParseError } from 'jsonc-parser';
import type { SourceFile, TextRange } from '../source.js';
import type { ArrayNode, LiteralNode, ObjectNode, PropertyNode, ValueNode } from '../value.js';
import { JsonLocator } from './locator.js';
import type { CommentSpan } from './comments.js';
import { decodeStringToken } from './strings.js';

/**
 * A string value that starts with `[`: an expression, or an escaped literal, in a template; plain
 * data in a parameter file. It is built as a literal, and replaced once the file is known to be a
 * template (most JSON files read are not, and their strings are never parsed as expressions).
 */
export interface BracketString {
  readonly node: LiteralNode & { readonly value: string };
  /** The container slot that holds it: an array's items, or an object's properties. */
  readonly items: ValueNode[] | undefined;
  readonly properties: PropertyNode[] | undefined;
  readonly index: number;
}

export interface JsonTree {
  /** Undefined when the text holds no value. */
  readonly root: ValueNode | undefined;
  readonly errors: readonly ParseError[];
  readonly comments: readonly CommentSpan[];
  /** In document order. */
  readonly bracketStrings: readonly BracketString[];
  /** Objects with a key spelled `copy` (any case), innermost first: they may declare copy loops. */
  readonly copyHolders: readonly ObjectNode[];
}

interface Frame {
  readonly start: number;
  /** Undefined for an array. */
  readonly properties: PropertyNode[] | undefined;
  readonly items: ValueNode[];
  key: string;
  keyStart: number;
  keyEnd: number;
  hasCopyKey: boolean;
}

/**
 * The tree of prepared text (see preprocess.ts: its nesting is already checked), with every syntax
 * error. Values of blanked strings are decoded from the file's own text.
 */
export function buildJsonTree(file: SourceFile, text: string, blankedStrings: ReadonlyMap<number, number>): JsonTree {
  const errors: ParseError[] = [];
  const comments: CommentSpan[] = [];
  const bracketStrings: BracketString[] = [];
  const copyHolders: ObjectNode[] = [];
  const stack: Frame[] = [];
  let top: Frame | undefined;
  let root: ValueNode | undefined;
  const locator = new JsonLocator();

  /** Adds a finished value to the open container (or makes it the root); returns its slot. */
  const attach = (node: ValueNode): number => {
    if (top === undefined) {
      root = node;
      return 0;
    }
    const { properties } = top;
    if (properties === undefined) return top.items.push(node) - 1;
    const keyRange: TextRange = { start: top.keyStart, end: top.keyEnd };
    return properties.push({ key: top.key, keyRange, value: node, range: { start: top.keyStart, end: node.range.end } }) - 1;
  };

  const open = (offset: number, object: boolean): void => {
    const frame: Frame = {
      start: offset,
      properties: object ? [] : undefined,
      items: object ? noItems : [],
      key: '',
      keyStart: 0,
      keyEnd: 0,
      hasCopyKey: false,
    };
    if (top !== undefined) stack.push(top);
    top = frame;
  };

  const close = (offset: number, length: number): void => {
    const frame = top;
    if (frame === undefined) return;
    top = stack.pop();
    const range = { start: frame.start, end: offset + length };
    if (frame.properties === undefined) {
      const array: ArrayNode = { kind: 'array', file, range, locator, items: frame.items };
      attach(array);
      return;
    }
    const object: ObjectNode = { kind: 'object', file, range, locator, properties: frame.properties };
    if (frame.hasCopyKey) copyHolders.push(object);
    attach(object);
  };

  const visitor: JSONVisitor = {
    onObjectBegin: (offset) => {
      open(offset, true);
    },
    onArrayBegin: (offset) => {
      open(offset, false);
    },
    onObjectEnd: close,
    onArrayEnd: close,
    onObjectProperty: (property, offset, length) => {
      if (top === undefined) return;
      const key = blankedStrings.has(offset) ? decodeStringToken(file.text, offset, offset + length).value : property;
      top.key = key;
      top.keyStart = offset;
      top.keyEnd = offset + length;
      if (key.length === 4 && key.toLowerCase() === 'copy') top.hasCopyKey = true;
    },
    onLiteralValue: (value: unknown, offset, length) => {
      const range = { start: offset, end: offset + length };
      if (typeof value !== 'string') {
        attach({ kind: 'literal', file, range, locator, value: value as LiteralNode['value'] });
        return;
      }
      const decoded = blankedStrings.has(offset) ? decodeStringToken(file.text, offset, offset + length).value : value;
      const node = { kind: 'literal', file, range, locator, value: decoded } as const;
      const holder = top;
      const index = attach(node);
      if (decoded.charCodeAt(0) !== 0x5b) return;
      bracketStrings.push({
        node,
        items: holder?.properties === undefined ? holder?.items : undefined,
        properties: holder?.properties,
        index,
      });
    },
    onComment: (offset, length) => {
      comments.push({ start: offset, end: offset + length, block: text.charCodeAt(offset + 1) === 0x2a });
    },
    onError: (error, offset, length) => {
      errors.push({ error, offset, length });
    },
  };

  visit(text, visitor, { allowTrailingComma: true, disallowComments: false });
  locator.setRoot(root);
  return { root, errors, comments, bracketStrings, copyHolders };
}

/** Shared by every object frame, which holds properties instead (never written to). */
const noItems: ValueNode[] = [];
