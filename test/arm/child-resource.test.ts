import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../src/model/value.js';
import { SCHEMA, applyEdits, parseTemplate } from './helpers.js';

const body: Readonly<Record<string, JsonValue>> = {
  location: "[parameters('location')]",
  properties: { publisher: 'Microsoft.Azure.Security.LinuxAttestation', type: 'GuestAttestation', typeHandlerVersion: '1.0' },
};

const vmss = {
  type: 'Microsoft.Compute/virtualMachineScaleSets',
  apiVersion: '2024-07-01',
  name: "[parameters('vmssName')]",
  properties: {},
};

function addGuestAttestation(template: Record<string, unknown>, childType = 'extensions'): string | undefined {
  const text = JSON.stringify({ $schema: SCHEMA, contentVersion: '1.0.0.0', ...template }, null, 2);
  const model = parseTemplate(text);
  const parent = model.resources.find((r) => r.type === 'Microsoft.Compute/virtualMachineScaleSets');
  if (parent === undefined) throw new Error('vmss');
  const edits = model.renderer.render([
    { kind: 'add-child-resource', parent, childType, name: 'GuestAttestation', apiVersion: '2024-07-01', body },
  ]);
  return edits === undefined ? undefined : applyEdits(text, edits);
}

describe('add-child-resource', () => {
  it('a top-level resource with the full type, a format() name and a resourceId() dependency', () => {
    expect(addGuestAttestation({ resources: [vmss] })).toBe(`{
  "$schema": "${SCHEMA}",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Compute/virtualMachineScaleSets",
      "apiVersion": "2024-07-01",
      "name": "[parameters('vmssName')]",
      "properties": {}
    },
    {
      "type": "Microsoft.Compute/virtualMachineScaleSets/extensions",
      "apiVersion": "2024-07-01",
      "name": "[format('{0}/{1}', parameters('vmssName'), 'GuestAttestation')]",
      "location": "[parameters('location')]",
      "dependsOn": [
        "[resourceId('Microsoft.Compute/virtualMachineScaleSets', parameters('vmssName'))]"
      ],
      "properties": {
        "publisher": "Microsoft.Azure.Security.LinuxAttestation",
        "type": "GuestAttestation",
        "typeHandlerVersion": "1.0"
      }
    }
  ]
}`);
  });

  it('appended to the parent’s nested resources when it has them (a full child type is shortened)', () => {
    expect(addGuestAttestation({ resources: [{ ...vmss, resources: [] }] }, 'Microsoft.Compute/virtualMachineScaleSets/extensions'))
      .toBe(`{
  "$schema": "${SCHEMA}",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Compute/virtualMachineScaleSets",
      "apiVersion": "2024-07-01",
      "name": "[parameters('vmssName')]",
      "properties": {},
      "resources": [
        {
          "type": "extensions",
          "apiVersion": "2024-07-01",
          "name": "GuestAttestation",
          "location": "[parameters('location')]",
          "dependsOn": [
            "[resourceId('Microsoft.Compute/virtualMachineScaleSets', parameters('vmssName'))]"
          ],
          "properties": {
            "publisher": "Microsoft.Azure.Security.LinuxAttestation",
            "type": "GuestAttestation",
            "typeHandlerVersion": "1.0"
          }
        }
      ]
    }
  ]
}`);
  });

  it('languageVersion 2.0: a new symbolic name that depends on the parent’s', () => {
    const output = addGuestAttestation({
      languageVersion: '2.0',
      resources: { vmss: { ...vmss, name: "it's" }, vmssGuestAttestation: { type: 'A/b', name: 'taken' } },
    });
    expect(output).toContain(`    "vmssGuestAttestation2": {
      "type": "Microsoft.Compute/virtualMachineScaleSets/extensions",
      "apiVersion": "2024-07-01",
      "name": "[format('{0}/{1}', 'it''s', 'GuestAttestation')]",
      "location": "[parameters('location')]",
      "dependsOn": [
        "vmss"
      ],`);
  });

  it.each([
    ['a looped parent', { resources: [{ ...vmss, copy: { name: 'c', count: 2 } }] }, 'extensions'],
    ['a parent without a name', { resources: [{ type: vmss.type, properties: {} }] }, 'extensions'],
    ['a child type of another parent', { resources: [vmss] }, 'Microsoft.Compute/virtualMachines/extensions'],
  ])('refuses %s', (_name, template, childType) => {
    expect(addGuestAttestation(template, childType)).toBeUndefined();
  });
});
