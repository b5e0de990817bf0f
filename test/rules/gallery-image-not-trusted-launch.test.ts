import { describe, expect, it } from 'vitest';
import { fixtureTests } from './fixtures.js';
import { lintWithRule, ruleTester, template } from './harness.js';

/** A gallery image definition; `extra` holds property lines after `identifier`. */
const definition = (extra: readonly string[], apiVersion = '2022-03-03') =>
  template(`[
    {
      "type": "Microsoft.Compute/galleries/images",
      "apiVersion": "${apiVersion}",
      "name": "gallery/app",
      "location": "westeurope",
      "properties": {
        "osType": "Linux",
        "osState": "Generalized",
        "identifier": { "publisher": "contoso", "offer": "app", "sku": "1" }${extra.map((line) => `,\n        ${line}`).join('')}
      }
    }
  ]`);

const identifier = '"osType": "Linux", "osState": "Generalized", "identifier": { "publisher": "contoso", "offer": "app", "sku": "1" }';

const scaleSetFrom = (imageReference: string) =>
  template(`[
    {
      "type": "Microsoft.Compute/galleries/images",
      "apiVersion": "2022-03-03",
      "name": "gallery/app",
      "location": "westeurope",
      "properties": { ${identifier}, "hyperVGeneration": "V2", "features": [ { "name": "SecurityType", "value": "TrustedLaunchSupported" } ] }
    },
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

ruleTester('gallery-image-not-trusted-launch', {
  valid: [
    { name: 'V2 with TrustedLaunchSupported', code: definition(['"hyperVGeneration": "V2"', '"features": [ { "name": "SecurityType", "value": "TrustedLaunchSupported" } ]']) },
    { name: 'names and values compare case-insensitively', code: definition(['"HyperVGeneration": "v2"', '"Features": [ { "Name": "securitytype", "Value": "trustedlaunch" } ]']) },
    { name: 'a Confidential VM image', code: definition(['"hyperVGeneration": "V2"', '"features": [ { "name": "SecurityType", "value": "ConfidentialVM" } ]']) },
    {
      name: 'features that cannot be evaluated',
      code: definition(['"hyperVGeneration": "V2"', '"features": "[parameters(\'features\')]"']).replace('"resources"', '"parameters": { "features": { "type": "array" } },\n  "resources"'),
    },
    { name: 'a scale set using a definition of this template', code: scaleSetFrom('{ "id": "[resourceId(\'Microsoft.Compute/galleries/images\', \'gallery\', \'app\')]" }') },
    { name: 'a scale set using a version of a definition of this template', code: scaleSetFrom('{ "id": "[resourceId(\'Microsoft.Compute/galleries/images/versions\', \'gallery\', \'app\', \'1.0.0\')]" }') },
    { name: 'a marketplace image', code: scaleSetFrom('{ "publisher": "Canonical", "offer": "ubuntu-24_04-lts", "sku": "server", "version": "latest" }') },
  ],
  invalid: [
    {
      name: 'no hyperVGeneration: Generation 1 by default, no fix',
      code: definition([]),
      errors: [{ messageId: 'notGen2', line: 6, column: 15, endLine: 6, endColumn: 51 }],
      unsafeOutput: null,
    },
    {
      name: 'hyperVGeneration V1',
      code: definition(['"hyperVGeneration": "V1"']),
      errors: [{ messageId: 'notGen2', line: 14, column: 29, endLine: 14, endColumn: 33 }],
      unsafeOutput: null,
    },
    {
      name: 'V2 without features: unsafe fix adds the SecurityType feature',
      code: definition(['"hyperVGeneration": "V2"']),
      errors: [{ messageId: 'noSecurityType', line: 6, column: 15 }],
      output: null,
      unsafeOutput: definition(['"hyperVGeneration": "V2"', '"features": [\n          {\n            "name": "SecurityType",\n            "value": "TrustedLaunchSupported"\n          }\n        ]']),
    },
    {
      name: 'V2 with other features: the SecurityType feature is appended',
      code: definition(['"hyperVGeneration": "V2"', '"features": [ { "name": "IsAcceleratedNetworkSupported", "value": "True" } ]']),
      errors: [{ messageId: 'noSecurityType', line: 15, column: 21 }],
      unsafeOutput: definition([
        '"hyperVGeneration": "V2"',
        '"features": [\n          {\n            "name": "IsAcceleratedNetworkSupported",\n            "value": "True"\n          },\n          {\n            "name": "SecurityType",\n            "value": "TrustedLaunchSupported"\n          }\n        ]',
      ]),
    },
    {
      name: 'ConfidentialVmSupported keeps Confidential VM support',
      code: definition(['"hyperVGeneration": "V2"', '"features": [ { "name": "SecurityType", "value": "ConfidentialVmSupported" } ]']),
      errors: [{ messageId: 'securityTypeNotTrustedLaunch', line: 15, column: 58 }],
      unsafeOutput: definition(['"hyperVGeneration": "V2"', '"features": [ { "name": "SecurityType", "value": "TrustedLaunchAndConfidentialVmSupported" } ]']),
    },
    {
      name: 'upgrade mode on API 2024-03-03 also allows the update of an existing definition',
      code: definition(['"hyperVGeneration": "V2"'], '2024-03-03'),
      errors: [{ messageId: 'noSecurityType', line: 6, column: 15 }],
      unsafeOutput: definition(['"hyperVGeneration": "V2"', '"features": [\n          {\n            "name": "SecurityType",\n            "value": "TrustedLaunchSupported"\n          }\n        ]', '"allowUpdateImage": true'], '2024-03-03'),
    },
    {
      name: 'new mode creates the definition: no allowUpdateImage',
      code: definition(['"hyperVGeneration": "V2"'], '2024-03-03'),
      mode: 'new',
      errors: [{ messageId: 'noSecurityType', line: 6, column: 15 }],
      unsafeOutput: definition(['"hyperVGeneration": "V2"', '"features": [\n          {\n            "name": "SecurityType",\n            "value": "TrustedLaunchSupported"\n          }\n        ]'], '2024-03-03'),
    },
    {
      name: 'a gallery image from outside the template: verify it (info)',
      code: scaleSetFrom('{ "id": "/subscriptions/0000/resourceGroups/images/providers/Microsoft.Compute/galleries/shared/images/base/versions/latest" }'),
      errors: [{ messageId: 'outsideTemplate', line: 18, column: 57 }],
      unsafeOutput: null,
    },
    {
      name: 'a direct shared gallery image',
      code: scaleSetFrom('{ "sharedGalleryImageId": "/SharedGalleries/contoso-images/Images/base/Versions/latest" }'),
      errors: [{ messageId: 'outsideTemplate', line: 18, column: 75 }],
    },
    {
      name: 'a community gallery image',
      code: scaleSetFrom('{ "communityGalleryImageId": "/CommunityGalleries/contoso-1234/Images/base/Versions/latest" }'),
      errors: [{ messageId: 'outsideTemplate', line: 18, column: 78 }],
    },
  ],
});

describe('gallery-image-not-trusted-launch levels and messages', () => {
  it('reports an outside gallery image as info with the command to check it', async () => {
    const code = scaleSetFrom('{ "id": "/subscriptions/0000/resourceGroups/images/providers/Microsoft.Compute/galleries/shared/images/base/versions/latest" }');
    const [message] = (await lintWithRule('gallery-image-not-trusted-launch', { name: 'outside', code })).messages;
    expect(message?.severity).toBe(0);
    expect(message?.message).toBe(
      "The scale set 'web' uses the gallery image 'shared/base/latest', whose definition is not in this template: check that it is Trusted Launch capable (hyperVGeneration V2 and a SecurityType feature of TrustedLaunchSupported, TrustedLaunch or TrustedLaunchAndConfidentialVmSupported) with `az sig image-definition show --gallery-name shared --gallery-image-definition base --resource-group <group>`.",
    );
  });

  it('says why a V1 definition has no fix', async () => {
    const [message] = (await lintWithRule('gallery-image-not-trusted-launch', { name: 'v1', code: definition([]) })).messages;
    expect(message?.severity).toBe(2);
    expect(message?.message).toContain('the generation of an existing definition cannot be changed');
  });
});

fixtureTests('gallery-image-not-trusted-launch', [
  { file: 'shared-image-gallery-with-image-definition.json', findings: ['notGen2@57:15'] },
  { file: 'avd-sig-module.json', findings: ['noSecurityType@93:15'] },
  { file: 'shared-image-gallery-with-image-definition.bicep', findings: ['notGen2@22:16'] },
]);
