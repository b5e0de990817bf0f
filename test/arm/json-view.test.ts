import fc from 'fast-check';
import { parseTree, type Node as JsonNode } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { parseCleanJson } from '../../src/model/arm/fast-parse.js';
import { locatorPath } from '../../src/model/arm/index.js';
import { valueAt, viewOf } from '../../src/model/arm/json-view.js';
import { jsonNodeAt } from '../../src/model/arm/jsonc-tree.js';
import type { JsonPath } from '../../src/model/arm/locator.js';
import { WorkingCopy } from '../../src/model/arm/working-copy.js';
import { createSourceFile } from '../../src/model/source.js';
import type { JsonValue, ValueNode } from '../../src/model/value.js';
import { SCHEMA, parseTemplate, templateText } from './helpers.js';

/** What the renderer reads of a jsonc-parser node: type, offsets, children, key values. */
function shape(node: JsonNode | undefined): unknown {
  if (node === undefined) return undefined;
  return {
    type: node.type,
    at: [node.offset, node.length],
    ...(node.type === 'property' ? { key: node.children?.[0]?.value as unknown } : {}),
    children: node.children?.map(shape),
  };
}

const value = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 5 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'A', 'b', 'copy', 'name'), tie('value'), { maxKeys: 3 }),
  ),
})).value;

const object = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), value, { minKeys: 1, maxKeys: 4 });

function tree(text: string): ValueNode {
  const root = parseCleanJson(createSourceFile('/t/a.json', text))?.root;
  if (root === undefined) throw new Error('does not parse');
  return root;
}

/** Every path in a plain value, the empty one first. */
function pathsOf(json: JsonValue, prefix: (string | number)[] = []): (string | number)[][] {
  const below = Array.isArray(json)
    ? json.flatMap((item, index) => pathsOf(item, [...prefix, index]))
    : json !== null && typeof json === 'object'
      ? Object.entries(json).flatMap(([key, inner]) => pathsOf(inner, [...prefix, key]))
      : [];
  return [prefix, ...below];
}

function allNodes(node: ValueNode): ValueNode[] {
  if (node.kind === 'object') return [node, ...node.properties.flatMap((p) => allNodes(p.value))];
  if (node.kind === 'array') return [node, ...node.items.flatMap(allNodes)];
  return [node];
}

describe('viewOf: a value node read as jsonc-parser would have parsed it', () => {
  it('for any JSON text, every path has the same shape as in parseTree', () => {
    fc.assert(
      fc.property(value, fc.constantFrom(0, 2), (json, indent) => {
        const text = JSON.stringify(json, null, indent);
        const root = tree(text);
        for (const path of pathsOf(json)) {
          const node = valueAt(root, path);
          expect(shape(node && viewOf(node))).toEqual(shape(jsonNodeAt(parseTree(text), path)));
        }
      }),
    );
  });

  it('moves a node and its children by a shift', () => {
    const node = tree('{"a": [1, {"b": true}]}');
    expect(shape(viewOf(node, 10))).toEqual(shape(jsonNodeAt(parseTree(`${' '.repeat(10)}{"a": [1, {"b": true}]}`), [])));
  });
});

describe('locatorPath', () => {
  it('for every node of any template, leads back to the node', () => {
    fc.assert(
      fc.property(object, (variables) => {
        const text = templateText({ variables, resources: [] });
        const root = parseTemplate(text).root.node;
        for (const node of allNodes(root)) {
          const path = locatorPath(node);
          expect(path && valueAt(root, path)?.range).toEqual(node.range);
        }
      }),
    );
  });

  it('a copy-loop array has the path of its copy entry', () => {
    const text = templateText({
      variables: { copy: [{ name: 'disks', count: 2, input: { lun: "[copyIndex('disks')]" } }] },
      resources: [],
    });
    const variables = parseTemplate(text).root.node.properties.find((p) => p.key === 'variables')?.value;
    const disks = variables?.kind === 'object' ? variables.properties.find((p) => p.key === 'disks')?.value : undefined;
    expect(disks && locatorPath(disks)).toEqual(['variables', 'copy', 0]);
  });

  it('finds an item of a long array without walking it', () => {
    const items = Array.from({ length: 1000 }, (_, index) => ({ name: `r${String(index)}` }));
    const root = parseTemplate(templateText({ resources: items })).root.node;
    const resources = root.properties.find((p) => p.key === 'resources')?.value;
    const item = resources?.kind === 'array' ? resources.items[637] : undefined;
    expect(item && locatorPath(item)).toEqual(['resources', 637]);
  });
});

describe('WorkingCopy.nodeAt after edits', () => {
  /** Edits that keep the text valid JSON: replace a value, or add a member to an object. */
  const edit = fc.record({ at: fc.nat(), replacement: value, add: fc.boolean() });

  it('for any object and edits, gives what parsing the whole edited text gives', () => {
    fc.assert(
      fc.property(object, fc.array(edit, { minLength: 1, maxLength: 3 }), (json, edits) => {
        const text = JSON.stringify({ $schema: SCHEMA, root: json }, null, 2);
        const copy = new WorkingCopy(text, text, tree(text));
        for (const { at, replacement, add } of edits) {
          const current = parseTree(copy.text);
          const paths = pathsOf(JSON.parse(copy.text) as JsonValue).filter((p) => p.length > 0);
          const path = paths[at % paths.length] ?? [];
          const target = jsonNodeAt(current, path);
          if (target === undefined) continue;
          if (add && target.type === 'object') {
            const comma = (target.children ?? []).length > 0 ? ',' : '';
            copy.apply({ offset: target.offset + 1, length: 0, content: `"new": ${JSON.stringify(replacement)}${comma}` });
          } else {
            copy.apply({ offset: target.offset, length: target.length, content: JSON.stringify(replacement) });
          }
          const whole = parseTree(copy.prepared);
          for (const wanted of pathsOf(JSON.parse(copy.text) as JsonValue)) {
            expect(shape(copy.nodeAt(wanted as JsonPath))).toEqual(shape(jsonNodeAt(whole, wanted)));
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('slice reads the edited text without building it', () => {
    const copy = new WorkingCopy('{"a": 1, "b": 2}', '{"a": 1, "b": 2}', tree('{"a": 1, "b": 2}'));
    copy.apply({ offset: 6, length: 1, content: '[10, 11]' });
    copy.apply({ offset: 21, length: 1, content: '"two"' });
    expect(copy.slice(0, 100)).toBe('{"a": [10, 11], "b": "two"}');
    expect(copy.slice(5, 16)).toBe(' [10, 11], ');
    expect(copy.length).toBe(copy.text.length);
  });

  it('keeps the prepared text in step where a string was blanked', () => {
    const original = '{"s": "a\nb", "n": 1}';
    const prepared = '{"s": "a b", "n": 1}';
    const copy = new WorkingCopy(original, prepared, tree(prepared));
    copy.apply({ offset: 18, length: 1, content: '2' });
    expect(copy.text).toBe('{"s": "a\nb", "n": 2}');
    expect(copy.prepared).toBe('{"s": "a b", "n": 2}');
    expect(shape(copy.nodeAt(['n']))).toEqual(shape(jsonNodeAt(parseTree(copy.prepared), ['n'])));
  });
});
