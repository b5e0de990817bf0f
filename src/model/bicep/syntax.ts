// The tree-sitter tree copied into plain objects in one cursor walk: every later step reads these
// (each access to a tree-sitter node crosses into WebAssembly), and the tree itself can be freed.
import type { Language, Tree } from 'web-tree-sitter';
import type { TextRange } from '../source.js';

export interface SyntaxNode {
  /** The grammar's node type; anonymous tokens have their text as type (`'='`, `'existing'`). */
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly named: boolean;
  /** Inserted by error recovery: nothing was written there. */
  readonly missing: boolean;
  /** Children without comments and without the punctuation that nothing reads. */
  readonly children: readonly SyntaxNode[];
}

export interface SyntaxTree {
  readonly root: SyntaxNode;
  /** `comment` nodes, in document order. */
  readonly comments: readonly SyntaxNode[];
  readonly hasError: boolean;
}

const COMMENT = 'comment';

/**
 * Anonymous tokens that the model reads (operators, `existing`, the `?` of safe access); other
 * punctuation (brackets, commas, quotes) is not copied. Every cursor call crosses into
 * WebAssembly, so skipping what nothing reads is most of the cost of the copy.
 */
const KEPT_TOKENS = new Set([
  '!', '-', '+', '*', '/', '%', '==', '!=', '=~', '!~', '<', '<=', '>', '>=', '&&', '||', '??', '|',
  '?', '.?', 'existing',
]);

/** Named nodes that nothing reads: strings are decoded from the file text. */
const SKIPPED_NAMED = new Set(['string_content', 'escape_sequence']);

interface TypeInfo {
  readonly type: string;
  readonly named: boolean;
  /** Copied (named nodes, kept tokens, and every node of a tree with errors). */
  readonly kept: boolean;
}

const typeTables = new WeakMap<Language, TypeInfo[]>();

function typeTable(language: Language): TypeInfo[] {
  let table = typeTables.get(language);
  if (table) return table;
  table = [];
  for (let id = 0; id < language.nodeTypeCount; id++) {
    const type = language.nodeTypeForId(id) ?? 'ERROR';
    const named = language.nodeTypeIsNamed(id);
    table.push({ type, named, kept: named ? !SKIPPED_NAMED.has(type) : KEPT_TOKENS.has(type) });
  }
  typeTables.set(language, table);
  return table;
}

const ERROR_TYPE: TypeInfo = { type: 'ERROR', named: true, kept: true };

/** The copy's own node type: children are filled in as the walk goes down. */
interface Building extends SyntaxNode {
  children: SyntaxNode[];
}

const NO_CHILDREN: SyntaxNode[] = [];

export function copyTree(tree: Tree): SyntaxTree {
  const hasError = tree.rootNode.hasError;
  const table = typeTable(tree.language);
  const cursor = tree.walk();
  const comments: SyntaxNode[] = [];
  const root: Building = { type: 'infrastructure', start: cursor.startIndex, end: cursor.endIndex, named: true, missing: false, children: [] };
  // An explicit stack: nesting depth is the input's to choose.
  const stack: Building[] = [root];
  try {
    if (cursor.gotoFirstChild()) {
      for (;;) {
        const info = table[cursor.nodeTypeId] ?? ERROR_TYPE;
        let descended = false;
        if (info.kept || hasError) {
          // Leaves share one empty child list; a node gets its own when the walk enters it.
          const node: Building = {
            type: info.type,
            start: cursor.startIndex,
            end: cursor.endIndex,
            named: info.named,
            missing: hasError && cursor.nodeIsMissing,
            children: NO_CHILDREN,
          };
          if (node.type === COMMENT) comments.push(node);
          else (stack[stack.length - 1] ?? root).children.push(node);
          descended = info.named && cursor.gotoFirstChild();
          if (descended) {
            node.children = [];
            stack.push(node);
          }
        }
        if (descended) continue;
        let moved = cursor.gotoNextSibling();
        while (!moved && stack.length > 1) {
          cursor.gotoParent();
          stack.pop();
          moved = cursor.gotoNextSibling();
        }
        if (!moved) break;
      }
    }
  } finally {
    cursor.delete();
  }
  return { root, comments, hasError };
}

export function rangeOf(node: SyntaxNode): TextRange {
  return { start: node.start, end: node.end };
}

/** Named children, in order. */
export function namedChildren(node: SyntaxNode): SyntaxNode[] {
  return node.children.filter((child) => child.named);
}

export function firstNamed(node: SyntaxNode, type?: string): SyntaxNode | undefined {
  return node.children.find((child) => child.named && (type === undefined || child.type === type));
}

export function hasToken(node: SyntaxNode, token: string): boolean {
  return node.children.some((child) => !child.named && child.type === token);
}

export function textOf(text: string, node: SyntaxNode): string {
  return text.slice(node.start, node.end);
}

/** The first ERROR or MISSING node in document order. */
export function firstError(root: SyntaxNode): SyntaxNode | undefined {
  const pending: SyntaxNode[] = [root];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node.type === 'ERROR' || node.missing) return node;
    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = node.children[i];
      if (child !== undefined) pending.push(child);
    }
  }
  return undefined;
}
