/** Unified diff (`diff -u` / git style) of two texts, line by line. */
import { isAbsolute, relative, sep } from 'node:path';

export interface DiffOptions {
  readonly fromFile: string;
  readonly toFile: string;
  readonly context?: number;
}

interface Op { readonly kind: 'equal' | 'delete' | 'insert'; readonly line: string }

/** Beyond this many differing lines the exact shortest edit script is not worth its cost. */
const maxEditDistance = 1000;

/** Empty string when the texts are equal. */
export function unifiedDiff(before: string, after: string, options: DiffOptions): string {
  if (before === after) return '';
  const ops = diffLines(splitKeepingEol(before), splitKeepingEol(after));
  const hunks = groupHunks(ops, options.context ?? 3);
  const body = hunks.map(renderHunk).join('');
  return `--- ${options.fromFile}\n+++ ${options.toFile}\n${body}`;
}

function splitKeepingEol(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const equal = (lines: readonly string[]): Op[] => lines.map((line) => ({ kind: 'equal', line }));
  const middle = myers(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix));
  return [...equal(a.slice(0, prefix)), ...middle, ...equal(a.slice(a.length - suffix))];
}

/** Myers' O(ND) shortest edit script; falls back to delete-all/insert-all past maxEditDistance. */
function myers(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const maxD = Math.min(n + m, maxEditDistance);
  const offset = maxD + 1;
  const v = new Int32Array(2 * offset + 1);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= maxD; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
      let x = down ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b, offset);
    }
  }
  return [...a.map((line): Op => ({ kind: 'delete', line })), ...b.map((line): Op => ({ kind: 'insert', line }))];
}

function backtrack(trace: readonly Int32Array[], a: readonly string[], b: readonly string[], offset: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d > 0; d--) {
    const v = trace[d] ?? new Int32Array(0);
    const k = x - y;
    const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
    const prevK = down ? k + 1 : k - 1;
    const prevX = v[offset + prevK] ?? 0;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      y--;
      ops.push({ kind: 'equal', line: a[--x] ?? '' });
    }
    if (down) ops.push({ kind: 'insert', line: b[--y] ?? '' });
    else ops.push({ kind: 'delete', line: a[--x] ?? '' });
  }
  while (x > 0 && y > 0) {
    y--;
    ops.push({ kind: 'equal', line: a[--x] ?? '' });
  }
  return ops.reverse();
}

interface Hunk {
  readonly oldStart: number;
  readonly newStart: number;
  readonly ops: readonly Op[];
}

function groupHunks(ops: readonly Op[], context: number): Hunk[] {
  const hunks: Hunk[] = [];
  let i = 0;
  let oldLine = 0;
  let newLine = 0;
  while (i < ops.length) {
    let change = i;
    while (change < ops.length && ops[change]?.kind === 'equal') change++;
    if (change === ops.length) break;
    for (; i < change; i++) {
      oldLine++;
      newLine++;
    }
    const lead = Math.min(context, change);
    let end = change;
    for (;;) {
      while (end < ops.length && ops[end]?.kind !== 'equal') end++;
      let run = 0;
      while (end + run < ops.length && ops[end + run]?.kind === 'equal') run++;
      const atEnd = end + run >= ops.length;
      if (atEnd || run > 2 * context) {
        end += Math.min(run, context);
        break;
      }
      end += run;
    }
    hunks.push({ oldStart: oldLine - lead, newStart: newLine - lead, ops: ops.slice(change - lead, end) });
    for (; i < end; i++) {
      const kind = ops[i]?.kind;
      if (kind !== 'insert') oldLine++;
      if (kind !== 'delete') newLine++;
    }
  }
  return hunks;
}

function renderHunk(hunk: Hunk): string {
  const oldCount = hunk.ops.filter((op) => op.kind !== 'insert').length;
  const newCount = hunk.ops.filter((op) => op.kind !== 'delete').length;
  const header = `@@ -${range(hunk.oldStart, oldCount)} +${range(hunk.newStart, newCount)} @@\n`;
  const lines = hunk.ops.map((op) => {
    const sign = op.kind === 'equal' ? ' ' : op.kind === 'delete' ? '-' : '+';
    return op.line.endsWith('\n') ? `${sign}${op.line}` : `${sign}${op.line}\n\\ No newline at end of file\n`;
  });
  return header + lines.join('');
}

/** `start,count` with 1-based start; an empty range names the line before it, and `,1` is left out. */
function range(start0: number, count: number): string {
  if (count === 0) return `${String(start0)},0`;
  return count === 1 ? String(start0 + 1) : `${String(start0 + 1)},${String(count)}`;
}

/** git's `a/` and `b/` names for files below cwd; the absolute path for the others. */
export function diffNames(path: string, cwd: string): { fromFile: string; toFile: string } {
  const shown = relative(cwd, path);
  if (shown.startsWith('..') || isAbsolute(shown)) return { fromFile: path, toFile: path };
  const posix = shown.split(sep).join('/');
  return { fromFile: `a/${posix}`, toFile: `b/${posix}` };
}
