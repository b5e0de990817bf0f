import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine, ruleMap } from '../../src/engine/engine.js';
import { fixtureTests } from './fixtures.js';
import { ruleTester, template } from './harness.js';

const vm = (securityProfile: string, parameters = '') =>
  template(
    `[
    {
      "type": "Microsoft.Compute/virtualMachines",
      "apiVersion": "2024-07-01",
      "name": "vm1",
      "properties": {
        "securityProfile": ${securityProfile}
      }
    }
  ]`,
    parameters,
  );

const vmss = (securityProfile: string) =>
  template(`[
    {
      "type": "Microsoft.Compute/virtualMachineScaleSets",
      "apiVersion": "2024-07-01",
      "name": "web",
      "properties": {
        "virtualMachineProfile": {
          "securityProfile": ${securityProfile}
        }
      }
    }
  ]`);

ruleTester('uefi-settings-disabled', {
  valid: [
    { name: 'both flags on', code: vm('{ "securityType": "TrustedLaunch", "uefiSettings": { "secureBootEnabled": true, "vTpmEnabled": true } }') },
    { name: 'ConfidentialVM with both flags on', code: vm('{ "securityType": "ConfidentialVM", "uefiSettings": { "secureBootEnabled": true, "vTpmEnabled": true } }') },
    { name: "flags written as the string 'true'", code: vmss('{ "securityType": "TrustedLaunch", "uefiSettings": { "secureBootEnabled": "true", "vTpmEnabled": "True" } }') },
    { name: 'Standard is security-type-not-trusted-launch business', code: vm('{ "securityType": "Standard" }') },
    { name: 'an unknown securityType', code: vm('{ "securityType": "[reference(\'x\').securityType]" }') },
    {
      name: 'flags from parameter defaults',
      code: vm(
        '{ "securityType": "TrustedLaunch", "uefiSettings": { "secureBootEnabled": "[parameters(\'sb\')]", "vTpmEnabled": "[parameters(\'tpm\')]" } }',
        '{ "sb": { "type": "bool", "defaultValue": true }, "tpm": { "type": "bool", "defaultValue": true } }',
      ),
    },
    {
      name: 'a flag the deployer must choose (no default) is not reported',
      code: vm(
        '{ "securityType": "TrustedLaunch", "uefiSettings": { "secureBootEnabled": "[parameters(\'sb\')]", "vTpmEnabled": true } }',
        '{ "sb": { "type": "bool", "allowedValues": [true, false] } }',
      ),
    },
  ],
  invalid: [
    {
      name: 'Secure Boot off: the fix is unsafe',
      code: vm('{ "securityType": "TrustedLaunch", "uefiSettings": { "secureBootEnabled": false, "vTpmEnabled": true } }'),
      errors: [{ messageId: 'off', line: 10, column: 102, endLine: 10, endColumn: 107 }],
      output: null,
      unsafeOutput: vm('{ "securityType": "TrustedLaunch", "uefiSettings": { "secureBootEnabled": true, "vTpmEnabled": true } }'),
    },
    {
      name: 'vTPM off: the fix is safe',
      code: vm('{ "securityType": "TrustedLaunch", "uefiSettings": { "secureBootEnabled": true, "vTpmEnabled": false } }'),
      errors: [{ messageId: 'off', line: 10, column: 123, endLine: 10, endColumn: 128 }],
      output: vm('{ "securityType": "TrustedLaunch", "uefiSettings": { "secureBootEnabled": true, "vTpmEnabled": true } }'),
    },
    {
      name: 'no uefiSettings: one finding per flag, at the securityProfile',
      code: vmss('{\n            "securityType": "TrustedLaunch"\n          }'),
      errors: [
        { messageId: 'missing', line: 11, column: 30, endLine: 13, endColumn: 12 },
        { messageId: 'missing', line: 11, column: 30, endLine: 13, endColumn: 12 },
      ],
      output: vmss('{\n            "securityType": "TrustedLaunch",\n            "uefiSettings": {\n              "vTpmEnabled": true\n            }\n          }'),
      unsafeOutput: vmss(
        '{\n            "securityType": "TrustedLaunch",\n            "uefiSettings": {\n              "secureBootEnabled": true,\n              "vTpmEnabled": true\n            }\n          }',
      ),
    },
    {
      name: 'uefiSettings null with TrustedLaunch',
      code: vm('{\n          "securityType": "TrustedLaunch",\n          "uefiSettings": null\n        }'),
      errors: [
        { messageId: 'missing', line: 12, column: 27, endLine: 12, endColumn: 31 },
        { messageId: 'missing', line: 12, column: 27, endLine: 12, endColumn: 31 },
      ],
      output: vm('{\n          "securityType": "TrustedLaunch",\n          "uefiSettings": {\n            "vTpmEnabled": true\n          }\n        }'),
    },
    {
      name: 'a missing flag in written uefiSettings',
      code: vm('{\n          "securityType": "ConfidentialVM",\n          "uefiSettings": {\n            "secureBootEnabled": true\n          }\n        }'),
      errors: [{ messageId: 'missing', line: 12, column: 27, endLine: 14, endColumn: 12 }],
      output: vm(
        '{\n          "securityType": "ConfidentialVM",\n          "uefiSettings": {\n            "secureBootEnabled": true,\n            "vTpmEnabled": true\n          }\n        }',
      ),
    },
    {
      name: 'vTPM off by a parameter default: unsafe fix at the default',
      code: vm(
        '{ "securityType": "TrustedLaunch", "uefiSettings": { "secureBootEnabled": true, "vTpmEnabled": "[parameters(\'tpm\')]" } }',
        '{ "tpm": { "type": "bool", "defaultValue": false } }',
      ),
      errors: [{ messageId: 'off', line: 11, column: 123, endLine: 11, endColumn: 144 }],
      output: null,
      unsafeOutput: vm(
        '{ "securityType": "TrustedLaunch", "uefiSettings": { "secureBootEnabled": true, "vTpmEnabled": "[parameters(\'tpm\')]" } }',
        '{ "tpm": { "type": "bool", "defaultValue": true } }',
      ),
    },
  ],
});

