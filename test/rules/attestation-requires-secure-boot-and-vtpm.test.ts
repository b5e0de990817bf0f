import { describe, expect, it } from 'vitest';
import { lintWithRule } from './harness.js';
import { fixtureTests } from './fixtures.js';
import { ruleTester, template } from './harness.js';

const flagParameters = '{ "secureBoot": { "type": "bool", "defaultValue": true }, "vTPM": { "type": "bool", "defaultValue": true } }';

/** A Linux VM with Trusted Launch flags `uefi`, and a top-level GuestAttestation extension with `condition`. */
const vmWithExtension = (uefi: string, condition: string, parameters = flagParameters) =>
  template(
    `[
    {
      "type": "Microsoft.Compute/virtualMachines",
      "apiVersion": "2024-07-01",
      "name": "vm1",
      "location": "westeurope",
      "properties": {
        "securityProfile": { "securityType": "TrustedLaunch", "uefiSettings": ${uefi} },
        "storageProfile": { "osDisk": { "osType": "Linux", "createOption": "FromImage" } }
      }
    },
    {${condition}
      "type": "Microsoft.Compute/virtualMachines/extensions",
      "apiVersion": "2024-07-01",
      "name": "vm1/GuestAttestation",
      "location": "westeurope",
      "properties": { "publisher": "Microsoft.Azure.Security.LinuxAttestation", "type": "GuestAttestation", "typeHandlerVersion": "1.0" },
      "dependsOn": [ "[resourceId('Microsoft.Compute/virtualMachines', 'vm1')]" ]
    }
  ]`,
    parameters,
  );

const fromParameters = '{ "secureBootEnabled": "[parameters(\'secureBoot\')]", "vTpmEnabled": "[parameters(\'vTPM\')]" }';

/** A scale set with the extension in its extensionProfile. */
const vmssWithProfileExtension = (uefi: string) =>
  template(`[
    {
      "type": "Microsoft.Compute/virtualMachineScaleSets",
      "apiVersion": "2024-07-01",
      "name": "web",
      "properties": {
        "virtualMachineProfile": {
          "securityProfile": { "securityType": "TrustedLaunch", "uefiSettings": ${uefi} },
          "extensionProfile": {
            "extensions": [
              { "name": "GuestAttestation", "properties": { "publisher": "Microsoft.Azure.Security.WindowsAttestation", "type": "GuestAttestation" } }
            ]
          }
        }
      }
    }
  ]`);

