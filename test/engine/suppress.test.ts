import { describe, expect, it } from 'vitest';
import { Suppressions } from '../../src/engine/suppress.js';
import { createSourceFile } from '../../src/model/source.js';
import type { Comment } from '../../src/model/template.js';

/** Finds `//` and block comments with a regex: enough for these fixtures, which have no strings with slashes. */
function commentsOf(text: string): Comment[] {
  return [...text.matchAll(/\/\/([^\n]*)|\/\*([\s\S]*?)\*\//g)].map((m) => ({
    range: { start: m.index, end: m.index + m[0].length },
    body: m[1] ?? m[2] ?? '',
    block: m[2] !== undefined,
  }));
}

function suppressor(text: string) {
  const file = createSourceFile('t.json', text);
  const suppressions = new Suppressions(file, commentsOf(text));
  return (ruleId: string, needle: string) => suppressions.isSuppressed({ ruleId, offset: text.indexOf(needle), resource: undefined });
}

describe('suppression comments', () => {
  const text = [
    '{',
    '  // tl-lint-disable-next-line rule-a, rule-b -- pinned on purpose',
    '  "one": 1,',
    '  "two": 2, // tl-lint-disable-line',
    '  /* tl-lint-disable rule-c */',
    '  "three": 3,',
    '  /* tl-lint-enable rule-c */',
    '  "four": 4',
    '}',
  ].join('\n');
  const isSuppressed = suppressor(text);

  it.each([
    ['rule-a', '"one"', true],
    ['rule-b', '"one"', true],
    ['rule-c', '"one"', false],
    ['rule-a', '"two"', true],
    ['rule-z', '"two"', true],
    ['rule-c', '"three"', true],
    ['rule-a', '"three"', false],
    ['rule-c', '"four"', false],
  ])('%s at %s suppressed: %s', (ruleId, needle, expected) => {
    expect(isSuppressed(ruleId, needle)).toBe(expected);
  });

  it('does not treat the reason as a rule id', () => {
    const check = suppressor('{\n// tl-lint-disable-next-line rule-a -- rule-b is fine\n"x": 1}');
    expect(check('rule-b', '"x"')).toBe(false);
    expect(check('rule-a', '"x"')).toBe(true);
  });
});
