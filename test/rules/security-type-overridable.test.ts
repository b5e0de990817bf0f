import { describe, expect, it } from 'vitest';
import { lintWithRule } from './harness.js';
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

const fromParameter = '{ "securityType": "[parameters(\'securityType\')]" }';

ruleTester('security-type-overridable', {
  valid: [
    { name: 'a literal TrustedLaunch', code: vm('{ "securityType": "TrustedLaunch" }') },
    {
      name: 'allowed values that all keep Trusted Launch',
      code: vm(fromParameter, '{ "securityType": { "type": "string", "defaultValue": "TrustedLaunch", "allowedValues": [ "TrustedLaunch", "ConfidentialVM" ] } }'),
    },
    {
      name: 'Standard by default is security-type-not-trusted-launch business',
      code: vm(fromParameter, '{ "securityType": { "type": "string", "defaultValue": "Standard", "allowedValues": [ "Standard", "TrustedLaunch" ] } }'),
    },
    { name: 'an unknown securityType', code: vm('{ "securityType": "[reference(\'x\').securityType]" }') },
  ],
  invalid: [
    {
      name: 'a default of TrustedLaunch with Standard allowed',
      code: vm(fromParameter, '{ "securityType": { "type": "string", "defaultValue": "TrustedLaunch", "allowedValues": [ "Standard", "TrustedLaunch" ] } }'),
      errors: [{ messageId: 'allowed', line: 11, column: 46, endLine: 11, endColumn: 76 }],
    },
    {
      name: 'no default: the deployer picks',
      code: vm(fromParameter, '{ "securityType": { "type": "string", "allowedValues": [ "TrustedLaunch", "Standard" ] } }'),
      errors: [{ messageId: 'choice', line: 11, column: 46, endLine: 11, endColumn: 76 }],
    },
    {
      name: 'a free string parameter',
      code: vm(fromParameter, '{ "securityType": { "type": "string", "defaultValue": "TrustedLaunch" } }'),
      errors: [{ messageId: 'open', line: 11, column: 46, endLine: 11, endColumn: 76 }],
    },
    {
      name: 'a bool parameter that drops the securityProfile',
      code: vm(
        '"[if(parameters(\'trustedLaunch\'), variables(\'profile\'), null())]"',
        '{ "trustedLaunch": { "type": "bool", "defaultValue": true } }',
      ).replace('"resources"', '"variables": { "profile": { "securityType": "TrustedLaunch" } },\n  "resources"'),
      errors: [{ messageId: 'allowed', line: 12, column: 28, endLine: 12, endColumn: 93 }],
    },
  ],
});

fixtureTests('security-type-overridable', [
  { file: 'vm-simple-windows.json', findings: ['allowed@155:28'] },
  { file: 'vm-trustedlaunch-linux.json', findings: [] },
  { file: 'vm-simple-windows.bicep', findings: ['allowed@232:23'] },
]);

describe('security-type-overridable messages', () => {
  it('names the switching parameter value and points at the allowed value', async () => {
    const code = template(
      '[ { "type": "Microsoft.Compute/virtualMachines", "apiVersion": "2024-07-01", "name": "vm1", "properties": { "securityProfile": { "securityType": "[parameters(\'securityType\')]" } } } ]',
      '{ "securityType": { "type": "string", "defaultValue": "TrustedLaunch", "allowedValues": [ "Standard", "TrustedLaunch" ] } }',
    );
    const [message] = (await lintWithRule('security-type-overridable', { name: 'message', code })).messages;
    expect(message?.message).toBe(
      "The VM 'vm1' gets securityType 'TrustedLaunch' with the current values, but securityType is 'Standard' when parameter 'securityType' is 'Standard': such a deployment switches Trusted Launch off.",
    );
    expect(message?.severity).toBe(0);
    expect(message?.related?.map((r) => `${r.message}@${String(r.line)}:${String(r.column)}`)).toEqual(["'Standard' is allowed here@4:107"]);
  });
});
