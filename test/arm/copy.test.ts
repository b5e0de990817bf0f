import { describe, expect, it } from 'vitest';
import { isCopyLoopArray, locatorPath } from '../../src/model/arm/index.js';
import { getProperty } from '../../src/model/value.js';
import { nodeAt, objectAt, parseTemplate, templateText, textOf } from './helpers.js';

const text = templateText({
  parameters: { diskCount: { type: 'int', defaultValue: 2 } },
  variables: {
    copy: [
      { name: 'names', count: 3, input: "[concat('n', copyIndex('names'))]" },
      { name: 'constants', count: 2, input: 'c' },
    ],
    disks: { copy: [{ name: 'list', count: 2, input: { lun: "[copyIndex('list')]" } }] },
  },
  resources: [
    {
      type: 'Microsoft.Compute/virtualMachineScaleSets',
      name: 'vmss',
      copy: { name: 'sets', count: "[parameters('diskCount')]" },
      properties: {
        virtualMachineProfile: {
          storageProfile: {
            copy: [
              {
                name: 'dataDisks',
                count: "[parameters('diskCount')]",
                input: { lun: "[copyIndex('dataDisks')]", createOption: 'Empty', diskSizeGB: 32 },
              },
            ],
          },
        },
      },
    },
  ],
});

describe('copy loops', () => {
  const model = parseTemplate(text);
  const vmss = model.resources[0];
  if (vmss === undefined) throw new Error('vmss');

  it('a resource copy is its loop', () => {
    expect(vmss.loop?.name).toBe('sets');
    expect(vmss.loop?.count).toMatchObject({ kind: 'expression', source: "[parameters('diskCount')]" });
  });

  it('a property copy makes the named property an array of its input, counted by copyCount', () => {
    const storage = objectAt(vmss.node, 'properties.virtualMachineProfile.storageProfile');
    const dataDisks = getProperty(storage, 'dataDisks');
    const entry = nodeAt(storage, 'copy.0');
    if (dataDisks?.value.kind !== 'array') throw new Error('dataDisks');
    expect(isCopyLoopArray(dataDisks.value)).toBe(true);
    expect(dataDisks.value.items).toEqual([nodeAt(entry, 'input')]);
    expect(dataDisks.value.copyCount).toBe(nodeAt(entry, 'count'));
    expect(locatorPath(dataDisks.value)).toEqual(['resources', 0, 'properties', 'virtualMachineProfile', 'storageProfile', 'copy', 0]);
    expect(dataDisks.value.range).toEqual(entry.range);
    expect(textOf(text, dataDisks.keyRange)).toBe('"dataDisks"');
    expect(nodeAt(vmss.node, 'properties.virtualMachineProfile.storageProfile.dataDisks.0.createOption')).toMatchObject({
      value: 'Empty',
    });
  });

  it('a real array is not a copy loop', () => {
    expect(isCopyLoopArray(nodeAt(model.root.node, 'variables.copy'))).toBe(false);
  });

  it('variable copies declare variables', () => {
    const variables = objectAt(model.root.node, 'variables');
    expect(variables.properties.map((p) => p.key)).toEqual(['copy', 'disks', 'names', 'constants']);
    const names = nodeAt(variables, 'names');
    expect(names.kind === 'array' && names.copyCount).toMatchObject({ value: 3 });
    const list = nodeAt(variables, 'disks.list');
    expect(list.kind === 'array' && list.items[0]?.kind).toBe('object');
  });

  it('the evaluator sees the variables', () => {
    expect(model.root.evaluator.variable('constants').kind).toBe('known');
    expect(model.root.evaluator.variable('copy')).toMatchObject({ kind: 'unknown' });
  });
});

describe('what is not a copy loop', () => {
  it.each([
    ['an entry without input', [{ name: 'a', count: 1 }]],
    ['an entry whose name is an expression', [{ name: "[variables('x')]", count: 1, input: 1 }]],
    ['an empty array', []],
    ['an object', { name: 'a', count: 1, input: 1 }],
  ])('%s', (_name, copy) => {
    const model = parseTemplate(templateText({ resources: [{ type: 'A/b', name: 'x', properties: { copy } }] }));
    const properties = objectAt(model.resources[0]?.node ?? model.root.node, 'properties');
    expect(properties.properties.map((p) => p.key)).toEqual(['copy']);
  });
});
