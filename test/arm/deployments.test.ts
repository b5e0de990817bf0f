import { describe, expect, it } from 'vitest';
import { SCHEMA, nodeAt, parseTemplate, templateText } from './helpers.js';

const nestedHeader = { $schema: SCHEMA, contentVersion: '1.0.0.0' };

const text = templateText({
  parameters: { securityType: { type: 'string', defaultValue: 'TrustedLaunch' } },
  variables: { v: 'parent-var' },
  resources: [
    {
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2022-09-01',
      name: 'innerDeployment',
      properties: {
        expressionEvaluationOptions: { scope: 'Inner' },
        mode: 'Incremental',
        parameters: {
          ST: { value: "[parameters('securityType')]" },
          kv: { reference: { keyVault: { id: '/subscriptions/x' }, secretName: 's' } },
        },
        template: {
          ...nestedHeader,
          parameters: {
            st: { type: 'string', defaultValue: 'Standard' },
            kv: { type: 'string', defaultValue: 'from-default' },
            unbound: { type: 'string', defaultValue: 'from-default' },
          },
          variables: { v: 'inner-var' },
          resources: [
            {
              type: 'Microsoft.Compute/virtualMachineScaleSets',
              name: "[parameters('st')]",
              properties: { variable: "[variables('v')]", kv: "[parameters('kv')]", unbound: "[parameters('unbound')]" },
            },
          ],
        },
      },
    },
    {
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2022-09-01',
      name: 'outerDeployment',
      properties: {
        mode: 'Incremental',
        template: {
          ...nestedHeader,
          resources: [
            {
              type: 'Microsoft.Compute/virtualMachines',
              name: "[parameters('securityType')]",
              properties: { variable: "[variables('v')]" },
            },
          ],
        },
      },
    },
    {
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2022-09-01',
      name: 'linked',
      properties: { mode: 'Incremental', templateLink: { uri: 'https://example.com/t.json' } },
    },
  ],
});

describe('nested deployments', () => {
  const model = parseTemplate(text);
  const [inner, vmss, outer, vm, linked] = model.resources;
  if (!inner || !vmss || !outer || !vm || !linked) throw new Error('expected five resources');

  it('their resources are in the model, in source order, with their own deployment', () => {
    expect(model.resources.map((r) => r.type)).toEqual([
      'Microsoft.Resources/deployments',
      'Microsoft.Compute/virtualMachineScaleSets',
      'Microsoft.Resources/deployments',
      'Microsoft.Compute/virtualMachines',
      'Microsoft.Resources/deployments',
    ]);
    expect(model.root.resources).toEqual([inner, outer, linked]);
    expect(vmss.deployment.parent).toBe(model.root);
    expect(vmss.deployment.holder).toBe(inner);
    expect(vmss.deployment.node).toBe(nodeAt(inner.node, 'properties.template'));
    expect(vmss.deployment.resources).toEqual([vmss]);
    expect(vmss.parent).toBeUndefined();
    expect(vm.deployment.holder).toBe(outer);
    expect(inner.children).toEqual([]);
  });

  it('inner scope: parameters come from the deployment, evaluated in the parent scope', () => {
    const evaluator = vmss.deployment.evaluator;
    const properties = nodeAt(vmss.node, 'properties');
    expect(vmss.name && evaluator.node(vmss.name)).toMatchObject({ kind: 'known', value: 'TrustedLaunch' });
    expect(evaluator.node(nodeAt(properties, 'variable'))).toMatchObject({ kind: 'known', value: 'inner-var' });
    expect(evaluator.node(nodeAt(properties, 'unbound'))).toMatchObject({ kind: 'known', value: 'from-default' });
    expect(evaluator.node(nodeAt(properties, 'kv')).kind).toBe('unknown');
  });

  it('outer scope (the default): expressions use the parent parameters and variables', () => {
    const evaluator = vm.deployment.evaluator;
    expect(vm.name && evaluator.node(vm.name)).toMatchObject({ kind: 'known', value: 'TrustedLaunch' });
    expect(evaluator.node(nodeAt(vm.node, 'properties.variable'))).toMatchObject({ kind: 'known', value: 'parent-var' });
  });

  it('a linked template is only a resource', () => {
    expect(model.resources.filter((r) => r.deployment.holder === linked)).toEqual([]);
  });
});

describe('deployment parameters that are not written one by one', () => {
  function nestedName(properties: Record<string, unknown>, variables: Record<string, unknown> = {}) {
    const model = parseTemplate(
      templateText({
        variables,
        resources: [
          {
            type: 'Microsoft.Resources/deployments',
            name: 'd',
            properties: {
              expressionEvaluationOptions: { scope: 'inner' },
              ...properties,
              template: {
                ...nestedHeader,
                parameters: { p: { type: 'string', defaultValue: 'from-default' } },
                resources: [{ type: 'Microsoft.Compute/virtualMachines', name: "[parameters('p')]" }],
              },
            },
          },
        ],
      }),
    );
    const vm = model.resources[1];
    if (vm?.name === undefined) throw new Error('vm');
    return vm.deployment.evaluator.node(vm.name);
  }

  it('a parametersLink makes every parameter unknown', () => {
    expect(nestedName({ parametersLink: { uri: 'https://example.com/p.json' } }).kind).toBe('unknown');
  });

  it('parameters given as one expression are evaluated and read', () => {
    expect(nestedName({ parameters: "[variables('all')]" }, { all: { P: { value: 'from-variable' } } })).toMatchObject({
      kind: 'known',
      value: 'from-variable',
    });
  });

  it('no parameters: the default is used', () => {
    expect(nestedName({})).toMatchObject({ kind: 'known', value: 'from-default' });
  });
});
