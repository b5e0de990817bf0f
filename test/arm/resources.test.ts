import { describe, expect, it } from 'vitest';
import { SCHEMA, parseTemplate, templateText, textOf } from './helpers.js';

const arrayForm = templateText({
  parameters: { vmssName: { type: 'string', defaultValue: 'vmss' } },
  resources: [
    {
      type: 'Microsoft.Compute/virtualMachineScaleSets',
      apiVersion: '2019-03-01',
      name: "[parameters('vmssName')]",
      condition: "[equals(parameters('vmssName'), 'vmss')]",
      copy: { name: 'scaleSets', count: 2 },
      metadata: { 'tl-lint-disable': ['manual-upgrade-policy'] },
      properties: {},
      resources: [
        {
          type: 'extensions',
          apiVersion: '2022-03-01',
          name: 'GuestAttestation',
          dependsOn: ["[resourceId('Microsoft.Compute/virtualMachineScaleSets', parameters('vmssName'))]"],
          resources: [{ type: 'things', name: 'deep' }],
        },
        { type: 'Microsoft.Compute/virtualMachineScaleSets/extensions', name: 'full' },
      ],
    },
    { type: 'Microsoft.Network/virtualNetworks', name: 'vnet' },
  ],
});

describe('resources as an array', () => {
  const model = parseTemplate(arrayForm);

  it('every resource, nested children included, in source order, with full types', () => {
    expect(model.resources.map((r) => r.type)).toEqual([
      'Microsoft.Compute/virtualMachineScaleSets',
      'Microsoft.Compute/virtualMachineScaleSets/extensions',
      'Microsoft.Compute/virtualMachineScaleSets/extensions/things',
      'Microsoft.Compute/virtualMachineScaleSets/extensions',
      'Microsoft.Network/virtualNetworks',
    ]);
    expect(model.root.resources).toEqual(model.resources);
    expect(model.language).toBe('arm');
  });

  it('parents and children', () => {
    const [vmss, extension, deep, full, vnet] = model.resources;
    expect(vmss?.parent).toBeUndefined();
    expect(vmss?.children).toEqual([extension, full]);
    expect(extension?.parent).toBe(vmss);
    expect(extension?.children).toEqual([deep]);
    expect(deep?.parent).toBe(extension);
    expect(vnet?.children).toEqual([]);
    expect(model.resources.every((r) => r.deployment === model.root)).toBe(true);
  });

  it('the written fields, with ranges', () => {
    const [vmss, extension] = model.resources;
    if (vmss === undefined || extension === undefined) throw new Error('resources');
    expect(textOf(arrayForm, vmss.typeRange)).toBe('"Microsoft.Compute/virtualMachineScaleSets"');
    expect(textOf(arrayForm, extension.typeRange)).toBe('"extensions"');
    expect(vmss.apiVersion).toMatchObject({ kind: 'literal', value: '2019-03-01' });
    expect(vmss.name).toMatchObject({ kind: 'expression', source: "[parameters('vmssName')]" });
    expect(vmss.condition).toMatchObject({ kind: 'expression' });
    expect(vmss.loop?.name).toBe('scaleSets');
    expect(vmss.loop?.count).toMatchObject({ kind: 'literal', value: 2 });
    expect(vmss.metadata?.properties.map((p) => p.key)).toEqual(['tl-lint-disable']);
    expect(vmss.symbolicName).toBeUndefined();
    expect(vmss.existing).toBe(false);
    expect(extension.dependsOn?.items).toHaveLength(1);
    expect(extension.loop).toBeUndefined();
    expect(extension.condition).toBeUndefined();
  });

  it('evaluates in the root scope', () => {
    const [vmss] = model.resources;
    if (vmss?.name === undefined) throw new Error('name');
    expect(model.root.evaluator.node(vmss.name)).toMatchObject({ kind: 'known', value: 'vmss' });
    expect(vmss.condition && model.root.evaluator.node(vmss.condition)).toMatchObject({ kind: 'known', value: true });
  });
});

describe('resources as an object keyed by symbolic name (languageVersion 2.0)', () => {
  const text = JSON.stringify(
    {
      $schema: SCHEMA,
      languageVersion: '2.0',
      contentVersion: '1.0.0.0',
      resources: {
        vnet: { existing: true, type: 'Microsoft.Network/virtualNetworks', apiVersion: '2023-04-01', name: 'vnet' },
        vmss: {
          type: 'Microsoft.Compute/virtualMachineScaleSets',
          apiVersion: '2024-07-01',
          name: 'vmss',
          dependsOn: ['vnet'],
        },
        skipped: 'not an object',
      },
    },
    null,
    2,
  );
  const model = parseTemplate(text);

  it('symbolic names and existing', () => {
    expect(model.resources.map((r) => [r.symbolicName, r.type, r.existing])).toEqual([
      ['vnet', 'Microsoft.Network/virtualNetworks', true],
      ['vmss', 'Microsoft.Compute/virtualMachineScaleSets', false],
    ]);
    expect(model.resources[1]?.dependsOn?.items[0]).toMatchObject({ value: 'vnet' });
  });
});

describe('a type written as an expression', () => {
  it('is evaluated; an unknown one is empty', () => {
    const model = parseTemplate(
      templateText({
        variables: { t: 'Microsoft.Compute/virtualMachines' },
        resources: [
          { type: "[variables('t')]", name: 'a' },
          { type: '[reference(\'x\').type]', name: 'b' },
          { name: 'no type' },
        ],
      }),
    );
    expect(model.resources.map((r) => r.type)).toEqual(['Microsoft.Compute/virtualMachines', '', '']);
  });
});
