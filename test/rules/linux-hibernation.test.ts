import { fixtureTests } from './fixtures.js';
import { vmTemplate, ruleTester, template } from './harness.js';

const vm = vmTemplate;

const linux = '"osProfile": { "linuxConfiguration": { "disablePasswordAuthentication": true } }';
const windows = '"osProfile": { "windowsConfiguration": { "provisionVMAgent": true } }';

ruleTester('linux-hibernation', {
  valid: [
    { name: 'Windows may hibernate', code: vm(`{ "additionalCapabilities": { "hibernationEnabled": true }, ${windows} }`) },
    { name: 'Linux without hibernation', code: vm(`{ "additionalCapabilities": { "hibernationEnabled": false }, ${linux} }`) },
    {
      name: 'a parameter that defaults to false',
      code: vm(`{ "additionalCapabilities": { "hibernationEnabled": "[parameters('hibernate')]" }, ${linux} }`, '{ "hibernate": { "type": "bool", "defaultValue": false } }'),
    },
    { name: 'an OS that cannot be told', code: vm('{ "additionalCapabilities": { "hibernationEnabled": true } }') },
  ],
  invalid: [
    {
      name: 'a Linux VM',
      code: vm(`{ "additionalCapabilities": { "hibernationEnabled": true }, ${linux} }`),
      errors: [{ messageId: 'hibernation', line: 9, column: 73, endLine: 9, endColumn: 77 }],
      output: null,
      unsafeOutput: null,
    },
    {
      name: 'a Linux scale set (by image publisher), also for new deployments',
      code: template(`[
    {
      "type": "Microsoft.Compute/virtualMachineScaleSets",
      "apiVersion": "2024-07-01",
      "name": "web",
      "properties": {
        "AdditionalCapabilities": { "HibernationEnabled": true },
        "virtualMachineProfile": { "storageProfile": { "imageReference": { "publisher": "Canonical", "offer": "ubuntu-24_04-lts", "sku": "server" } } }
      }
    }
  ]`),
      mode: 'new',
      errors: [{ messageId: 'hibernation', line: 10, column: 59 }],
    },
    {
      name: 'a parameter that defaults to true, on osDisk.osType Linux',
      code: vm(
        `{ "additionalCapabilities": { "hibernationEnabled": "[parameters('hibernate')]" }, "storageProfile": { "osDisk": { "osType": "Linux" } } }`,
        '{ "hibernate": { "type": "bool", "defaultValue": true } }',
      ),
      errors: [{ messageId: 'hibernation', line: 10, column: 73 }],
    },
  ],
});

fixtureTests('linux-hibernation', [
  { file: 'darktrace-vsensor-autoscaling.json', findings: [] },
  { file: 'darktrace-vsensor-autoscaling-hibernation.json', findings: ['hibernation@744:43'] },
  { file: 'darktrace-vsensor-standalone.bicep', findings: [] },
]);
