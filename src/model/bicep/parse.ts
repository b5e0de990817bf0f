import { parseWithBudget } from './loader.js';
import { shimBicep, type ShimNotes } from './shim.js';
import { copyTree, firstError, type SyntaxNode, type SyntaxTree } from './syntax.js';

export interface ParsedBicep {
  readonly kind: 'parsed';
  readonly tree: SyntaxTree;
  readonly notes: ShimNotes;
}

export interface BicepSyntaxError {
  readonly kind: 'syntax-error';
  readonly offset: number;
  readonly message: string;
}

export interface ParserUnavailable {
  readonly kind: 'unavailable';
  readonly message: string;
}

export type BicepParse = ParsedBicep | BicepSyntaxError | ParserUnavailable;

/** A whole file: a second per file, and more for large ones (valid Bicep parses at megabytes per second). */
const budgetFor = (length: number): number => 1000 + length / 500;
const PREFIX_BUDGET_MS = 300;

/** Parses Bicep (`bicepparam`: a parameter file) into a syntax tree, or the first syntax error. */
export function parseBicep(text: string, bicepparam: boolean): BicepParse {
  const shimmed = shimBicep(text, bicepparam);
  const parsed = parseWithBudget(shimmed.text, budgetFor(text.length));
  if (parsed.kind === 'unavailable') return parsed;
  if (parsed.kind === 'timeout') return errorInPrefix(shimmed.text) ?? { kind: 'syntax-error', offset: 0, message: 'Bicep syntax error: the file could not be parsed' };
  try {
    const tree = copyTree(parsed.tree);
    if (!tree.hasError) return { kind: 'parsed', tree, notes: shimmed.notes };
    const error = firstError(tree.root);
    return error === undefined ? { kind: 'parsed', tree, notes: shimmed.notes } : syntaxError(shimmed.text, error);
  } finally {
    parsed.tree.delete();
  }
}

/** True when `text` parses as Bicep without a syntax error. */
export function parsesCleanly(text: string, bicepparam: boolean): boolean {
  return parseBicep(text, bicepparam).kind === 'parsed';
}

function syntaxError(text: string, node: SyntaxNode): BicepSyntaxError {
  if (node.missing) {
    const expected = /^[a-z_]+$/.test(node.type) ? node.type.replace(/_/g, ' ') : `'${node.type}'`;
    return { kind: 'syntax-error', offset: node.start, message: `Bicep syntax error: expected ${expected}` };
  }
  const token = /^\s*(\S{1,30})/.exec(text.slice(node.start, Math.min(node.end, node.start + 200)))?.[1];
  const message = token === undefined ? 'Bicep syntax error' : `Bicep syntax error near '${token}'`;
  return { kind: 'syntax-error', offset: node.start + (text.slice(node.start).length - text.slice(node.start).trimStart().length), message };
}

/**
 * When error recovery on the whole file runs out of time, the first error is found in growing
 * prefixes: the text before it is valid, so it is the same error (one that is not merely where the
 * prefix was cut).
 */
function errorInPrefix(text: string): BicepSyntaxError | undefined {
  for (let length = 4096; length < text.length * 2; length *= 2) {
    const cut = Math.min(length, text.length);
    const parsed = parseWithBudget(text.slice(0, cut), PREFIX_BUDGET_MS);
    if (parsed.kind !== 'tree') continue;
    try {
      const tree = copyTree(parsed.tree);
      const error = tree.hasError ? firstError(tree.root) : undefined;
      if (error !== undefined && (cut === text.length || error.start < cut / 2)) return syntaxError(text, error);
    } finally {
      parsed.tree.delete();
    }
  }
  return undefined;
}

const CACHE_SIZE = 16;
const caches = { template: new Map<string, BicepParse>(), parameters: new Map<string, BicepParse>() };

/**
 * `parseBicep`, remembering the last few texts: a module used by many templates, and the text a
 * fix pass checks and the next pass lints, are parsed once.
 */
export function parseBicepCached(text: string, bicepparam: boolean): BicepParse {
  const cache = bicepparam ? caches.parameters : caches.template;
  const hit = cache.get(text);
  if (hit !== undefined) {
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const parsed = parseBicep(text, bicepparam);
  if (parsed.kind === 'unavailable') return parsed;
  cache.set(text, parsed);
  for (const oldest of cache.keys()) {
    if (cache.size <= CACHE_SIZE) break;
    cache.delete(oldest);
  }
  return parsed;
}
