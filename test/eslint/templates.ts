/** Small templates for the ESLint plugin's tests, with the positions the tests assert written out. */

const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

/**
 * An ARM template with comments around one scale set. Line 6 is `apiVersion` (value at column 21),
 * line 5 the `type` (value at column 15); `before` lines go right above the apiVersion line.
 */
export function armScaleSet(options: { readonly apiVersion?: string; readonly before?: string; readonly upgradeMode?: string } = {}): string {
  const { apiVersion = '2019-03-01', before, upgradeMode = 'Automatic' } = options;
  return [
    '{',
    `  "$schema": "${SCHEMA}", // deployment template`,
    '  "resources": [',
    '    {',
    '      "type": "Microsoft.Compute/virtualMachineScaleSets",',
    ...(before === undefined ? [] : [`      ${before}`]),
    `      "apiVersion": "${apiVersion}", /* pinned */`,
    '      "name": "web",',
    '      "location": "westeurope",',
    '      "properties": {',
    `        "upgradePolicy": { "mode": "${upgradeMode}" },`,
    '        "virtualMachineProfile": {',
    '          "securityProfile": { "securityType": "TrustedLaunch", "uefiSettings": { "secureBootEnabled": true, "vTpmEnabled": true } },',
    '          "extensionProfile": { "extensions": [ { "name": "GuestAttestation", "properties": { "publisher": "Microsoft.Azure.Security.LinuxAttestation", "type": "GuestAttestation", "typeHandlerVersion": "1.0" } } ] },',
    '          "storageProfile": { "imageReference": { "publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-lts-gen2", "version": "latest" } }',
    '        }',
    '      }',
    '    },',
    '  ],',
    '}',
    '',
  ].join('\n');
}

/** A Bicep scale set: line 3 declares it (the apiVersion at column 58), `before` lines go above it. */
export function bicepScaleSet(options: { readonly apiVersion?: string; readonly before?: string; readonly sku?: string } = {}): string {
  const { apiVersion = '2019-03-01', before, sku = '22_04-lts-gen2' } = options;
  return [
    '// web tier',
    'param location string = resourceGroup().location',
    ...(before === undefined ? [] : [before]),
    `resource vmss 'Microsoft.Compute/virtualMachineScaleSets@${apiVersion}' = {`,
    "  name: 'web'",
    '  location: location',
    '  properties: {',
    "    upgradePolicy: { mode: 'Automatic' }",
    '    virtualMachineProfile: {',
    "      securityProfile: { securityType: 'TrustedLaunch', uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } }",
    "      extensionProfile: { extensions: [ { name: 'GuestAttestation', properties: { publisher: 'Microsoft.Azure.Security.LinuxAttestation', type: 'GuestAttestation', typeHandlerVersion: '1.0' } } ] }",
    `      storageProfile: { imageReference: { publisher: 'Canonical', offer: 'UbuntuServer', sku: '${sku}', version: 'latest' } }`,
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');
}
