import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WorkingCopy } from '../../src/model/arm/working-copy.js';
import { applyEdits } from './helpers.js';

const noTree = undefined;

describe('WorkingCopy', () => {
  it('folds edits made one after another into edits of the original', () => {
    const copy = new WorkingCopy('abc\ndef\nghi', 'abc\ndef\nghi', noTree);
    copy.apply({ offset: 1, length: 1, content: 'XX' }); // aXXc
    copy.apply({ offset: 3, length: 0, content: 'Y' }); // aXXYc: touches the first change
    copy.apply({ offset: 10, length: 1, content: '' }); // line 3 "ghi" → "hi"
    expect(copy.text).toBe('aXXYc\ndef\nhi');
    expect(copy.edits()).toEqual([
      { range: { start: 1, end: 2 }, text: 'XXY' },
      { range: { start: 8, end: 9 }, text: '' },
    ]);
  });

  it('merges changes with no line break between them into one edit', () => {
    const copy = new WorkingCopy('{"a":1,"b":2}', '{"a":1,"b":2}', noTree);
    copy.applyAll([
      { offset: 5, length: 1, content: '10' },
      { offset: 11, length: 1, content: '20' },
    ]);
    expect(copy.edits()).toEqual([{ range: { start: 5, end: 12 }, text: '10,"b":20' }]);
  });

  it('an edit that changes nothing is no edit', () => {
    const copy = new WorkingCopy('abc', 'abc', noTree);
    copy.apply({ offset: 1, length: 1, content: 'b' });
    expect(copy.edits()).toEqual([]);
    expect(copy.changedSpan()).toBeUndefined();
  });

  it('for any sequence of edits, its edits turn the original into the current text', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '\n', ' '), maxLength: 40 });
    const step = fc.record({ at: fc.nat(), length: fc.nat({ max: 5 }), content: text.map((s) => s.slice(0, 6)) });
    fc.assert(
      fc.property(text, fc.array(step, { maxLength: 8 }), (original, steps) => {
        const copy = new WorkingCopy(original, original, noTree);
        for (const { at, length, content } of steps) {
          const offset = copy.text.length === 0 ? 0 : at % (copy.text.length + 1);
          copy.apply({ offset, length: Math.min(length, copy.text.length - offset), content });
        }
        const edits = copy.edits();
        expect(applyEdits(original, edits)).toBe(copy.text);
        edits.forEach((edit, i) => {
          const next = edits[i + 1];
          if (next) expect(edit.range.end).toBeLessThan(next.range.start);
        });
      }),
      { numRuns: 1000 },
    );
  });
});
