import { fixtureTests } from './fixtures.js';
import { ruleTester, template } from './harness.js';

const vm = (apiVersion: string, extra = '') =>
  template(`[
    {
      "type": "Microsoft.Compute/virtualMachines",
      "apiVersion": ${apiVersion},
      "name": "vm1"${extra}
    }
  ]`);

ruleTester('api-version-too-old', {
  valid: [
    { name: 'the minimum', code: vm('"2020-12-01"') },
    { name: 'a newer version than the data knows', code: vm('"2030-01-01"') },
    { name: 'other resource types are not checked', code: template('[ { "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2017-03-01", "name": "n" } ]') },
    { name: 'an unknown version expression', code: vm('"[parameters(\'v\')]"'.replace("parameters('v')", "reference('x').apiVersion")) },
  ],
  invalid: [
    {
      name: 'older than 2020-12-01',
      code: vm('"2019-07-01"'),
      errors: [{ messageId: 'tooOld', line: 7, column: 21, endLine: 7, endColumn: 33 }],
      output: vm('"2020-12-01"'),
    },
    {
      name: 'a disks-only version',
      code: vm('"2023-04-02"'),
      errors: [{ messageId: 'notDefined', line: 7, column: 21 }],
      output: vm('"2020-12-01"'),
    },
    {
      name: 'maxSurge needs 2022-11-01',
      code: template(`[
    {
      "type": "Microsoft.Compute/virtualMachineScaleSets",
      "apiVersion": "2019-03-01",
      "name": "web",
      "properties": { "upgradePolicy": { "mode": "Rolling", "rollingUpgradePolicy": { "maxSurge": true } } }
    }
  ]`),
      errors: [{ messageId: 'tooOld', line: 7, column: 21 }],
      output: template(`[
    {
      "type": "Microsoft.Compute/virtualMachineScaleSets",
      "apiVersion": "2022-11-01",
      "name": "web",
      "properties": { "upgradePolicy": { "mode": "Rolling", "rollingUpgradePolicy": { "maxSurge": true } } }
    }
  ]`),
    },
    {
      name: 'targetApiVersion latest',
      code: vm('"2019-07-01"'),
      options: { targetApiVersion: 'latest' },
      errors: [{ messageId: 'tooOld', line: 7, column: 21 }],
      output: vm('"2026-04-01"'),
    },
    {
      name: 'a version from a variable is fixed there, unsafely',
      code: vm('"[variables(\'computeApi\')]"').replace('"resources"', '"variables": { "computeApi": "2019-07-01" },\n  "resources"'),
      errors: [{ messageId: 'tooOld', line: 8, column: 21 }],
      output: null,
      unsafeOutput: vm('"[variables(\'computeApi\')]"').replace('"resources"', '"variables": { "computeApi": "2020-12-01" },\n  "resources"'),
    },
  ],
});

fixtureTests('api-version-too-old', [
  { file: 'vmss-public-ip-linux.json', findings: ['tooOld@169:21'] },
  { file: '1vm-2nics-2subnets-vm.bicep', findings: ['tooOld@13:48'] },
]);
