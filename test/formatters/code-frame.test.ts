import { describe, expect, it } from 'vitest';
import { codeFrame, defaultFrameOptions, splitLines } from '../../src/formatters/code-frame.js';

const at = (line: number, column: number, endLine = line, endColumn = column + 1) => ({ line, column, endLine, endColumn });

describe('codeFrame', () => {
  it.each([
    {
      name: 'context is cut at the start of the file',
      text: 'a\nbb\ncc\ndd\n',
      range: at(1, 1),
      frame: ['> 1 | a', '    | ^', '  2 | bb', '  3 | cc'],
    },
    {
      name: 'a range on one line is underlined to its end',
      text: 'one\n  "two": 2\nthree\n',
      range: at(2, 3, 2, 8),
      frame: ['  1 | one', '> 2 |   "two": 2', '    |   ^^^^^', '  3 | three'],
    },
    {
      name: 'a range over several lines is underlined to the end of its first line',
      text: '{\n  "a": {\n    "b": 1\n  }\n}\n',
      range: at(2, 8, 4, 4),
      frame: ['  1 | {', '> 2 |   "a": {', '    |        ^', '  3 |     "b": 1', '  4 |   }'],
    },
    {
      name: 'an empty range gets one caret',
      text: 'ab\n',
      range: at(1, 2, 1, 2),
      frame: ['> 1 | ab', '    |  ^'],
    },
    {
      name: 'tabs before the range stay tabs under it',
      text: '\t\t"x": 1\n',
      range: at(1, 3, 1, 6),
      frame: ['> 1 | \t\t"x": 1', '    | \t\t^^^'],
    },
    {
      name: 'line numbers are right-aligned to the widest',
      text: 'l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\nl9\nl10\nl11\n',
      range: at(9, 1, 9, 3),
      frame: ['   7 | l7', '   8 | l8', '>  9 | l9', '     | ^^', '  10 | l10', '  11 | l11'],
    },
    {
      name: 'CRLF and lone CR end lines too',
      text: 'a\r\nb\rc\n',
      range: at(2, 1),
      frame: ['  1 | a', '> 2 | b', '    | ^', '  3 | c'],
    },
  ])('$name', ({ text, range, frame }) => {
    expect(codeFrame(splitLines(text), range)).toEqual(frame);
  });

  it('cuts a long (minified) line to a window around the range', () => {
    const line = `${'x'.repeat(1000)}"apiVersion":"2019-03-01"${'y'.repeat(1000)}`;
    const frame = codeFrame([line], at(1, 1014, 1, 1026), { ...defaultFrameOptions, maxWidth: 40 });
    expect(frame).toEqual([`> 1 | …"apiVersion":"2019-03-01"${'y'.repeat(15)}…`, `    | ${' '.repeat(14)}${'^'.repeat(12)}`]);
  });

  it('is empty for a position outside the text', () => {
    expect(codeFrame(['a'], at(0, 0))).toEqual([]);
    expect(codeFrame(['a'], at(3, 1))).toEqual([]);
  });
});
