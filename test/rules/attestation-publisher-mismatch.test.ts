import { describe, expect, it } from 'vitest';
import { lintWithRule } from './harness.js';
import { fixtureTests } from './fixtures.js';
import { ruleTester, template } from './harness.js';

/** A VM whose OS is told by `storage` / `osProfile`, with a GuestAttestation extension from `publisher`. */
const vm = (publisher: string, storage: string, extra = '') =>
  template(`[
    {
      "type": "Microsoft.Compute/virtualMachines",
      "apiVersion": "2024-07-01",
      "name": "vm1",
      "properties": {
        "storageProfile": ${storage}${extra}
      },
      "resources": [
        {
          "type": "extensions",
          "apiVersion": "2024-07-01",
          "name": "GuestAttestation",
          "properties": { "publisher": ${publisher}, "type": "GuestAttestation" }
        }
      ]
    }
  ]`);

const ubuntu = '{ "imageReference": { "publisher": "Canonical", "offer": "ubuntu-24_04-lts", "sku": "server", "version": "latest" } }';
const windowsDisk = '{ "osDisk": { "osType": "Windows", "createOption": "Attach" } }';

const vmss = (publisher: string) =>
  template(`[
    {
      "type": "Microsoft.Compute/virtualMachineScaleSets",
      "apiVersion": "2024-07-01",
      "name": "web",
      "properties": {
        "virtualMachineProfile": {
          "osProfile": { "computerNamePrefix": "web", "linuxConfiguration": {} },
          "extensionProfile": {
            "extensions": [ { "name": "GuestAttestation", "properties": { "publisher": ${publisher}, "type": "GuestAttestation" } } ]
          }
        }
      }
    }
  ]`);

ruleTester('attestation-publisher-mismatch', {
  valid: [
    { name: 'Linux publisher on an Ubuntu image', code: vm('"Microsoft.Azure.Security.LinuxAttestation"', ubuntu) },
    { name: 'Windows publisher on a Windows OS disk, any case', code: vm('"microsoft.azure.security.windowsattestation"', windowsDisk) },
    { name: 'an OS that cannot be told is not checked', code: vm('"Microsoft.Azure.Security.WindowsAttestation"', '{ "imageReference": { "id": "[parameters(\'image\')]" } }') },
    { name: 'an unknown publisher is not checked', code: vm('"[reference(\'x\').publisher]"', ubuntu) },
    { name: 'Linux scale set with the Linux publisher', code: vmss('"Microsoft.Azure.Security.LinuxAttestation"') },
  ],
  invalid: [
    {
      name: 'Windows publisher on an Ubuntu VM',
      code: vm('"Microsoft.Azure.Security.WindowsAttestation"', ubuntu),
      errors: [{ messageId: 'otherOs', line: 17, column: 40, endLine: 17, endColumn: 85 }],
      output: vm('"Microsoft.Azure.Security.LinuxAttestation"', ubuntu),
    },
    {
      name: 'Linux publisher on a Windows OS disk',
      code: vm('"Microsoft.Azure.Security.LinuxAttestation"', windowsDisk),
      errors: [{ messageId: 'otherOs', line: 17, column: 40, endLine: 17, endColumn: 83 }],
      output: vm('"Microsoft.Azure.Security.WindowsAttestation"', windowsDisk),
    },
    {
      name: 'a publisher that does not publish GuestAttestation',
      code: vmss('"Microsoft.Azure.Security"'),
      errors: [{ messageId: 'notAttestation', line: 13, column: 88, endLine: 13, endColumn: 114 }],
      output: vmss('"Microsoft.Azure.Security.LinuxAttestation"'),
    },
    {
      name: 'a publisher from a variable: unsafe fix at the variable',
      code: vm('"[variables(\'publisher\')]"', ubuntu).replace(
        '"resources"',
        '"variables": { "publisher": "Microsoft.Azure.Security.WindowsAttestation" },\n  "resources"',
      ),
      errors: [{ messageId: 'otherOs', line: 18, column: 40, endLine: 18, endColumn: 66 }],
      output: null,
      unsafeOutput: vm('"[variables(\'publisher\')]"', ubuntu).replace(
        '"resources"',
        '"variables": { "publisher": "Microsoft.Azure.Security.LinuxAttestation" },\n  "resources"',
      ),
    },
  ],
});

fixtureTests('attestation-publisher-mismatch', [
  { file: 'multi-vm-lb-zones.json', findings: [] },
  { file: 'vm-trustedlaunch-linux-windows-publisher.json', findings: ['otherOs@190:22'] },
  { file: 'vm-trustedlaunch-linux.bicep', findings: [] },
  { file: 'vm-trustedlaunch-linux-windows-publisher.bicep', findings: ['otherOs@243:16'] },
]);

describe('attestation-publisher-mismatch messages', () => {
  it('relates a publisher from a variable to the variable, by its declared name', async () => {
    const code = vm('"[variables(\'gaPublisher\')]"', ubuntu).replace('"resources"', '"variables": { "gaPublisher": "Microsoft.Azure.Security.WindowsAttestation" },\n  "resources"');
    const [message] = (await lintWithRule('attestation-publisher-mismatch', { name: 'related', code })).messages;
    expect(message?.related?.map((r) => `${r.message}@${String(r.line)}:${String(r.column)}`)).toEqual(["the publisher comes from the variable 'gaPublisher' here@4:33"]);
    expect(message?.suggestions?.map((s) => s.desc)).toEqual(["Change the variable 'gaPublisher' to Microsoft.Azure.Security.LinuxAttestation"]);
  });
});
