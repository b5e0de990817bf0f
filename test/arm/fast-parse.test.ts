import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildJsonTree, type JsonTree } from '../../src/model/arm/build.js';
import { parseCleanJson } from '../../src/model/arm/fast-parse.js';
import { MAX_NESTING } from '../../src/model/arm/index.js';
import { createSourceFile } from '../../src/model/source.js';
import type { ValueNode } from '../../src/model/value.js';

/** The jsonc-parser path on the text as it is: the reference the fast parser must match. */
function reference(text: string): JsonTree {
  return buildJsonTree(createSourceFile('/t/a.json', text), text, new Map());
}

function fast(text: string): JsonTree | undefined {
  return parseCleanJson(createSourceFile('/t/a.json', text));
}

/** Everything the tree says, as plain data. */
function describeNode(node: ValueNode): unknown {
  const at = [node.range.start, node.range.end];
  switch (node.kind) {
    case 'object':
      return {
        at,
        properties: node.properties.map((p) => ({ key: p.key, keyAt: [p.keyRange.start, p.keyRange.end], at: [p.range.start, p.range.end], value: describeNode(p.value) })),
      };
    case 'array':
      return { at, items: node.items.map(describeNode) };
    case 'literal':
      return { at, value: Object.is(node.value, -0) ? '-0' : node.value };
    case 'expression':
      return { at, source: node.source };
  }
}

function describeTree(tree: JsonTree): unknown {
  return {
    root: tree.root && describeNode(tree.root),
    comments: tree.comments,
    brackets: tree.bracketStrings.map((b) => [b.node.range.start, b.index, b.items !== undefined, b.properties !== undefined]),
    copyHolders: tree.copyHolders.map((o) => o.range.start),
  };
}

/** The fast parser either gives up, or gives exactly what jsonc-parser gives for a text it parses without errors. */
function expectAgreement(text: string): 'same' | 'gave up' {
  const expected = reference(text);
  const actual = fast(text);
  if (actual === undefined) return 'gave up';
  expect(expected.errors).toEqual([]);
  expect(describeTree(actual)).toEqual(describeTree(expected));
  return 'same';
}

const json = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.string({ unit: fc.constantFrom('[', ']', '"', '\\', 'a', 'é', '\u2028', '\uD83D', '/') }),
    fc.constantFrom('[concat()]', '[[literal]', 'copy', 'COPY'),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('copy', 'Copy', 'name', 'a')), tie('value'), { maxKeys: 4 }),
  ),
})).value;

const trivia = fc.constantFrom(' ', '\t', '\n', '\r\n', '\r', '', '// c\n', '/* c */', '/**/', '/* a\n b */');

/** Serialized with trivia between tokens, and sometimes a trailing comma. */
function layout(value: unknown, pick: () => string, trailing: () => boolean): string {
  if (Array.isArray(value)) {
    const items = value.map((item) => pick() + layout(item, pick, trailing) + pick());
    return `[${items.join(',')}${items.length > 0 && trailing() ? ',' + pick() : ''}]`;
  }
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value).map(([k, v]) => `${pick()}${JSON.stringify(k)}${pick()}:${pick()}${layout(v, pick, trailing)}${pick()}`);
    return `{${members.join(',')}${members.length > 0 && trailing() ? ',' + pick() : ''}}`;
  }
  return JSON.stringify(value);
}

