// After a fix edits a few statements, only those are parsed again: the statements before them
// are unchanged, the ones after them only moved. Top-level Bicep statements parse on their own,
// so the edited region, parsed alone, is also the check that the fix leaves valid Bicep.
import { parseBicep, type ParsedBicep } from './parse.js';
import type { ShimNotes } from './shim.js';
import type { SyntaxNode } from './syntax.js';
import type { ChangedSpan } from './working-text.js';

/**
 * The node moved by `delta`, its descendants moved when first read: every fix moves all the
 * statements after it, and copying them all made each fix cost a copy of the rest of the file
 * (quadratic in time and memory over a file of thousands of resources).
 */
function shiftNode(node: SyntaxNode, delta: number): SyntaxNode {
  if (delta === 0) return node;
  let children: readonly SyntaxNode[] | undefined;
  return {
    type: node.type,
    start: node.start + delta,
    end: node.end + delta,
    named: node.named,
    missing: node.missing,
    get children() {
      return (children ??= node.children.map((child) => shiftNode(child, delta)));
    },
  };
}

function shiftSet(values: ReadonlySet<number>, from: number, delta: number): number[] {
  return [...values].map((offset) => (offset >= from ? offset + delta : offset));
}

/** Notes of the unedited text outside the region, and the region's own (shifted to file offsets). */
function mergeNotes(original: ShimNotes, region: ShimNotes, start: number, end: number, delta: number): ShimNotes {
  const outside = (offset: number): boolean => offset < start || offset >= end;
  const keep = (values: ReadonlySet<number>): number[] => shiftSet(new Set([...values].filter(outside)), end, delta);
  const moved = (values: ReadonlySet<number>): number[] => [...values].map((offset) => offset + start);
  return {
    spreads: new Set([...keep(original.spreads), ...moved(region.spreads)]),
    fromEnd: new Set([...keep(original.fromEnd), ...moved(region.fromEnd)]),
    parameterAssignments: new Set([...keep(original.parameterAssignments), ...moved(region.parameterAssignments)]),
    dollarStrings: new Map([
      ...[...original.dollarStrings].filter(([offset]) => outside(offset)).map(([offset, n]) => [offset >= end ? offset + delta : offset, n] as const),
      ...[...region.dollarStrings].map(([offset, n]) => [offset + start, n] as const),
    ]),
    derivedTypes: [
      ...original.derivedTypes.filter((range) => outside(range.start)).map((range) => (range.start >= end ? { start: range.start + delta, end: range.end + delta } : range)),
      ...region.derivedTypes.map((range) => ({ start: range.start + start, end: range.end + start })),
    ],
    imported: new Set([...original.imported, ...region.imported]),
  };
}

/**
 * The tree of the edited text, from the original tree and a parse of the statements the edits
 * touched; undefined when those no longer parse.
 */
export function reparseRegion(original: ParsedBicep, text: string, span: ChangedSpan): ParsedBicep | undefined {
  const statements = original.tree.root.children;
  let start = span.start;
  let end = span.end;
  let first = statements.findIndex((statement) => statement.end >= span.start);
  if (first < 0) first = statements.length;
  let last = first - 1;
  for (let i = first; i < statements.length && (statements[i]?.start ?? Infinity) <= span.end; i++) last = i;
  // Decorators are statements of their own in the grammar: keep them with their declaration.
  if (statements[first - 1]?.type === 'decorators') first--;
  if (statements[last]?.type === 'decorators' && last + 1 < statements.length) last++;
  for (let i = first; i <= last; i++) {
    const statement = statements[i];
    if (statement === undefined) continue;
    start = Math.min(start, statement.start);
    end = Math.max(end, statement.end);
  }
  const parsed = parseBicep(text.slice(start, end + span.delta), false);
  if (parsed.kind !== 'parsed') return undefined;
  const before = statements.slice(0, first);
  const after = statements.slice(last + 1).map((statement) => shiftNode(statement, span.delta));
  const region = parsed.tree.root.children.map((statement) => shiftNode(statement, start));
  const root: SyntaxNode = { ...original.tree.root, end: original.tree.root.end + span.delta, children: [...before, ...region, ...after] };
  return {
    kind: 'parsed',
    tree: { root, comments: [], hasError: false },
    notes: mergeNotes(original.notes, parsed.notes, start, end, span.delta),
  };
}
