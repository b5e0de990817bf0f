import { fixtureTests } from './fixtures.js';
import { vmTemplate, ruleTester, template } from './harness.js';

const vmss = (virtualMachineProfile: string, apiVersion = '2024-07-01') =>
  template(`[
    {
      "type": "Microsoft.Compute/virtualMachineScaleSets",
      "apiVersion": "${apiVersion}",
      "name": "web",
      "properties": {
        "virtualMachineProfile": ${virtualMachineProfile}
      }
    }
  ]`);

const vm = vmTemplate;

const trustedLaunch = '{ "securityType": "TrustedLaunch", "uefiSettings": { "secureBootEnabled": true, "vTpmEnabled": true } }';

ruleTester('security-type-not-trusted-launch', {
  valid: [
    { name: 'scale set with Trusted Launch', code: vmss(`{ "securityProfile": ${trustedLaunch} }`) },
    { name: 'VM with Trusted Launch', code: vm(`{ "securityProfile": ${trustedLaunch} }`) },
    { name: 'ConfidentialVM passes', code: vm('{ "securityProfile": { "securityType": "ConfidentialVM" } }') },
    { name: 'case-insensitive property names', code: vm('{ "SecurityProfile": { "SecurityType": "trustedlaunch" } }') },
    {
      name: 'parameter default TrustedLaunch',
      code: vm('{ "securityProfile": { "securityType": "[parameters(\'st\')]" } }', '{ "st": { "type": "string", "defaultValue": "TrustedLaunch" } }'),
    },
    {
      name: 'unknown value is not reported',
      code: vm('{ "securityProfile": { "securityType": "[reference(\'x\').securityType]" } }'),
    },
    {
      name: 'existing resources are not deployed by this template',
      code: template('{ "vm": { "type": "Microsoft.Compute/virtualMachines", "apiVersion": "2024-07-01", "name": "vm1", "existing": true } }').replace(
        '"contentVersion"',
        '"languageVersion": "2.0",\n  "contentVersion"',
      ),
    },
  ],
  invalid: [
    {
      name: 'scale set without securityProfile',
      code: vmss('{\n          "storageProfile": {}\n        }'),
      errors: [{ messageId: 'missingProfile', line: 6, column: 15, endLine: 6, endColumn: 58 }],
      output: vmss(
        '{\n          "storageProfile": {},\n          "securityProfile": {\n            "securityType": "TrustedLaunch",\n            "uefiSettings": {\n              "secureBootEnabled": true,\n              "vTpmEnabled": true\n            }\n          }\n        }',
      ),
    },
    {
      name: 'securityProfile without securityType keeps encryptionAtHost',
      code: vm('{\n        "securityProfile": {\n          "encryptionAtHost": true\n        }\n      }'),
      errors: [{ messageId: 'missingType', line: 10, column: 28, endLine: 12, endColumn: 10 }],
      output: vm(
        '{\n        "securityProfile": {\n          "encryptionAtHost": true,\n          "securityType": "TrustedLaunch",\n          "uefiSettings": {\n            "secureBootEnabled": true,\n            "vTpmEnabled": true\n          }\n        }\n      }',
      ),
    },
    {
      name: 'literal Standard',
      code: vm('{ "securityProfile": { "securityType": "Standard" } }'),
      errors: [{ messageId: 'notTrustedLaunch', line: 9, column: 60, endLine: 9, endColumn: 70 }],
      // jsonc-parser formats the lines an insertion touches: the one-line object is opened up.
      output: vm(
        '{ "securityProfile": {\n          "securityType": "TrustedLaunch",\n          "uefiSettings": {\n            "secureBootEnabled": true,\n            "vTpmEnabled": true\n          }\n        } }',
      ),
    },
    {
      name: 'Standard from a parameter default: related to the default, unsafe fix there',
      code: vm('{ "securityProfile": { "securityType": "[parameters(\'st\')]" } }', '{ "st": { "type": "string", "defaultValue": "Standard" } }'),
      errors: [{ messageId: 'notTrustedLaunch', line: 10, column: 60 }],
      output: null,
      unsafeOutput: vm('{ "securityProfile": { "securityType": "[parameters(\'st\')]" } }', '{ "st": { "type": "string", "defaultValue": "TrustedLaunch" } }'),
    },
    {
      name: 'Standard from a variable',
      code: template(
        '[ { "type": "Microsoft.Compute/virtualMachines", "apiVersion": "2024-07-01", "name": "vm1", "properties": { "securityProfile": "[variables(\'profile\')]" } } ]',
      ).replace('"resources"', '"variables": { "profile": { "securityType": "Standard" } },\n  "resources"'),
      errors: [{ messageId: 'notTrustedLaunch', line: 4, column: 47 }],
    },
  ],
});

fixtureTests('security-type-not-trusted-launch', [
  { file: 'decrypt-vmss-linux.json', findings: ['missingProfile@41:15'] },
  { file: 'vm-simple-windows.json', findings: [] },
  { file: 'vm-simple-windows.bicep', findings: [] },
]);