describe('parseCleanJson agrees with jsonc-parser', () => {
  it('on any JSON value, laid out with whitespace, comments and trailing commas', () => {
    fc.assert(
      fc.property(json, fc.array(trivia, { minLength: 1, maxLength: 20 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), (value, spaces, commas) => {
        let s = 0;
        let c = 0;
        const text = `${spaces[0] ?? ''}${layout(value, () => spaces[s++ % spaces.length] ?? '', () => commas[c++ % commas.length] ?? false)}${spaces.at(-1) ?? ''}`;
        expect(expectAgreement(text)).toBe('same');
      }),
      { numRuns: 300 },
    );
  });

  it('on any text near valid JSON: gives up exactly where jsonc-parser finds an error', () => {
    const near = fc
      .tuple(json, fc.nat(), fc.string({ unit: fc.constantFrom('"', ',', ':', '{', '}', '[', ']', '/', '*', '\\', '\n', ' ', 'x', '1', '.', '-', 'e', '\u00A0', '\u0000', 't') , maxLength: 3 }), fc.nat({ max: 3 }))
      .map(([value, at, inserted, removed]) => {
        const text = JSON.stringify(value, null, 2);
        const offset = at % (text.length + 1);
        return text.slice(0, offset) + inserted + text.slice(offset + removed);
      });
    const outcomes = { same: 0, 'gave up': 0 };
    fc.assert(
      fc.property(near, (text) => {
        const outcome = expectAgreement(text);
        outcomes[outcome]++;
        // jsonc-parser finds no value in an empty text without an error: only there may the fast parser give up on a clean text.
        if (outcome === 'gave up') expect(reference(text).errors.length > 0 || reference(text).root === undefined).toBe(true);
      }),
      { numRuns: 500 },
    );
    expect(outcomes.same).toBeGreaterThan(50);
    expect(outcomes['gave up']).toBeGreaterThan(50);
  });

  it.each([
    ['numbers', '[0, -0, 1.5, -2e10, 3E+2, 4e-2, 123456789012345678901234567890]'],
    ['escapes', String.raw`{"a\"b": "\\ \/ \b \f \n \r \t \u00e9 \uD83D\uDE00", "k\u0041": 1}`],
    ['duplicate keys, all kept in order', '{"x": 1, "X": 2, "x": 3}'],
    ['comments everywhere', '/*a*/{/*b*/"k"/*c*/://d\n1//e\n,"l":[//f\n2/*g*/]}//h'],
    ['a line comment at the very end', '{} // end'],
    ['trailing commas', '{"a": [1, 2,], "b": {"c": 3,},}'],
    ['a root scalar', ' "[concat()]" '],
    ['long keys', `{"${'k'.repeat(40)}": 1, "${'k'.repeat(40)}": 2, "k": 3}`],
  ])('%s', (_name, text) => {
    expect(expectAgreement(text)).toBe('same');
  });
});

describe('parseCleanJson gives up on what jsonc-parser reports or ARM reads differently', () => {
  it.each([
    ['an empty text', ''],
    ['only a comment', '// nothing'],
    ['a raw line break in a string', '{"a": "x\ny"}'],
    ['a raw tab in a string', '{"a": "x\ty"}'],
    ['Unicode whitespace between tokens', '{"a":\u00A01}'],
    ['a BOM inside the text', '{"a": 1}\uFEFF'],
    ['a missing comma', '{"a": 1 "b": 2}'],
    ['a missing colon', '{"a" 1}'],
    ['a comma with nothing before it', '[,1]'],
    ['two commas', '[1,,2]'],
    ['an unterminated string', '{"a": "x'],
    ['an unterminated block comment', '{} /* open'],
    ['a lone slash', '{"a": 1 / 2}'],
    ['text after the value', '{} {}'],
    ['an unknown escape', String.raw`{"a": "\q"}`],
    ['a short \\u escape', String.raw`{"a": "\u12"}`],
    ['a leading zero', '[01]'],
    ['a bare minus', '[-]'],
    ['a number without fraction digits', '[1.]'],
    ['a number without exponent digits', '[1e]'],
    ['a leading dot', '[.5]'],
    ['a leading plus', '[+1]'],
    ['a misspelt keyword', '[tru]'],
    ['a keyword run into a word', '[truex]'],
    ['a key that is not a string', '{a: 1}'],
    ['an unclosed object', '{"a": 1'],
  ])('%s', (_name, text) => {
    expect(fast(text)).toBeUndefined();
  });

  it('nesting deeper than the limit (the prepared path reports it)', () => {
    const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect(fast(deep(MAX_NESTING))).toBeDefined();
    expect(fast(deep(MAX_NESTING + 1))).toBeUndefined();
  });
});
