import { fixtureTests } from './fixtures.js';
import { ruleTester, template } from './harness.js';

const trustedLaunch = (secureBoot: string) => `"securityProfile": { "securityType": "TrustedLaunch", "uefiSettings": { "secureBootEnabled": ${secureBoot}, "vTpmEnabled": true } }`;
const nvidia = (type = 'NvidiaGpuDriverLinux') => `"properties": { "publisher": "Microsoft.HpcCompute", "type": "${type}", "typeHandlerVersion": "1.9" }`;

const vmss = (virtualMachineProfile: string) =>
  template(`[
    {
      "type": "Microsoft.Compute/virtualMachineScaleSets",
      "apiVersion": "2024-07-01",
      "name": "gpu",
      "properties": { "virtualMachineProfile": ${virtualMachineProfile} }
    }
  ]`);

const vmWithChild = (secureBoot: string, child: string, parameters = '') =>
  template(
    `[
    {
      "type": "Microsoft.Compute/virtualMachines",
      "apiVersion": "2024-07-01",
      "name": "vm1",
      "properties": { ${trustedLaunch(secureBoot)} },
      "resources": [
        { "type": "extensions", "apiVersion": "2024-07-01", "name": "nvidia", ${child} }
      ]
    }
  ]`,
    parameters,
  );

const inline = (secureBoot: string, type?: string) => `{ ${trustedLaunch(secureBoot)}, "extensionProfile": { "extensions": [ { "name": "nvidia", ${nvidia(type)} } ] } }`;

ruleTester('gpu-driver-secure-boot', {
  valid: [
    { name: 'no Trusted Launch', code: vmss(`{ "extensionProfile": { "extensions": [ { "name": "nvidia", ${nvidia()} } ] } }`) },
    { name: 'Secure Boot off', code: vmss(inline('false')) },
    { name: 'the Windows driver extension', code: vmss(inline('true', 'NvidiaGpuDriverWindows')) },
    { name: 'Secure Boot that cannot be evaluated', code: vmss(inline("\"[parameters('secureBoot')]\"")).replace('"resources"', '"parameters": { "secureBoot": { "type": "bool" } },\n  "resources"') },
  ],
  invalid: [
    {
      name: 'an extensionProfile entry with Secure Boot on',
      code: vmss(inline('true')),
      errors: [{ messageId: 'secureBoot', line: 9, column: 261, endLine: 9, endColumn: 283 }],
      output: null,
      unsafeOutput: null,
    },
    { name: 'a child extension resource, also for new deployments', code: vmWithChild('true', nvidia()), mode: 'new', errors: [{ messageId: 'secureBoot', line: 11, column: 108 }] },
    {
      name: 'Secure Boot from a parameter default',
      code: vmWithChild("[parameters('secureBoot')]", nvidia(), '{ "secureBoot": { "type": "bool", "defaultValue": true } }').replace('"secureBootEnabled": [', '"secureBootEnabled": "[').replace("('secureBoot')]", "('secureBoot')]\""),
      errors: [{ messageId: 'secureBoot', line: 12, column: 108 }],
    },
  ],
});

fixtureTests('gpu-driver-secure-boot', [
  { file: 'ros-vm-linux.json', findings: [] },
  { file: 'ros-vm-linux-trusted-launch.json', findings: ['secureBoot@290:30'] },
  { file: 'vm-windows10-nvidia-gpu.bicep', findings: [] },
]);