fixtureTests('uefi-settings-disabled', [
  { file: 'vm-trustedlaunch-linux.json', findings: [] },
  { file: 'avm-vmss.json', findings: [] },
  { file: 'vm-trustedlaunch-linux.bicep', findings: [] },
]);

describe('uefi-settings-disabled with a parameter file', () => {
  it('reports the AVM scale set module called with securityType TrustedLaunch and the flags left at their defaults', async () => {
    // avm-vmss.parameters.json sits beside the template, so it is bound by convention.
    const dir = join(import.meta.dirname, '..', 'fixtures', 'rules', 'uefi-settings-disabled');
    const others = Object.fromEntries([...ruleMap.keys()].filter((id) => id !== 'uefi-settings-disabled').map((id) => [id, 'off' as const]));
    const engine = await createEngine({ cwd: dir, ruleOverrides: others });
    const result = await engine.lintFile(join(dir, 'avm-vmss.json'));
    expect(result.messages.map((m) => `${m.messageId ?? ''}@${String(m.line)}:${String(m.column)}`)).toEqual(['off@95:29', 'off@95:29']);
    expect(result.messages.map((m) => m.message)).toEqual([
      "The scale set 'web' has securityType 'TrustedLaunch' with uefiSettings.secureBootEnabled false: Secure Boot is off, so nothing stops boot kits, rootkits and unsigned drivers from loading.",
      "The scale set 'web' has securityType 'TrustedLaunch' with uefiSettings.vTpmEnabled false: vTPM is off, so there is no measured boot and guest attestation cannot run.",
    ]);
  });
});
