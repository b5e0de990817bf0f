import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSourceFile, offsetAt, positionAt } from '../../src/model/source.js';

/** Line and column by walking the text one character at a time: LF, CRLF and a lone CR each end a line. */
function naivePosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

describe('positionAt', () => {
  it.each([
    ['LF', 'a\nbc\n', 3, { line: 2, column: 2 }],
    ['CRLF', 'a\r\nbc', 4, { line: 2, column: 2 }],
    ['between CR and LF', 'a\r\nb', 2, { line: 1, column: 3 }],
    ['lone CR', 'a\rbc', 3, { line: 2, column: 2 }],
    ['mixed', 'a\rb\r\nc\nd', 7, { line: 4, column: 1 }],
    ['past the end', 'ab', 9, { line: 1, column: 3 }],
  ])('%s', (_name, text, offset, expected) => {
    expect(positionAt(createSourceFile('t.json', text), offset)).toEqual(expected);
  });

  it('agrees with a character walk on any mix of line ends, and offsetAt inverts it', () => {
    const text = fc.array(fc.constantFrom('a', 'bc', '\n', '\r', '\r\n', ' '), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.nat(), (source, at) => {
        const offset = at % (source.length + 1);
        const file = createSourceFile('t.json', source);
        const position = positionAt(file, offset);
        expect(position).toEqual(naivePosition(source, offset));
        // A CR's own offset is the end of its line; only the offset after a CRLF's CR is not reachable.
        if (!(source[offset - 1] === '\r' && source[offset] === '\n')) expect(offsetAt(file, position)).toBe(offset);
      }),
    );
  });
});
