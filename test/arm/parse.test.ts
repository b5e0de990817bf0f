import { describe, expect, it } from 'vitest';
import { MAX_NESTING, locatorPath, parseArmFile } from '../../src/model/arm/index.js';
import { isValidJson } from '../../src/model/arm/parse.js';
import { createSourceFile } from '../../src/model/source.js';
import { getProperty } from '../../src/model/value.js';
import { SCHEMA, nodeAt, parseTemplate, textOf } from './helpers.js';

const header = `"$schema": "${SCHEMA}", "contentVersion": "1.0.0.0"`;

function parse(text: string) {
  return parseArmFile(createSourceFile('/t/azuredeploy.json', text), {});
}

describe('files that do not parse', () => {
  it.each([
    { text: '{', offset: 1, message: "Unexpected end of file: expected '}'" },
    { text: `{${header}, "resources": [`, offset: 138, message: "Unexpected end of file: expected ']'" },
    { text: `{${header},`, offset: 123, message: "Unexpected end of file: expected '}'" },
    { text: '{"a" 1}', offset: 5, message: "Expected ':' but found '1'" },
    { text: '{"a": [1 2]}', offset: 9, message: "Expected ',' but found '2'" },
    { text: '{"a": }', offset: 6, message: "Expected a value but found '}'" },
    { text: '{"a": "x', offset: 6, message: `Unterminated string at '"x'` },
    { text: '{} {}', offset: 3, message: "Expected the end of the file but found '{'" },
    { text: '{"a": tru}', offset: 6, message: "Unexpected symbol at 'tru'" },
    { text: '{"a": 1} /* open', offset: 9, message: "Unterminated block comment at '/* open'" },
    { text: '{"a": "\\q"}', offset: 6, message: `Invalid escape sequence in a string at '"\\q"'` },
  ])('$text → $message', ({ text, offset, message }) => {
    expect(parse(text)).toMatchObject({ kind: 'fatal', offset, message });
  });

  it.each([
    // In an object: a file whose first value is an array is not a template, and is not parsed.
    { name: 'arrays', open: '[', close: ']', before: '{"a": ', after: '}', depthBefore: 1 },
    { name: 'objects', open: '{"a":', close: '}', before: '', after: '', depthBefore: 0 },
  ])('refuses 100,000 nested $name without overflowing the stack', ({ open, close, before, after, depthBefore }) => {
    const text = before + open.repeat(100_000) + '1' + close.repeat(100_000) + after;
    expect(parse(text)).toMatchObject({
      kind: 'fatal',
      offset: before.length + open.length * (MAX_NESTING - depthBefore),
      message: `Nesting deeper than ${String(MAX_NESTING)} levels`,
    });
  });

  it('accepts nesting up to the limit', () => {
    const depth = MAX_NESTING - 2;
    const text = `{${header}, "resources": [], "variables": {"v": ${'['.repeat(depth)}1${']'.repeat(depth)}}}`;
    expect(parse(text).kind).toBe('template');
  });
});

describe('files that are not templates', () => {
  it.each([
    { name: 'an empty file', text: '' },
    { name: 'only whitespace', text: ' \r\n\t' },
    { name: 'only a comment', text: '// nothing here\n' },
    { name: 'package.json', text: '{"name": "x", "version": "1.0.0", "scripts": {}}' },
    { name: 'a root array', text: '[1, 2]' },
    // Decided from the first value, without a parse: an array or a string is never a template.
    { name: 'a broken root array', text: '/* c */ [1, 2' },
    { name: 'a root array after line comments', text: '// a\r\n// b\n[1]' },
    { name: 'a root array nested 100,000 deep', text: '['.repeat(100_000) },
    { name: 'a root number', text: '\uFEFF 12' },
    { name: 'a root string', text: '"[concat()]"' },
    { name: 'an unknown $schema', text: '{"$schema": "foo", "contentVersion": "1.0.0.0", "resources": []}' },
  ])('$name', ({ text }) => {
    expect(parse(text).kind).toBe('not-a-template');
  });
});

