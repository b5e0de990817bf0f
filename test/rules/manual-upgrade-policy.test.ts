import { fixtureTests } from './fixtures.js';
import { ruleTester, scaleSetTemplate } from './harness.js';

const profile = '"virtualMachineProfile": { "storageProfile": { "imageReference": { "publisher": "Canonical" } } }';

const vmss = scaleSetTemplate;

ruleTester('manual-upgrade-policy', {
  valid: [
    { name: 'Rolling', code: vmss(`{ "upgradePolicy": { "mode": "Rolling" }, ${profile} }`) },
    { name: 'Automatic', code: vmss(`{ "upgradePolicy": { "mode": "Automatic" }, ${profile} }`) },
    {
      name: 'a parameter that defaults to Automatic',
      code: vmss(`{ "upgradePolicy": { "mode": "[parameters('mode')]" }, ${profile} }`, '{ "mode": { "type": "string", "defaultValue": "Automatic" } }'),
    },
    { name: 'a mode that cannot be evaluated', code: vmss(`{ "upgradePolicy": { "mode": "[parameters('mode')]" }, ${profile} }`, '{ "mode": { "type": "string" } }') },
    { name: 'no scale set model: VMs join it one by one', code: vmss('{ "orchestrationMode": "Flexible", "platformFaultDomainCount": 1 }') },
    { name: 'off for new deployments', code: vmss(`{ "upgradePolicy": { "mode": "Manual" }, ${profile} }`), mode: 'new' },
  ],
  invalid: [
    {
      name: 'Manual',
      code: vmss(`{ "upgradePolicy": { "mode": "Manual" }, ${profile} }`),
      errors: [{ messageId: 'manual', line: 9, column: 50, endLine: 9, endColumn: 58 }],
      output: null,
      unsafeOutput: null,
    },
    { name: 'any case', code: vmss(`{ "UpgradePolicy": { "Mode": "manual" }, ${profile} }`), errors: [{ messageId: 'manual', line: 9, column: 50 }] },
    {
      name: 'a parameter that defaults to Manual',
      code: vmss(`{ "upgradePolicy": { "mode": "[parameters('mode')]" }, ${profile} }`, '{ "mode": { "type": "string", "defaultValue": "Manual", "allowedValues": [ "Manual", "Rolling" ] } }'),
      errors: [{ messageId: 'manual', line: 10, column: 50 }],
    },
    {
      name: 'an upgradePolicy without a mode',
      code: vmss(`{ "upgradePolicy": { "automaticOSUpgradePolicy": { "enableAutomaticOSUpgrade": false } }, ${profile} }`),
      errors: [{ messageId: 'absent', line: 9, column: 40, endLine: 9, endColumn: 109 }],
    },
    { name: 'no upgradePolicy', code: vmss(`{ ${profile} }`), errors: [{ messageId: 'absent', line: 6, column: 15, endLine: 6, endColumn: 58 }] },
    {
      name: 'a partial update keeps the mode of the existing scale set',
      code: vmss('{ "virtualMachineProfile": { "securityProfile": { "securityType": "TrustedLaunch" } } }'),
      errors: [{ messageId: 'keepsExisting', line: 6, column: 15 }],
    },
  ],
});

fixtureTests('manual-upgrade-policy', [
  { file: 'vmss-windows-autoscale.json', findings: ['manual@178:19'] },
  { file: 'decrypt-vmss-linux.json', findings: ['keepsExisting@41:15'] },
  { file: 'vmss-ubuntu-app-gateway.json', findings: [] },
  { file: 'vmss-windows-autoscale.bicep', findings: ['manual@136:13'] },
]);
