import { describe, expect, it } from 'vitest';
import rule from '../../rules/unsupported-vm-size.js';
import { runRules } from '../../src/engine/run-rules.js';
import { parseArmFile } from '../../src/model/arm/index.js';
import { createSourceFile } from '../../src/model/source.js';
import { fixtureTests } from './fixtures.js';
import { lintWithRule, ruleTester, template } from './harness.js';

const scaleSet = (size: string, parameters = '') =>
  template(
    `[
    {
      "type": "Microsoft.Compute/virtualMachineScaleSets",
      "apiVersion": "2024-07-01",
      "name": "web",
      "sku": { "name": ${size}, "capacity": 2 }
    }
  ]`,
    parameters,
  );

const vm = (size: string, parameters = '') =>
  template(
    `[
    {
      "type": "Microsoft.Compute/virtualMachines",
      "apiVersion": "2024-07-01",
      "name": "vm1",
      "properties": { "hardwareProfile": { "vmSize": ${size} } }
    }
  ]`,
    parameters,
  );

const sizeParameter = (defaultValue: string | undefined, allowed: readonly string[]) =>
  `{ "vmSize": { "type": "string", ${defaultValue === undefined ? '' : `"defaultValue": "${defaultValue}", `}"allowedValues": [${allowed.map((a) => `"${a}"`).join(', ')}] } }`;

ruleTester('unsupported-vm-size', {
  valid: [
    { name: 'a supported scale set size', code: scaleSet('"Standard_D2s_v5"') },
    { name: 'a supported VM size, any case', code: vm('"standard_ds1_V2"') },
    { name: 'a size parameter without a value', code: vm('"[parameters(\'vmSize\')]"', '{ "vmSize": { "type": "string" } }') },
    { name: 'supported default and allowed values', code: vm('"[parameters(\'vmSize\')]"', sizeParameter('Standard_D2s_v5', ['Standard_D2s_v5', 'Standard_E4s_v5'])) },
    { name: 'an empty size is left to the deployment', code: vm('""') },
    { name: 'other resources with a sku are not checked', code: template('[ { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "st", "sku": { "name": "Standard_A1" } } ]') },
  ],
  invalid: [
    {
      name: 'a Gen1-only scale set size; suggestions are display-only',
      code: scaleSet('"Standard_D2_v3"'),
      errors: [{ messageId: 'notSupported', line: 9, column: 24, endLine: 9, endColumn: 40 }],
      output: null,
      unsafeOutput: null,
    },
    { name: 'an A-family VM size', code: vm('"Standard_A1"'), errors: [{ messageId: 'notSupported', line: 9, column: 54 }] },
    { name: 'an M-family size is not supported yet', code: vm('"Standard_M64s"'), errors: [{ messageId: 'currentlyNotSupported', line: 9, column: 54 }] },
    { name: 'an uncertain family', code: scaleSet('"Standard_B2ps_v2"'), errors: [{ messageId: 'uncertain', line: 9, column: 24 }] },
    { name: 'a size no family matches', code: vm('"Standard_F2"'), errors: [{ messageId: 'unknownSize', line: 9, column: 54 }] },
    {
      name: 'a parameter default and its allowed values',
      code: vm('"[parameters(\'vmSize\')]"', sizeParameter('Standard_D2_v3', ['Standard_D2_v3', 'Standard_A1_v2', 'Standard_D2s_v5'])),
      errors: [
        { messageId: 'allowedValue', line: 4, column: 119, endLine: 4, endColumn: 135 },
        { messageId: 'notSupported', line: 10, column: 54 },
      ],
    },
    {
      name: 'allowed values without a default',
      code: scaleSet('"[parameters(\'vmSize\')]"', sizeParameter(undefined, ['Standard_D2s_v5', 'Standard_NV6'])),
      errors: [{ messageId: 'allowedValue', line: 4, column: 86 }],
    },
    {
      name: 'a parameter shared by two resources reports its allowed values once',
      code: template(
        `[
    { "type": "Microsoft.Compute/virtualMachines", "apiVersion": "2024-07-01", "name": "a", "properties": { "hardwareProfile": { "vmSize": "[parameters('vmSize')]" } } },
    { "type": "Microsoft.Compute/virtualMachines", "apiVersion": "2024-07-01", "name": "b", "properties": { "hardwareProfile": { "vmSize": "[parameters('vmSize')]" } } }
  ]`,
        sizeParameter('Standard_D2s_v5', ['Standard_D2s_v5', 'Standard_A2']),
      ),
      errors: [{ messageId: 'allowedValue', line: 4, column: 121 }],
    },
  ],
});

