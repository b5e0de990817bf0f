import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/cli/diff.js';

const names = { fromFile: 'a/t.json', toFile: 'b/t.json' };
const lines = (count: number, from = 1): string => Array.from({ length: count }, (_, i) => `l${String(i + from)}\n`).join('');

/** Applies a unified diff the way `patch` does, checking every context and removed line. */
function applyPatch(before: string, diff: string): string {
  const source = before === '' ? [] : before.split(/(?<=\n)/);
  const patch = diff.split('\n').slice(2, -1);
  const output: string[] = [];
  let cursor = 0;
  for (let i = 0; i < patch.length; i++) {
    const line = patch[i] ?? '';
    const header = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$/.exec(line);
    if (header) {
      const start = Number(header[1]);
      const target = header[2] === '0' ? start : start - 1;
      while (cursor < target) output.push(source[cursor++] ?? '');
      continue;
    }
    const text = patch[i + 1] === '\\ No newline at end of file' ? line.slice(1) : `${line.slice(1)}\n`;
    if (line.startsWith('\\')) continue;
    if (line.startsWith('+')) output.push(text);
    else {
      if (source[cursor] !== text) throw new Error(`context mismatch at line ${String(cursor + 1)}`);
      if (line.startsWith(' ')) output.push(text);
      cursor++;
    }
  }
  while (cursor < source.length) output.push(source[cursor++] ?? '');
  return output.join('');
}

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\n', 'a\n', names)).toBe('');
  });

  it('shows one change with three lines of context', () => {
    const before = lines(10);
    const after = before.replace('l5\n', 'five\n');
    expect(unifiedDiff(before, after, names)).toBe(
      ['--- a/t.json', '+++ b/t.json', '@@ -2,7 +2,7 @@', ' l2', ' l3', ' l4', '-l5', '+five', ' l6', ' l7', ' l8', ''].join('\n'),
    );
  });

  it('joins changes whose context overlaps and splits distant ones', () => {
    const before = lines(20);
    const near = before.replace('l3\n', 'x\n').replace('l8\n', 'y\n');
    expect(unifiedDiff(before, near, names).match(/^@@/gm)).toHaveLength(1);
    const far = before.replace('l3\n', 'x\n').replace('l15\n', 'y\n');
    expect(unifiedDiff(before, far, names)).toBe(
      [
        '--- a/t.json',
        '+++ b/t.json',
        '@@ -1,6 +1,6 @@',
        ' l1',
        ' l2',
        '-l3',
        '+x',
        ' l4',
        ' l5',
        ' l6',
        '@@ -12,7 +12,7 @@',
        ' l12',
        ' l13',
        ' l14',
        '-l15',
        '+y',
        ' l16',
        ' l17',
        ' l18',
        '',
      ].join('\n'),
    );
  });

  it('marks a last line without a newline', () => {
    expect(unifiedDiff('a\nb', 'a\nc', names)).toBe(
      ['--- a/t.json', '+++ b/t.json', '@@ -1,2 +1,2 @@', ' a', '-b', '\\ No newline at end of file', '+c', '\\ No newline at end of file', ''].join('\n'),
    );
  });

  it('numbers an empty side by the line before it', () => {
    expect(unifiedDiff('', 'x\ny\n', names)).toBe(['--- a/t.json', '+++ b/t.json', '@@ -0,0 +1,2 @@', '+x', '+y', ''].join('\n'));
    expect(unifiedDiff('a\nb\n', 'a\nb\nc\n', names)).toBe(['--- a/t.json', '+++ b/t.json', '@@ -1,2 +1,3 @@', ' a', ' b', '+c', ''].join('\n'));
  });

  it('keeps CRLF line endings in the diff lines', () => {
    expect(unifiedDiff('a\r\nb\r\n', 'a\r\nc\r\n', names)).toBe(['--- a/t.json', '+++ b/t.json', '@@ -1,2 +1,2 @@', ' a\r', '-b\r', '+c\r', ''].join('\n'));
  });

  it('produces a patch that turns the old text into the new one', () => {
    const text = fc.array(fc.constantFrom('a\n', 'b\n', 'c\n', '{\n', '}\n', 'a\r\n', 'd'), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const diff = unifiedDiff(before, after, names);
        expect(diff === '' ? before : applyPatch(before, diff)).toBe(after);
      }),
      { numRuns: 500 },
    );
  });

  it('still gives a correct patch past the edit-distance budget', () => {
    const before = lines(3000);
    const after = lines(3000, 5000);
    expect(applyPatch(before, unifiedDiff(before, after, names))).toBe(after);
  });
});
