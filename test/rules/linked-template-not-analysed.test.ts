import { fixtureTests } from './fixtures.js';
import { ruleTester, template } from './harness.js';

const deployment = (properties: string) =>
  template(`[
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "inner",
      "properties": ${properties}
    }
  ]`);

const module = (path: string) => `module scaleSet ${path} = {\n  name: 'scaleSet'\n  params: {}\n}\n`;

ruleTester('linked-template-not-analysed', {
  valid: [
    {
      name: 'an inline nested template',
      code: deployment('{ "mode": "Incremental", "template": { "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": [] } }'),
    },
    { name: 'a deployment without a template of either kind', code: deployment('{ "mode": "Incremental" }') },
    { name: 'a Bicep file without modules', code: "param location string = 'westeurope'\n", filename: 'main.bicep' },
  ],
  invalid: [
    {
      name: 'a template linked by URI',
      code: deployment('{ "mode": "Incremental", "templateLink": { "uri": "https://example.com/vmss.json" } }'),
      errors: [{ messageId: 'linkedTemplate', line: 9, column: 62, endLine: 9, endColumn: 104 }],
      output: null,
    },
    {
      name: 'a URI built at deployment time',
      code: deployment('{ "templateLink": { "uri": "[uri(deployment().properties.templateLink.uri, \'vmss.json\')]" } }'),
      errors: [{ messageId: 'linkedTemplate', line: 9, column: 39 }],
    },
    {
      name: 'a relative path',
      code: deployment('{ "templateLink": { "relativePath": "nested/vmss.json" } }'),
      errors: [{ messageId: 'linkedTemplate', line: 9, column: 39 }],
    },
    {
      name: 'a template spec',
      code: deployment('{ "templateLink": { "id": "[resourceId(\'Microsoft.Resources/templateSpecs/versions\', \'vmss\', \'1.0\')]" } }'),
      errors: [{ messageId: 'linkedTemplate', line: 9, column: 39 }],
    },
    { name: 'a registry module', code: module("'br/public:avm/res/compute/virtual-machine-scale-set:0.8.0'"), filename: 'main.bicep', errors: [{ messageId: 'module', line: 1, column: 17, endLine: 1, endColumn: 76 }] },
    { name: 'a registry alias', code: module("'br:contoso.azurecr.io/bicep/vmss:v1'"), filename: 'main.bicep', errors: [{ messageId: 'module', line: 1, column: 17 }] },
    { name: 'a template spec module', code: module("'ts:00000000-0000-0000-0000-000000000000/rg/vmss:1.0'"), filename: 'main.bicep', errors: [{ messageId: 'module', line: 1, column: 17 }] },
    { name: 'a JSON module', code: module("'./vmss.json'"), filename: 'main.bicep', errors: [{ messageId: 'module', line: 1, column: 17 }] },
    { name: 'a module outside the project', code: module("'../../elsewhere/vmss.bicep'"), filename: 'main.bicep', errors: [{ messageId: 'module', line: 1, column: 17 }] },
    { name: 'a module file that does not exist', code: module("'./missing.bicep'"), filename: 'main.bicep', errors: [{ messageId: 'module', line: 1, column: 17 }] },
  ],
});

fixtureTests('linked-template-not-analysed', [
  { file: 'vm-domain-join-prereq.json', findings: ['linkedTemplate@28:33'] },
  { file: 'gamedev-vm.bicep', findings: ['module@153:18'] },
]);
