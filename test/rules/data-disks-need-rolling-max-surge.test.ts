import { fixtureTests } from './fixtures.js';
import { ruleTester, template } from './harness.js';

const vmss = (properties: string, apiVersion = '2024-07-01', parameters = '') =>
  template(
    `[
    {
      "type": "Microsoft.Compute/virtualMachineScaleSets",
      "apiVersion": "${apiVersion}",
      "name": "web",
      "properties": ${properties}
    }
  ]`,
    parameters,
  );

const disk = '{ "lun": 0, "createOption": "Empty", "diskSizeGB": 64 }';
const withDisk = `"virtualMachineProfile": { "storageProfile": { "dataDisks": [ ${disk} ] } }`;
const copyLoop =
  '"virtualMachineProfile": { "storageProfile": { "copy": [ { "name": "dataDisks", "count": "[parameters(\'diskCount\')]", "input": { "lun": "[copyIndex(\'dataDisks\')]", "createOption": "Empty" } } ] }, "networkProfile": { "healthProbe": { "id": "probe" } } }';
const healthExtension =
  '"extensionProfile": { "extensions": [ { "name": "health", "properties": { "publisher": "Microsoft.ManagedServices", "type": "ApplicationHealthLinux", "typeHandlerVersion": "1.0" } } ] }';
const seedLike = (allowed: string) =>
  template(
    `[
    {
      "type": "Microsoft.Compute/virtualMachineScaleSets",
      "apiVersion": "2022-11-01",
      "name": "web",
      "properties": {
        "upgradePolicy": {
          "mode": "[parameters('upgradePolicy')]",
          "rollingUpgradePolicy": "[if(equals(parameters('upgradePolicy'), 'Rolling'), variables('rolling'), null())]"
        },
        "virtualMachineProfile": { "storageProfile": { "dataDisks": [ ${disk} ] }, ${healthExtension} }
      }
    }
  ]`,
    `{ "upgradePolicy": { "type": "string", "defaultValue": "Manual", "allowedValues": ${allowed} } }`,
  ).replace('"resources"', '"variables": { "rolling": { "maxBatchInstancePercent": 20 } },\n  "resources"');

