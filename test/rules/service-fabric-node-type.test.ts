import { fixtureTests } from './fixtures.js';
import { ruleTester, template } from './harness.js';

const sfExtension = '"properties": { "publisher": "Microsoft.Azure.ServiceFabric", "type": "ServiceFabricNode", "typeHandlerVersion": "1.1" }';

const vmss = (virtualMachineProfile: string, more = '') =>
  template(`[
    {
      "type": "Microsoft.Compute/virtualMachineScaleSets",
      "apiVersion": "2024-07-01",
      "name": "nt1",
      "properties": { "virtualMachineProfile": ${virtualMachineProfile} }
    }${more}
  ]`);

const cluster = (nodeType: string) => `,
    {
      "type": "Microsoft.ServiceFabric/clusters",
      "apiVersion": "2021-06-01",
      "name": "cluster1",
      "properties": { "nodeTypes": [ { "name": "${nodeType}", "isPrimary": true } ] }
    }`;

ruleTester('service-fabric-node-type', {
  valid: [
    {
      name: 'other extensions',
      code: vmss('{ "extensionProfile": { "extensions": [ { "name": "health", "properties": { "publisher": "Microsoft.ManagedServices", "type": "ApplicationHealthLinux" } } ] } }'),
    },
    { name: 'a cluster whose node types name another scale set', code: vmss('{}', cluster('nt2')) },
    { name: 'off for new deployments', code: vmss(`{ "extensionProfile": { "extensions": [ { "name": "sf", ${sfExtension} } ] } }`), mode: 'new' },
  ],
  invalid: [
    {
      name: 'the Service Fabric extension in extensionProfile',
      code: vmss(`{ "extensionProfile": { "extensions": [ { "name": "sf", ${sfExtension} } ] } }`),
      errors: [{ messageId: 'extension', line: 9, column: 133, endLine: 9, endColumn: 164 }],
      unsafeOutput: null,
    },
    {
      name: 'the Linux node extension as a top-level resource, any case',
      code: vmss(
        '{}',
        `,
    {
      "type": "Microsoft.Compute/virtualMachineScaleSets/extensions",
      "apiVersion": "2024-07-01",
      "name": "nt1/sf",
      "properties": { "publisher": "microsoft.azure.servicefabric", "type": "ServiceFabricLinuxNode" }
    }`,
      ),
      errors: [{ messageId: 'extension', line: 15, column: 36 }],
    },
    {
      name: 'a cluster in the template names the scale set as a node type',
      code: vmss('{}', cluster('NT1')),
      errors: [{ messageId: 'cluster', line: 6, column: 15, endLine: 6, endColumn: 58 }],
    },
  ],
});

fixtureTests('service-fabric-node-type', [
  { file: 'service-fabric-secure-cluster-5-node-1-nodetype.json', findings: ['extension@446:32'] },
  { file: 'vmss-windows-autoscale.json', findings: [] },
  { file: 'service-fabric-secure-cluster-5-node-1-nodetype.bicep', findings: ['extension@352:26'] },
]);
