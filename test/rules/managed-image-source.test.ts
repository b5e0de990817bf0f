import { describe, expect, it } from 'vitest';
import { fixtureTests } from './fixtures.js';
import { lintWithRule, ruleTester, template } from './harness.js';

const vm = (imageReference: string, parameters = '') =>
  template(
    `[
    {
      "type": "Microsoft.Compute/virtualMachines",
      "apiVersion": "2024-07-01",
      "name": "vm1",
      "properties": {
        "storageProfile": { "imageReference": ${imageReference} }
      }
    }
  ]`,
    parameters,
  );

const scaleSet = (imageReference: string) =>
  template(`[
    {
      "type": "Microsoft.Compute/virtualMachineScaleSets",
      "apiVersion": "2024-07-01",
      "name": "web",
      "properties": {
        "virtualMachineProfile": {
          "storageProfile": { "imageReference": ${imageReference} }
        }
      }
    }
  ]`);

const managedId = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/images/providers/Microsoft.Compute/images/golden';

ruleTester('managed-image-source', {
  valid: [
    { name: 'a marketplace image', code: vm('{ "publisher": "Canonical", "offer": "ubuntu-24_04-lts", "sku": "server", "version": "latest" }') },
    { name: 'a gallery image version id', code: vm(`{ "id": "${managedId.replace('images/golden', 'galleries/g/images/golden/versions/1.0.0')}" }`) },
    { name: 'a gallery image built with resourceId()', code: scaleSet('{ "id": "[resourceId(\'Microsoft.Compute/galleries/images\', \'g\', \'golden\')]" }') },
    { name: 'an id parameter without a value says nothing', code: vm('{ "id": "[parameters(\'imageId\')]" }', '{ "imageId": { "type": "string" } }') },
    { name: 'an image reference that is unknown as a whole', code: vm('"[parameters(\'image\')]"', '{ "image": { "type": "object" } }') },
  ],
  invalid: [
    {
      name: 'a managed image id as text',
      code: vm(`{ "id": "${managedId}" }`),
      errors: [{ messageId: 'managedImage', line: 10, column: 55, endLine: 10, endColumn: 172 }],
      output: null,
    },
    {
      name: 'resourceId() of a managed image (unknown value, decided from the call)',
      code: scaleSet('{ "id": "[resourceId(\'Microsoft.Compute/images\', parameters(\'imageName\'))]" }'),
      errors: [{ messageId: 'managedImage', line: 11, column: 57 }],
    },
    {
      name: 'the type compares case-insensitively, and other subscriptions count',
      code: scaleSet('{ "id": "[resourceId(\'0000\', \'images\', \'microsoft.compute/Images\', \'golden\')]" }'),
      errors: [{ messageId: 'managedImage', line: 11, column: 57 }],
    },
    {
      name: 'a variable that holds the resourceId() call',
      code: vm('{ "id": "[variables(\'imageId\')]" }').replace('"resources"', '"variables": { "imageId": "[resourceId(\'Microsoft.Compute/images\', \'golden\')]" },\n  "resources"'),
      errors: [{ messageId: 'managedImage', line: 11, column: 55 }],
    },
    {
      name: 'an id built with concat()',
      code: vm(
        '{ "id": "[concat(\'/subscriptions/\', subscription().subscriptionId, \'/resourceGroups/\', resourceGroup().name, \'/providers/Microsoft.Compute/images/\', parameters(\'imageName\'))]" }',
      ),
      errors: [{ messageId: 'managedImage', line: 10, column: 55 }],
    },
    {
      name: 'an id built with format()',
      code: vm(
        '{ "id": "[format(\'/subscriptions/{0}/resourceGroups/{1}/providers/Microsoft.Compute/images/{2}\', subscription().subscriptionId, resourceGroup().name, parameters(\'imageName\'))]" }',
      ),
      errors: [{ messageId: 'managedImage', line: 10, column: 55 }],
    },
    {
      name: 'an id from a parameter default',
      code: vm('{ "id": "[parameters(\'imageId\')]" }', `{ "imageId": { "type": "string", "defaultValue": "${managedId}" } }`),
      errors: [{ messageId: 'managedImage', line: 11, column: 55 }],
    },
  ],
});

describe('managed-image-source messages', () => {
  it('names the image and relates a parameter default', async () => {
    const code = vm('{ "id": "[parameters(\'imageId\')]" }', `{ "imageId": { "type": "string", "defaultValue": "${managedId}" } }`);
    const [message] = (await lintWithRule('managed-image-source', { name: 'default', code })).messages;
    expect(message?.message).toBe(
      "The VM 'vm1' is created from the managed image 'golden': Trusted Launch does not support managed images as a source; capture the image into an Azure Compute Gallery image definition with the SecurityType feature TrustedLaunchSupported and use that instead.",
    );
    expect(message?.related?.map((r) => [r.message, r.line])).toEqual([["the image id comes from the parameter 'imageId' here", 4]]);
  });
});

fixtureTests('managed-image-source', [
  { file: 'vm-generalized-vhd-new-or-existing-vnet.json', findings: ['managedImage@243:21'] },
  { file: 'wvd-managed-disks-customvhdvm.bicep', findings: ['managedImage@211:15'] },
]);