ruleTester('attestation-requires-secure-boot-and-vtpm', {
  valid: [
    { name: 'both flags on, no condition needed', code: vmWithExtension('{ "secureBootEnabled": true, "vTpmEnabled": true }', '') },
    {
      name: "the Learn snippet's condition and(vTPM, secureBoot)",
      code: vmWithExtension(fromParameters, '\n      "condition": "[and(parameters(\'vTPM\'), parameters(\'secureBoot\'))]",'),
    },
    {
      name: "the full sample's condition on securityType and a variable",
      code: vmWithExtension(
        '"[if(equals(parameters(\'securityType\'), \'TrustedLaunch\'), variables(\'uefi\'), null())]"',
        '\n      "condition": "[and(equals(parameters(\'securityType\'), \'TrustedLaunch\'), and(equals(variables(\'uefi\').secureBootEnabled, true()), equals(variables(\'uefi\').vTpmEnabled, true())))]",',
        '{ "securityType": { "type": "string", "defaultValue": "TrustedLaunch", "allowedValues": [ "Standard", "TrustedLaunch" ] } }',
      ).replace('"resources"', '"variables": { "uefi": { "secureBootEnabled": true, "vTpmEnabled": true } },\n  "resources"'),
    },
    { name: 'an extension that never deploys', code: vmWithExtension('{ "secureBootEnabled": false, "vTpmEnabled": true }', '\n      "condition": false,') },
    {
      name: 'flags from string parameters without allowed values are taken at their defaults',
      code: vmWithExtension(fromParameters, '', '{ "secureBoot": { "type": "string", "defaultValue": "true" }, "vTPM": { "type": "string", "defaultValue": "true" } }'),
    },
    { name: 'other extensions are not checked', code: vmWithExtension('{ "secureBootEnabled": false, "vTpmEnabled": false }', '').replace('"type": "GuestAttestation"', '"type": "CustomScript"') },
  ],
  invalid: [
    {
      name: 'an extensionProfile entry with Secure Boot off: safe fix turns it on',
      code: vmssWithProfileExtension('{ "secureBootEnabled": false, "vTpmEnabled": true }'),
      errors: [{ messageId: 'deploys', line: 14, column: 129, endLine: 14, endColumn: 147 }],
      output: vmssWithProfileExtension('{ "secureBootEnabled": true, "vTpmEnabled": true }'),
    },
    {
      name: 'flags from bool parameters and no condition: the unsafe fix guards the extension',
      code: vmWithExtension(fromParameters, ''),
      errors: [{ messageId: 'canDeploy', line: 17, column: 15, endLine: 17, endColumn: 61 }],
      output: null,
      unsafeOutput: vmWithExtension(fromParameters, '').replace(
        '"dependsOn": [ "[resourceId(\'Microsoft.Compute/virtualMachines\', \'vm1\')]" ]',
        '"dependsOn": [ "[resourceId(\'Microsoft.Compute/virtualMachines\', \'vm1\')]" ],\n      "condition": "[and(parameters(\'secureBoot\'), parameters(\'vTPM\'))]"',
      ),
    },
    {
      name: 'a condition that does not require the flags is joined with them',
      code: vmWithExtension(fromParameters, '\n      "condition": "[parameters(\'deploy\')]",', flagParameters.replace(' }', ', "deploy": { "type": "bool", "defaultValue": true } }')),
      errors: [{ messageId: 'canDeploy', line: 18, column: 15 }],
      output: null,
      unsafeOutput: vmWithExtension(
        fromParameters,
        '\n      "condition": "[and(parameters(\'deploy\'), parameters(\'secureBoot\'), parameters(\'vTPM\'))]",',
        flagParameters.replace(' }', ', "deploy": { "type": "bool", "defaultValue": true } }'),
      ),
    },
    {
      name: 'no uefiSettings at all: both flags are set',
      code: vmWithExtension('null', ''),
      errors: [{ messageId: 'deploys', line: 17, column: 15 }],
      // The renderer writes a new object over several lines.
      output: vmWithExtension('{\n            "secureBootEnabled": true,\n            "vTpmEnabled": true\n          }\n        ', '').replace(' },\n        "storageProfile"', '},\n        "storageProfile"'),
    },
    {
      name: 'vTPM off by a parameter default: the fix edits the default (unsafe)',
      code: vmWithExtension('{ "secureBootEnabled": true, "vTpmEnabled": "[parameters(\'vTPM\')]" }', '', '{ "vTPM": { "type": "string", "defaultValue": "false" } }'),
      errors: [{ messageId: 'deploys', line: 17, column: 15 }],
      output: null,
    },
  ],
});

fixtureTests('attestation-requires-secure-boot-and-vtpm', [
  { file: 'vm-trustedlaunch-linux.json', findings: [] },
  { file: 'vm-trustedlaunch-linux-unguarded.json', findings: ['canDeploy@184:15'] },
  { file: 'vm-simple-windows.json', findings: [] },
  { file: 'load-balancer-standard-create.json', findings: [] },
  { file: 'seed-full-template.json', findings: [] },
  { file: 'vm-trustedlaunch-linux.bicep', findings: [] },
]);

describe('attestation-requires-secure-boot-and-vtpm messages', () => {
  it('names the flags and the parameter value that turns them off, and points at the parameter', async () => {
    const [message] = (await lintWithRule('attestation-requires-secure-boot-and-vtpm', { name: 'message', code: vmWithExtension(fromParameters, '') })).messages;
    expect(message?.message).toBe(
      "The GuestAttestation extension of the VM 'vm1' can deploy without Secure Boot or vTPM (for example when parameter 'vTPM' is false): guest attestation needs Secure Boot and vTPM both on, and its condition does not require them.",
    );
    expect(message?.related?.map((r) => `${r.message}@${String(r.line)}:${String(r.column)}`)).toEqual(["parameter 'vTPM' can be false@4:83"]);
  });

  it('points at the flag that is off in the current deployment', async () => {
    const code = vmWithExtension('{ "secureBootEnabled": true, "vTpmEnabled": false }', '');
    const [message] = (await lintWithRule('attestation-requires-secure-boot-and-vtpm', { name: 'related', code })).messages;
    expect(message?.related?.map((r) => `${r.message}@${String(r.line)}:${String(r.column)}`)).toEqual(['vTpmEnabled is not true here@12:123']);
  });
});
