import { describe, expect, it } from 'vitest';
import { fixtureTests } from './fixtures.js';
import { lintWithRule, ruleTester, template } from './harness.js';

const scaleSet = (imageReference: string, parameters = '') =>
  template(
    `[
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
  ]`,
    parameters,
  );

const vm = (imageReference: string) =>
  template(`[
    {
      "type": "Microsoft.Compute/virtualMachines",
      "apiVersion": "2024-07-01",
      "name": "vm1",
      "properties": {
        "storageProfile": { "imageReference": ${imageReference} }
      }
    }
  ]`);

const windows = (sku: string, version = 'latest') =>
  `{ "publisher": "MicrosoftWindowsServer", "offer": "WindowsServer", "sku": "${sku}", "version": "${version}" }`;

ruleTester('gen1-image', {
  valid: [
    { name: 'a Generation 2 SKU', code: scaleSet(windows('2019-datacenter-gensecond')) },
    { name: 'a Gen2-only image', code: vm('{ "publisher": "Canonical", "offer": "ubuntu-24_04-lts", "sku": "server", "version": "latest" }') },
    { name: 'an image the table does not list', code: scaleSet('{ "publisher": "contoso", "offer": "app", "sku": "v1", "version": "latest" }') },
    { name: 'a SKU parameter without a value', code: scaleSet(windows("[parameters('sku')]"), '{ "sku": { "type": "string" } }') },
    {
      name: 'allowed values without a default are chosen at deployment',
      code: scaleSet(windows("[parameters('sku')]"), '{ "sku": { "type": "string", "allowedValues": ["2019-Datacenter", "2019-datacenter-gensecond"] } }'),
    },
    { name: 'a gallery image id', code: vm('{ "id": "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/i" }') },
  ],
  invalid: [
    {
      name: 'scale set with a Gen1 SKU: unsafe swap to the Gen2 SKU',
      code: scaleSet(windows('2019-Datacenter')),
      errors: [{ messageId: 'gen1ScaleSet', line: 11, column: 123, endLine: 11, endColumn: 140 }],
      output: null,
      unsafeOutput: scaleSet(windows('2019-datacenter-gensecond')),
    },
    {
      name: 'property names and publisher compare case-insensitively',
      code: scaleSet('{ "Publisher": "canonical", "Offer": "UbuntuServer", "SKU": "18.04-LTS" }'),
      errors: [{ messageId: 'gen1ScaleSet', line: 11, column: 109 }],
      unsafeOutput: scaleSet('{ "Publisher": "canonical", "Offer": "UbuntuServer", "SKU": "18_04-lts-gen2" }'),
    },
    {
      name: 'a pinned version belongs to the Gen1 SKU and becomes latest',
      code: scaleSet(windows('2016-Datacenter', '14393.6452.231109')),
      errors: [{ messageId: 'gen1ScaleSet', line: 11, column: 123 }],
      unsafeOutput: scaleSet(windows('2016-datacenter-gensecond')),
    },
    {
      name: 'SKU from a parameter default: related to the default, fixed there',
      code: scaleSet(windows("[parameters('sku')]"), '{ "sku": { "type": "string", "defaultValue": "2019-Datacenter", "allowedValues": ["2019-Datacenter", "2019-datacenter-gensecond"] } }'),
      errors: [{ messageId: 'gen1ScaleSet', line: 12, column: 123 }],
      output: null,
      unsafeOutput: scaleSet(
        windows("[parameters('sku')]"),
        '{ "sku": { "type": "string", "defaultValue": "2019-datacenter-gensecond", "allowedValues": ["2019-Datacenter", "2019-datacenter-gensecond"] } }',
      ),
    },
    {
      name: 'VM: no fix, the in-place Gen1 upgrade path instead',
      code: vm(windows('2019-Datacenter')),
      errors: [{ messageId: 'gen1Vm', line: 10, column: 121 }],
      output: null,
      unsafeOutput: null,
    },
    {
      name: 'VM in new mode: nothing to upgrade, swap the SKU',
      code: vm(windows('2022-datacenter')),
      mode: 'new',
      errors: [{ messageId: 'gen1New', line: 10, column: 121 }],
      unsafeOutput: vm(windows('2022-datacenter-g2')),
    },
    {
      name: 'Windows Server 2012 R2 has no Trusted Launch target',
      code: scaleSet(windows('2012-R2-Datacenter')),
      errors: [{ messageId: 'osNotSupported', line: 11, column: 123 }],
      unsafeOutput: null,
    },
    {
      name: 'no Generation 2 SKU is known',
      code: scaleSet('{ "publisher": "RedHat", "offer": "RHEL", "sku": "9_4" }'),
      errors: [{ messageId: 'noGen2Known', line: 11, column: 98 }],
      unsafeOutput: null,
    },
    {
      name: 'an image reference in a variable is fixed in the variable',
      code: scaleSet('"[variables(\'image\')]"').replace('"resources"', `"variables": { "image": ${windows('2016-Datacenter')} },\n  "resources"`),
      errors: [{ messageId: 'gen1ScaleSet', line: 4, column: 101 }],
      unsafeOutput: scaleSet('"[variables(\'image\')]"').replace('"resources"', `"variables": { "image": ${windows('2016-datacenter-gensecond')} },\n  "resources"`),
    },
    {
      name: "no scale set fix when a VM shares the SKU: an existing VM's image must not change",
      code: template(`[
    { "type": "Microsoft.Compute/virtualMachineScaleSets", "apiVersion": "2024-07-01", "name": "web", "properties": { "virtualMachineProfile": { "storageProfile": { "imageReference": "[variables('image')]" } } } },
    { "type": "Microsoft.Compute/virtualMachines", "apiVersion": "2024-07-01", "name": "jump", "properties": { "storageProfile": { "imageReference": "[variables('image')]" } } }
  ]`).replace('"resources"', `"variables": { "image": ${windows('2019-Datacenter')} },\n  "resources"`),
      errors: [
        { messageId: 'gen1ScaleSet', line: 4, column: 101 },
        { messageId: 'gen1Vm', line: 4, column: 101 },
      ],
      unsafeOutput: null,
    },
  ],
});

