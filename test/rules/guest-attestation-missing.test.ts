import { fixtureTests } from './fixtures.js';
import { ruleTester, template } from './harness.js';

const trustedLaunch = '"securityProfile": { "securityType": "TrustedLaunch", "uefiSettings": { "secureBootEnabled": true, "vTpmEnabled": true } }';

const vm = (storage: string, resources = '') =>
  template(`[
    {
      "type": "Microsoft.Compute/virtualMachines",
      "apiVersion": "2024-07-01",
      "name": "vm1",
      "location": "[parameters('location')]",
      "properties": {
        ${trustedLaunch},
        "storageProfile": ${storage}
      }
    }${resources}
  ]`);

const windows = '{ "imageReference": { "publisher": "MicrosoftWindowsServer", "offer": "WindowsServer", "sku": "2022-datacenter-azure-edition", "version": "latest" } }';
const unknownImage = '{ "imageReference": { "id": "[parameters(\'image\')]" } }';

const vmss = (extensionProfile: string) =>
  template(`[
    {
      "type": "Microsoft.Compute/virtualMachineScaleSets",
      "apiVersion": "2024-07-01",
      "name": "web",
      "properties": {
        "virtualMachineProfile": {
          ${trustedLaunch},
          "osProfile": { "computerNamePrefix": "web", "linuxConfiguration": {} }${extensionProfile}
        }
      }
    }
  ]`);

const attestationResource = `,
    {
      "type": "Microsoft.Compute/virtualMachines/extensions",
      "apiVersion": "2024-07-01",
      "name": "vm1/GuestAttestation",
      "properties": { "publisher": "Microsoft.Azure.Security.WindowsAttestation", "type": "GuestAttestation" }
    }`;

/** The extension properties the fix writes, at `indent`. */
const attestationProperties = (publisher: string, indent: string) =>
  `{
  "publisher": "Microsoft.Azure.Security.${publisher}Attestation",
  "type": "GuestAttestation",
  "typeHandlerVersion": "1.0",
  "autoUpgradeMinorVersion": true,
  "enableAutomaticUpgrade": true,
  "settings": {
    "AttestationConfig": {
      "MaaSettings": {
        "maaEndpoint": "",
        "maaTenantName": "GuestAttestation"
      }
    }
  }
}`.replaceAll('\n', `\n${indent}`);

ruleTester('guest-attestation-missing', {
  valid: [
    { name: 'a VM with a top-level GuestAttestation extension', code: vm(windows, attestationResource) },
    {
      name: 'a scale set with the extension in its profile',
      code: vmss(
        ',\n          "extensionProfile": { "extensions": [ { "name": "ga", "properties": { "publisher": "Microsoft.Azure.Security.LinuxAttestation", "type": "GuestAttestation" } } ] }',
      ),
    },
    { name: 'Secure Boot off: attestation cannot run, nothing to recommend', code: vm(windows).replace('"secureBootEnabled": true', '"secureBootEnabled": false') },
    { name: 'Standard security', code: vm(windows).replace('"securityType": "TrustedLaunch"', '"securityType": "Standard"') },
    { name: 'extensions from an expression that cannot be evaluated', code: vmss(',\n          "extensionProfile": { "extensions": "[parameters(\'extensions\')]" }') },
  ],
  invalid: [
    {
      name: 'a scale set with an extensionProfile gets an entry there',
      code: vmss(',\n          "extensionProfile": {\n            "extensions": []\n          }'),
      errors: [{ messageId: 'missing', line: 6, column: 15, endLine: 6, endColumn: 58 }],
      output: null,
      unsafeOutput: vmss(
        `,\n          "extensionProfile": {\n            "extensions": [\n              {\n                "name": "GuestAttestation",\n                "properties": ${attestationProperties('Linux', '                ')}\n              }\n            ]\n          }`,
      ),
    },
    {
      name: 'a scale set without extensionProfile gets a child resource',
      code: vmss(''),
      errors: [{ messageId: 'missing', line: 6, column: 15, endLine: 6, endColumn: 58 }],
      output: null,
      unsafeOutput: vmss('').replace(
        '      }\n    }\n  ]',
        `      }
    },
    {
      "type": "Microsoft.Compute/virtualMachineScaleSets/extensions",
      "apiVersion": "2024-07-01",
      "name": "[format('{0}/{1}', 'web', 'GuestAttestation')]",
      "dependsOn": [
        "[resourceId('Microsoft.Compute/virtualMachineScaleSets', 'web')]"
      ],
      "properties": ${attestationProperties('Linux', '      ')}
    }
  ]`,
      ),
    },
    {
      name: 'a VM gets a child resource with its location',
      code: vm(windows),
      errors: [{ messageId: 'missing', line: 6, column: 15, endLine: 6, endColumn: 50 }],
      unsafeOutput: vm(
        windows,
        `,
    {
      "type": "Microsoft.Compute/virtualMachines/extensions",
      "apiVersion": "2024-07-01",
      "name": "[format('{0}/{1}', 'vm1', 'GuestAttestation')]",
      "location": "[parameters('location')]",
      "dependsOn": [
        "[resourceId('Microsoft.Compute/virtualMachines', 'vm1')]"
      ],
      "properties": ${attestationProperties('Windows', '      ')}
    }`,
      ),
    },
    {
      name: 'an OS that cannot be told: no fix, and the message says so',
      code: vm(unknownImage),
      errors: [{ messageId: 'missingUnknownOs', line: 6, column: 15, endLine: 6, endColumn: 50 }],
      unsafeOutput: null,
    },
  ],
});

fixtureTests('guest-attestation-missing', [
  { file: 'vmss-azure-files-linux.json', findings: ['missingOverridable@151:15'] },
  { file: 'vmss-windows-app-gateway.json', findings: ['missingOverridable@121:15'] },
  { file: 'vm-simple-windows.json', findings: [] },
  { file: 'vmss-azure-files-linux.bicep', findings: ['missingOverridable@175:15'] },
]);