describe('unsupported-vm-size levels, messages and suggestions', () => {
  it('names the family, says it is Gen1-only and names the premium-storage twin first', async () => {
    const [message] = (await lintWithRule('unsupported-vm-size', { name: 'dv3', code: scaleSet('"Standard_D2_v3"') })).messages;
    expect(message?.severity).toBe(2);
    expect(message?.message).toBe(
      "VM size 'Standard_D2_v3' of the scale set 'web' is in the Dv3-series, which does not support Trusted Launch (it runs Generation 1 only). Sizes of the same class that support it: Standard_D2s_v3 (premium storage, same vCPUs), Standard_DS1_v2, Standard_B2s.",
    );
    expect(message?.fix).toBeUndefined();
    expect(message?.suggestions).toBeUndefined();
  });

  it('offers the suggestions as display-only fixes that --fix never applies', () => {
    const parsed = parseArmFile(createSourceFile('template.json', scaleSet('"Standard_D2_v3"')));
    if (parsed.kind !== 'template') throw new Error(parsed.kind);
    const [finding] = runRules(parsed.model, [{ rule, level: 'error', options: {} }], 'upgrade');
    expect(finding?.fixes.map((f) => [f.title, f.applicability, f.edits.length])).toEqual([
      ['Use Standard_D2s_v3, the premium-storage size with the same vCPUs', 'display-only', 0],
      ['Use a DSv2-series size such as Standard_DS1_v2', 'display-only', 0],
      ['Use a B-family size such as Standard_B2s', 'display-only', 0],
    ]);
  });

  it('lowers uncertain and conflicting families to warnings that say so', async () => {
    const uncertain = (await lintWithRule('unsupported-vm-size', { name: 'bpsv2', code: scaleSet('"Standard_B2ps_v2"') })).messages;
    const conflicting = (await lintWithRule('unsupported-vm-size', { name: 'dc', code: vm('"Standard_DC2s_v2"') })).messages;
    expect([...uncertain, ...conflicting].map((m) => [m.messageId, m.severity])).toEqual([
      ['uncertain', 1],
      ['notSupported', 1],
    ]);
    expect(conflicting[0]?.message).toContain('marks this family as conflicting');
  });

  it('reports allowed values as warnings and a size it does not know as info', async () => {
    const allowed = (await lintWithRule('unsupported-vm-size', { name: 'allowed', code: scaleSet('"[parameters(\'vmSize\')]"', sizeParameter(undefined, ['Standard_D2s_v5', 'Standard_NV6'])) })).messages;
    const unknown = (await lintWithRule('unsupported-vm-size', { name: 'f2', code: vm('"Standard_F2"') })).messages;
    expect([...allowed, ...unknown].map((m) => m.severity)).toEqual([1, 0]);
    expect(allowed[0]?.message).toBe(
      "The parameter 'vmSize' allows VM size 'Standard_NV6' (NV-series), which does not support Trusted Launch: a deployment that picks it cannot use Trusted Launch. Sizes of the same class that support it: Standard_NC6s_v3, Standard_ND40rs_v2, Standard_NV12s_v3.",
    );
  });
});

fixtureTests('unsupported-vm-size', [
  { file: 'decrypt-vmss-linux.json', findings: ['notSupported@46:17'] },
  {
    file: 'mysql-standalone-server-ubuntu.json',
    findings: ['allowedValue@28:9', 'allowedValue@29:9', 'allowedValue@30:9', 'allowedValue@31:9', 'allowedValue@32:9', 'notSupported@195:21'],
  },
  { file: 'vm-windows10-nvidia-gpu.bicep', findings: ['notSupported@94:15'] },
]);