describe('gen1-image levels and messages', () => {
  it('rests on an uncertain table entry: a warning that says so', async () => {
    const result = await lintWithRule('gen1-image', { name: 'uncertain', code: vm('{ "publisher": "MicrosoftWindowsDesktop", "offer": "Windows-10", "sku": "win10-22h2-ent" }') });
    expect(result.messages.map((m) => [m.messageId, m.severity])).toEqual([['gen1Vm', 1]]);
    expect(result.messages[0]?.message).toContain('not verified');
  });

  it('names the Gen2 SKU, the OS-disk loss and the convention caveat', async () => {
    const result = await lintWithRule('gen1-image', { name: 'convention', code: scaleSet(windows('2019-Datacenter-smalldisk')) });
    expect(result.messages.map((m) => m.severity)).toEqual([2]);
    expect(result.messages[0]?.message).toBe(
      "The scale set 'web' uses MicrosoftWindowsServer:WindowsServer:2019-Datacenter-smalldisk, a Generation 1 image of Windows Server 2019: Trusted Launch boots Generation 2 images only. Switching to the Generation 2 SKU '2019-datacenter-smalldisk-g2' recreates the OS disk of every instance, and the data on it is lost. The Generation 2 SKU name follows Microsoft's naming convention: confirm it with `az vm image show --urn MicrosoftWindowsServer:WindowsServer:2019-datacenter-smalldisk-g2:latest`.",
    );
    expect(result.messages[0]?.suggestions?.map((s) => s.desc)).toEqual([
      "Switch the image SKU to 2019-datacenter-smalldisk-g2 (recreates every instance's OS disk; the data on it is lost)",
    ]);
  });

  it('relates a SKU from a parameter default to the default', async () => {
    const code = scaleSet(windows("[parameters('sku')]"), '{ "sku": { "type": "string", "defaultValue": "2019-Datacenter" } }');
    const result = await lintWithRule('gen1-image', { name: 'default', code });
    expect(result.messages[0]?.related?.map((r) => [r.message, r.line, r.column])).toEqual([["the image SKU comes from the parameter 'sku' here", 4, 62]]);
  });

  it('points a VM at the Gen1 to Trusted Launch upgrade article', async () => {
    const result = await lintWithRule('gen1-image', { name: 'vm', code: vm(windows('2019-Datacenter')) });
    expect(result.messages[0]?.message).toContain('https://learn.microsoft.com/azure/virtual-machines/trusted-launch-existing-vm-gen-1');
  });
});

fixtureTests('gen1-image', [
  { file: 'vmss-win-existing-vnet.json', findings: ['gen1ScaleSet@84:22'] },
  { file: 'vm-secure-password.json', findings: ['gen1Vm@190:20'] },
  { file: 'netapp-ontap-sql-jump-vm.json', findings: ['osNotSupported@124:20'] },
  { file: 'vm-push-certificate-windows.bicep', findings: ['gen1Vm@124:14'] },
]);
