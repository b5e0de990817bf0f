// Bicep string literals, read from the file as written: `'…'` with escapes and `${…}`
// interpolations, `'''…'''` verbatim (a line break right after the opening quotes is not part of
// the value), and `$'''…'''` whose interpolations the grammar does not see.
// https://learn.microsoft.com/azure/azure-resource-manager/bicep/data-types#strings
import type { ShimNotes } from './shim.js';
import type { SyntaxNode } from './syntax.js';

export interface StringParts {
  /** The literal text around the holes: one more than there are holes. */
  readonly literals: readonly string[];
  /** The interpolated expressions. */
  readonly holes: readonly SyntaxNode[];
  /** A `$'''` string with interpolations: its value cannot be read. */
  readonly opaque: boolean;
}

const escapes: Readonly<Record<string, string>> = { '\\': '\\', "'": "'", n: '\n', r: '\r', t: '\t', $: '$' };

export function stringParts(text: string, node: SyntaxNode, notes: ShimNotes): StringParts {
  if (text.startsWith("'''", node.start)) return multiline(text, node, notes);
  const literals: string[] = [];
  const holes: SyntaxNode[] = [];
  const interpolations = node.children.filter((child) => child.type === 'interpolation');
  let current = '';
  let i = node.start + 1;
  const end = Math.max(i, node.end - 1);
  for (const interpolation of interpolations) {
    current += decode(text, i, interpolation.start);
    literals.push(current);
    current = '';
    const expression = interpolation.children.find((child) => child.named);
    if (expression !== undefined) holes.push(expression);
    i = interpolation.end;
  }
  if (literals.length !== holes.length) return { literals: [text.slice(node.start, node.end)], holes: [], opaque: true };
  literals.push(current + decode(text, i, end));
  return { literals, holes, opaque: false };
}

function multiline(text: string, node: SyntaxNode, notes: ShimNotes): StringParts {
  let start = node.start + 3;
  if (text.startsWith('\r\n', start)) start += 2;
  else if (text.charAt(start) === '\n') start += 1;
  const content = text.slice(start, Math.max(start, node.end - 3));
  const dollars = notes.dollarStrings.get(node.start);
  const opaque = dollars !== undefined && content.includes(`${'$'.repeat(dollars)}{`);
  return { literals: [content], holes: [], opaque };
}

function decode(text: string, from: number, to: number): string {
  const raw = text.slice(from, to);
  if (!raw.includes('\\')) return raw;
  return raw.replace(/\\(u\{[0-9a-fA-F]+\}|.)/g, (whole, escape: string) => {
    if (escape.startsWith('u{')) {
      const code = Number.parseInt(escape.slice(2, -1), 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return escapes[escape] ?? escape;
  });
}

/** The value of a string without interpolations, or undefined. */
export function plainString(text: string, node: SyntaxNode | undefined, notes: ShimNotes): string | undefined {
  if (node?.type !== 'string') return undefined;
  const parts = stringParts(text, node, notes);
  return parts.holes.length === 0 && !parts.opaque ? parts.literals[0] : undefined;
}