describe('real-world input', () => {
  it('a BOM is removed by createSourceFile, and offsets are into the text without it', () => {
    const raw = `\uFEFF{${header}, "resources": []}`;
    const file = createSourceFile('/t/a.json', raw);
    const result = parseArmFile(file, {});
    expect(file.hasBom).toBe(true);
    if (result.kind !== 'template') throw new Error(result.kind);
    expect(result.model.root.node.range).toEqual({ start: 0, end: raw.length - 1 });
  });

  it('comments and trailing commas', () => {
    const text = [
      '{',
      `  ${header}, // header`,
      '  /* the',
      '     resources */',
      '  "resources": [',
      '    {"type": "Microsoft.Storage/storageAccounts", "name": "s",},',
      '  ],',
      '}',
    ].join('\n');
    const model = parseTemplate(text);
    expect(model.resources.map((r) => r.type)).toEqual(['Microsoft.Storage/storageAccounts']);
    expect(model.comments.map((c) => ({ text: textOf(text, c.range), body: c.body, block: c.block }))).toEqual([
      { text: '// header', body: ' header', block: false },
      { text: '/* the\n     resources */', body: ' the\n     resources ', block: true },
    ]);
  });

  it('raw line breaks inside strings: the value keeps them, and the offsets after them are exact', () => {
    const text = `{${header},\n"variables": {"script": "line 1\nline 2\r\n// not a comment", "after": "x"},\n"resources": []}`;
    const model = parseTemplate(text);
    const variables = nodeAt(model.root.node, 'variables');
    const script = nodeAt(model.root.node, 'variables.script');
    const after = nodeAt(model.root.node, 'variables.after');
    expect(script).toMatchObject({ kind: 'literal', value: 'line 1\nline 2\r\n// not a comment' });
    expect(textOf(text, script.range)).toBe('"line 1\nline 2\r\n// not a comment"');
    expect(textOf(text, after.range)).toBe('"x"');
    expect(after.range.start).toBe(text.indexOf('"x"'));
    expect(variables.kind).toBe('object');
    expect(model.comments).toEqual([]);
  });

  it.each([
    ['U+202F', '\u202F'],
    ['U+00A0', '\u00A0'],
    ['U+2003', '\u2003'],
    ['U+3000', '\u3000'],
    ['U+FEFF inside the text', '\uFEFF'],
    ['vertical tab', '\u000B'],
  ])('%s between tokens is whitespace, and offsets stay exact', (_name, space) => {
    const text = `{${header},${space}"resources":${space}[${space}{"type":${space}"A/b", "name": "n"}]}`;
    const model = parseTemplate(text);
    const resource = model.resources[0];
    expect(resource?.type).toBe('A/b');
    expect(resource && textOf(text, resource.typeRange)).toBe('"A/b"');
  });

  it('Unicode whitespace inside a string is kept', () => {
    const model = parseTemplate(`{${header}, "variables": {"v": "a\u202Fb"}, "resources": []}`);
    expect(nodeAt(model.root.node, 'variables.v')).toMatchObject({ value: 'a\u202Fb' });
  });

  it('duplicate keys are all kept, in order; lookups take the last', () => {
    const text = `{${header}, "variables": {"x": 1, "X": 2, "x": 3}, "resources": []}`;
    const variables = nodeAt(parseTemplate(text).root.node, 'variables');
    if (variables.kind !== 'object') throw new Error('variables');
    expect(variables.properties.map((p) => [p.key, p.value.kind === 'literal' ? p.value.value : undefined])).toEqual([
      ['x', 1],
      ['X', 2],
      ['x', 3],
    ]);
    expect(getProperty(variables, 'x')?.value).toMatchObject({ value: 3 });
  });

  it('keys and property ranges', () => {
    const text = `{${header}, "variables": { "a" : [1, "two"] }, "resources": []}`;
    const variables = nodeAt(parseTemplate(text).root.node, 'variables');
    if (variables.kind !== 'object') throw new Error('variables');
    const [property] = variables.properties;
    expect(property && textOf(text, property.keyRange)).toBe('"a"');
    expect(property && textOf(text, property.range)).toBe('"a" : [1, "two"]');
    const item = property?.value.kind === 'array' ? property.value.items[1] : undefined;
    expect(property && locatorPath(property.value)).toEqual(['variables', 'a']);
    expect(item && locatorPath(item)).toEqual(['variables', 'a', 1]);
    expect(locatorPath(parseTemplate(text).root.node)).toEqual([]);
  });
});

describe('isValidJson (how the renderer checks an edited text)', () => {
  it.each([
    ['comments and trailing commas', '{"a": [1, 2,], /* c */ "b": {}}', true],
    ['a raw line break in a string', '{"script": "line 1\nline 2"}', true],
    ['Unicode whitespace', '{"a":\u00A01}', true],
    ['an empty text', '', false],
    ['only a comment', '// only a comment', false],
    ['a missing comma', '{"a": 1 "b": 2}', false],
    ['an unclosed object', '{"a": 1', false],
    ['nesting past the limit', `${'['.repeat(MAX_NESTING + 1)}${']'.repeat(MAX_NESTING + 1)}`, false],
  ])('%s → %s', (_name, text, valid) => {
    expect(isValidJson(text)).toBe(valid);
  });
});
