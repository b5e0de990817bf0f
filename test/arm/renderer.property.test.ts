import fc from 'fast-check';
import { parse } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { getProperty, type JsonValue } from '../../src/model/value.js';
import { SCHEMA, applyEdits, objectAt, parseTemplate } from './helpers.js';

type JsonObject = Record<string, JsonValue>;

// Few keys, with case variants, so paths often meet existing keys (ARM matches them case-insensitively).
const key = fc.constantFrom('a', 'A', 'b', 'securityProfile', 'SecurityProfile');
const scalar = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.string({ maxLength: 6 }), fc.boolean(), fc.constant(null));
const { tree } = fc.letrec<{ tree: JsonObject; value: JsonValue }>((tie) => ({
  tree: fc.dictionary(key, tie('value'), { maxKeys: 3 }),
  value: fc.oneof({ depthSize: 'small' }, scalar, scalar, tie('tree'), fc.array(scalar, { maxLength: 2 })),
}));

function isPlainObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nest(path: readonly string[], value: JsonValue): JsonValue {
  return path.reduceRight<JsonValue>((inner, k) => ({ [k]: inner }), value);
}

/** The documented meaning of a 'set' intent, on plain values. */
function referenceSet(object: JsonObject, path: readonly string[], value: JsonValue): void {
  const [first, ...rest] = path;
  if (first === undefined) return;
  const existing = Object.keys(object).findLast((k) => k.toLowerCase() === first.toLowerCase());
  if (existing === undefined) {
    object[first] = nest(rest, value);
    return;
  }
  const current = object[existing];
  if (rest.length === 0) {
    if (isPlainObject(value) && isPlainObject(current)) {
      for (const [k, v] of Object.entries(value)) referenceSet(current, [k], v);
    } else {
      object[existing] = value;
    }
  } else if (isPlainObject(current)) {
    referenceSet(current, rest, value);
  } else {
    object[existing] = nest(rest, value);
  }
}

describe('set renders what it means, in the file’s style', () => {
  it('for any object, path and value', () => {
    fc.assert(
      fc.property(
        tree,
        fc.array(key, { minLength: 1, maxLength: 3 }),
        fc.oneof(scalar, tree),
        fc.constantFrom('  ', '    ', '\t'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (variables, path, value, unit, eol, comments) => {
          const template = { $schema: SCHEMA, contentVersion: '1.0.0.0', variables, resources: [] };
          const pretty = JSON.stringify(template, null, unit);
          const text = (comments ? pretty.replace(/,\n/g, ', // note\n') : pretty).replace(/\n/g, eol) + eol;
          const model = parseTemplate(text);
          const edits = model.renderer.render([{ kind: 'set', object: objectAt(model.root.node, 'variables'), path, value }]);
          expect(edits).toBeDefined();
          const output = applyEdits(text, edits ?? []);

          const expected = structuredClone(template);
          referenceSet(expected.variables, path, value);
          expect(parse(output)).toEqual(expected);

          const lines = output.split(eol);
          expect(lines.every((line) => !line.includes('\r') && !line.includes('\n'))).toBe(true);
          const indents = lines.map((line) => /^\s*/.exec(line)?.[0] ?? '');
          expect(indents.every((indent) => indent.replaceAll(unit, '') === '')).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** The documented meaning of a 'remove' intent: the last key that matches case-insensitively goes. */
function referenceRemove(object: JsonObject, key: string): void {
  const existing = Object.keys(object).findLast((k) => k.toLowerCase() === key.toLowerCase());
  if (existing !== undefined) Reflect.deleteProperty(object, existing);
}

describe('remove leaves the rest as it was', () => {
  it('for any object and key, on one line, pretty, or with comments', () => {
    fc.assert(
      fc.property(tree, key, fc.constantFrom('line', 'pretty', 'comments'), (variables, removed, style) => {
        const template = { $schema: SCHEMA, contentVersion: '1.0.0.0', resources: [], variables };
        const pretty = JSON.stringify(template, null, 2);
        const text =
          style === 'line' ? JSON.stringify(template) : style === 'pretty' ? pretty : pretty.replace(/,\n/g, ', // note\n');
        const model = parseTemplate(text);
        const edits = model.renderer.render([{ kind: 'remove', object: objectAt(model.root.node, 'variables'), key: removed }]);
        const output = applyEdits(text, edits ?? []);
        const expected = structuredClone(template);
        referenceRemove(expected.variables, removed);
        expect(parse(output)).toEqual(expected);
        // Comments inside the removed property go with it, and so may the one that ends its line; no other.
        const notes = (t: string): number => t.split('// note').length - 1;
        const gone = getProperty(objectAt(model.root.node, 'variables'), removed);
        const inside = gone ? notes(text.slice(gone.range.start, gone.range.end)) : 0;
        expect(notes(output)).toBeGreaterThanOrEqual(notes(text) - inside - 1);
      }),
      { numRuns: 300 },
    );
  });
});
