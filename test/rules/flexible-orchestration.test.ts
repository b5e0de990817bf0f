import { fixtureTests } from './fixtures.js';
import { scaleSetTemplate, ruleTester, template } from './harness.js';

const vmss = scaleSetTemplate;

const withMember = (vmssId: string) =>
  template(`[
    {
      "type": "Microsoft.Compute/virtualMachineScaleSets",
      "apiVersion": "2024-07-01",
      "name": "web",
      "properties": { "platformFaultDomainCount": 1 }
    },
    {
      "type": "Microsoft.Compute/virtualMachines",
      "apiVersion": "2024-07-01",
      "name": "vm1",
      "dependsOn": [ "[resourceId('Microsoft.Compute/virtualMachineScaleSets', 'web')]" ],
      "properties": { "virtualMachineScaleSet": { "id": "${vmssId}" } }
    }
  ]`);

ruleTester('flexible-orchestration', {
  valid: [
    { name: 'Uniform', code: vmss('{ "orchestrationMode": "Uniform" }') },
    { name: 'not written, and no VM joins it', code: vmss('{ "upgradePolicy": { "mode": "Manual" } }') },
    {
      name: 'a parameter that defaults to Uniform',
      code: vmss('{ "orchestrationMode": "[parameters(\'mode\')]" }', '{ "mode": { "type": "string", "defaultValue": "Uniform", "allowedValues": [ "Uniform", "Flexible" ] } }'),
    },
    {
      name: 'a parameter without a default that can be either',
      code: vmss('{ "orchestrationMode": "[parameters(\'mode\')]" }', '{ "mode": { "type": "string", "allowedValues": [ "Uniform", "Flexible" ] } }'),
    },
    { name: 'a VM that joins another scale set', code: withMember("[resourceId('Microsoft.Compute/virtualMachineScaleSets', 'other')]").replace('"dependsOn": [ "[resourceId(\'Microsoft.Compute/virtualMachineScaleSets\', \'web\')]" ],', '') },
    { name: 'off for new deployments', code: vmss('{ "orchestrationMode": "Flexible" }'), mode: 'new' },
  ],
  invalid: [
    {
      name: 'Flexible',
      code: vmss('{ "orchestrationMode": "Flexible" }'),
      errors: [{ messageId: 'flexible', line: 9, column: 44, endLine: 9, endColumn: 54 }],
      output: null,
      unsafeOutput: null,
    },
    { name: 'any case', code: vmss('{ "OrchestrationMode": "flexible" }'), errors: [{ messageId: 'flexible', line: 9, column: 44 }] },
    {
      name: 'a parameter that defaults to Flexible',
      code: vmss('{ "orchestrationMode": "[parameters(\'mode\')]" }', '{ "mode": { "type": "string", "defaultValue": "Flexible", "allowedValues": [ "Flexible", "Uniform" ] } }'),
      errors: [{ messageId: 'flexible', line: 10, column: 44 }],
    },
    {
      name: 'no orchestrationMode, but a VM joins it through virtualMachineScaleSet.id',
      code: withMember("[resourceId('Microsoft.Compute/virtualMachineScaleSets', 'web')]"),
      errors: [{ messageId: 'memberVms', line: 6, column: 15, endLine: 6, endColumn: 58 }],
    },
  ],
});

fixtureTests('flexible-orchestration', [
  { file: 'vmss-flexible-orchestration-manual-add-vm.json', findings: ['memberVms@186:15'] },
  { file: 'vmss-windows-autoscale.json', findings: [] },
  { file: 'avm-vm-windows-vmss-dependencies.bicep', findings: ['flexible@46:24'] },
]);