ruleTester('data-disks-need-rolling-max-surge', {
  valid: [
    { name: 'no data disks', code: vmss('{ "upgradePolicy": { "mode": "Manual" }, "virtualMachineProfile": { "storageProfile": { "dataDisks": [] } } }') },
    { name: 'Rolling with maxSurge', code: vmss(`{ "upgradePolicy": { "mode": "Rolling", "rollingUpgradePolicy": { "maxSurge": true } }, ${withDisk} }`) },
    {
      name: 'names and values in any case, maxSurge as the string "true"',
      code: vmss(`{ "UpgradePolicy": { "Mode": "rolling", "RollingUpgradePolicy": { "MaxSurge": "true" } }, ${withDisk} }`),
    },
    { name: 'a copy loop of count 0', code: vmss(`{ ${copyLoop} }`, '2024-07-01', '{ "diskCount": { "type": "int", "defaultValue": 0 } }') },
    {
      name: 'an unknown mode with maxSurge on',
      code: vmss(`{ "upgradePolicy": { "mode": "[parameters('mode')]", "rollingUpgradePolicy": { "maxSurge": true } }, ${withDisk} }`, '2024-07-01', '{ "mode": { "type": "string" } }'),
    },
    { name: 'a storageProfile that cannot be evaluated', code: vmss('{ "upgradePolicy": { "mode": "Manual" }, "virtualMachineProfile": { "storageProfile": "[reference(\'x\').storageProfile]" } }') },
    {
      name: 'VMs are not scale sets',
      code: template(`[ { "type": "Microsoft.Compute/virtualMachines", "apiVersion": "2024-07-01", "name": "vm1", "properties": { "storageProfile": { "dataDisks": [ ${disk} ] } } } ]`),
    },
    { name: 'off for new deployments', code: vmss(`{ "upgradePolicy": { "mode": "Manual" }, ${withDisk} }`), mode: 'new' },
  ],
  invalid: [
    {
      name: 'Manual with a data disk, no health signal, an apiVersion without maxSurge',
      code: vmss(`{
        "upgradePolicy": { "mode": "Manual" },
        ${withDisk}
      }`, '2021-07-01'),
      errors: [{ messageId: 'needsRollingMaxSurgeAndHealth', line: 11, column: 69, endLine: 11, endColumn: 128 }],
      output: null,
      unsafeOutput: vmss(`{
        "upgradePolicy": {
          "mode": "Rolling",
          "rollingUpgradePolicy": {
            "maxSurge": true
          }
        },
        ${withDisk}
      }`, '2022-11-01'),
    },
    {
      name: 'a copy loop of 2 disks and no upgradePolicy',
      code: vmss(`{
        ${copyLoop}
      }`, '2024-07-01', '{ "diskCount": { "type": "int", "defaultValue": 2 } }'),
      errors: [{ messageId: 'needsRollingMaxSurge', line: 11, column: 66, endLine: 11, endColumn: 200 }],
      unsafeOutput: vmss(`{
        ${copyLoop},
        "upgradePolicy": {
          "mode": "Rolling",
          "rollingUpgradePolicy": {
            "maxSurge": true
          }
        }
      }`, '2024-07-01', '{ "diskCount": { "type": "int", "defaultValue": 2 } }'),
    },
    {
      name: 'a copy loop whose count is unknown counts as disks',
      code: vmss(`{ ${copyLoop} }`, '2024-07-01', '{ "diskCount": { "type": "int" } }'),
      errors: [{ messageId: 'needsRollingMaxSurge', line: 10, column: 80 }],
    },
    {
      name: 'Rolling with maxSurge false',
      code: vmss(`{ "upgradePolicy": { "mode": "Rolling", "rollingUpgradePolicy": { "maxSurge": false } }, "virtualMachineProfile": { "storageProfile": { "dataDisks": [ ${disk} ] }, ${healthExtension} } }`),
      errors: [{ messageId: 'needsRollingMaxSurge', line: 9, column: 170 }],
      unsafeOutput: vmss(`{ "upgradePolicy": { "mode": "Rolling", "rollingUpgradePolicy": { "maxSurge": true } }, "virtualMachineProfile": { "storageProfile": { "dataDisks": [ ${disk} ] }, ${healthExtension} } }`),
    },
    {
      name: 'the mode from a parameter default: fixed there, then maxSurge in the variable the policy becomes',
      code: seedLike('[ "Manual", "Rolling", "Automatic" ]'),
      errors: [{ messageId: 'needsRollingMaxSurge', line: 16, column: 69 }],
      unsafeOutput: seedLike('[ "Manual", "Rolling", "Automatic" ]')
        .replace('"defaultValue": "Manual"', '"defaultValue": "Rolling"')
        .replace('{ "rolling": { "maxBatchInstancePercent": 20 } }', '{ "rolling": {\n      "maxBatchInstancePercent": 20,\n      "maxSurge": true\n    } }'),
    },
    {
      name: 'Rolling joins the allowed values that lack it',
      code: seedLike('[ "Manual", "Automatic" ]'),
      errors: [{ messageId: 'needsRollingMaxSurge', line: 16, column: 69 }],
      unsafeOutput: seedLike('[\n        "Manual",\n        "Automatic",\n        "Rolling"\n      ]')
        .replace('"defaultValue": "Manual"', '"defaultValue": "Rolling"')
        .replace('{ "rolling": { "maxBatchInstancePercent": 20 } }', '{ "rolling": {\n      "maxBatchInstancePercent": 20,\n      "maxSurge": true\n    } }'),
    },
    {
      name: 'disks from a variable',
      code: vmss(`{ "upgradePolicy": { "mode": "Automatic" }, "virtualMachineProfile": { "storageProfile": { "dataDisks": "[variables('disks')]" } } }`).replace(
        '"resources"',
        `"variables": { "disks": [ ${disk}, ${disk} ] },\n  "resources"`,
      ),
      errors: [{ messageId: 'needsRollingMaxSurgeAndHealth', line: 10, column: 125, endLine: 10, endColumn: 147 }],
    },
    {
      name: 'allowRollingMaxSurge false: any data disk blocks, with no fix',
      code: vmss(`{ "upgradePolicy": { "mode": "Rolling", "rollingUpgradePolicy": { "maxSurge": true } }, ${withDisk} }`),
      options: { allowRollingMaxSurge: false },
      errors: [{ messageId: 'dataDisksUnsupported', line: 9, column: 169 }],
      unsafeOutput: null,
    },
  ],
});

fixtureTests('data-disks-need-rolling-max-surge', [
  { file: 'couchbase.json', findings: ['needsRollingMaxSurgeAndHealth@271:26'] },
  { file: 'multi-vmss-linux-lb-zones.json', findings: ['needsRollingMaxSurgeAndHealth@291:26'] },
  { file: 'vmss-windows-autoscale.json', findings: [] },
  { file: 'vmss-windows-autoscale.bicep', findings: [] },
]);
