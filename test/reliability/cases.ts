import { deploymentSchema, doublingVariables, goodTemplate, nested, scaleSet, templateText } from './hostile.js';

export interface BadInput {
  /** The file name (its extension picks the front-end). */
  readonly file: string;
  readonly content: string | Uint8Array;
  /** What the report must say about it: the first message's rule (null: not a rule), text, position. */
  readonly expected: { readonly ruleId: string | null; readonly message: string; readonly line: number; readonly column: number };
}

const utf16 = (text: string, bigEndian: boolean): Uint8Array => {
  const le = Buffer.from(text, 'utf16le');
  const body = bigEndian ? Buffer.from(le).swap16() : le;
  return Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), body]);
};

const protoKeys = `{
  "$schema": "${deploymentSchema}",
  "parameters": {
    "__proto__": { "type": "string", "defaultValue": "Standard" },
    "constructor": { "type": "string", "defaultValue": "westeurope" },
    "toString": { "type": "string", "defaultValue": "x" }
  },
  "variables": { "__proto__": { "polluted": true }, "constructor": { "prototype": { "polluted": true } }, "toString": "[parameters('__proto__')]", "hasOwnProperty": 1 },
  "resources": [
    {
      "type": "Microsoft.Compute/virtualMachineScaleSets",
      "apiVersion": "2024-07-01",
      "name": "[variables('toString')]",
      "location": "[parameters('constructor')]",
      "__proto__": { "polluted": true },
      "properties": {
        "__proto__": { "polluted": true },
        "constructor": { "prototype": { "polluted": true } },
        "upgradePolicy": { "mode": "Automatic" },
        "virtualMachineProfile": {
          "securityProfile": { "__proto__": { "securityType": "TrustedLaunch" }, "securityType": "[parameters('__proto__')]" },
          "storageProfile": { "osDisk": { "createOption": "FromImage", "osType": "Linux" } }
        }
      }
    }
  ],
  "outputs": { "__proto__": { "type": "string", "value": "[variables('constructor').prototype.polluted]" } }
}
`;

const duplicateKeys = `{
  "$schema": "${deploymentSchema}",
  "resources": [
    {
      "type": "Microsoft.Compute/virtualMachineScaleSets",
      "apiVersion": "2024-07-01",
      "name": "first",
      "name": "last",
      "location": "westeurope",
      "properties": {
        "upgradePolicy": { "mode": "Automatic" },
        "virtualMachineProfile": {
          "securityProfile": { "securityType": "TrustedLaunch" },
          "securityProfile": { "securityType": "Standard" },
          "storageProfile": { "osDisk": { "createOption": "FromImage", "osType": "Linux" } }
        }
      }
    }
  ]
}
`;

const bicepErrors = [
  "resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2019-07-01' = {",
  "  name: 'x'",
  '  location: ',
  '  properties: { virtualMachineProfile: { securityProfile: { securityType: ',
  ...Array.from({ length: 200 }, () => "@@@ )( }{ ][ ' param = = var"),
  "module m '../../../../etc/passwd' = {",
].join('\n');

/** One file per class of bad input, and what the report says about each. */
export const badInputs: readonly BadInput[] = [
  { file: 'empty.json', content: '', expected: { ruleId: null, message: 'The file is empty', line: 0, column: 0 } },
  { file: 'truncated.json', content: goodTemplate.slice(0, 200), expected: { ruleId: null, message: 'Unterminated string', line: 6, column: 15 } },
  { file: 'nul.json', content: Buffer.from('{"$schema": "x",\0 "resources": []}'), expected: { ruleId: null, message: 'binary (it contains NUL bytes)', line: 1, column: 1 } },
  { file: 'random-binary.json', content: Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256), expected: { ruleId: null, message: 'binary', line: 1, column: 1 } },
  { file: 'utf16le.json', content: utf16(goodTemplate, false), expected: { ruleId: 'manual-upgrade-policy', message: "The scale set 'good'", line: 6, column: 15 } },
  { file: 'utf16be.json', content: utf16(goodTemplate, true), expected: { ruleId: 'manual-upgrade-policy', message: "The scale set 'good'", line: 6, column: 15 } },
  { file: 'invalid-utf8.json', content: Buffer.from([...Buffer.from('{"$schema": "'), 0xc3, 0x28, 0xff, ...Buffer.from('"}')]), expected: { ruleId: null, message: 'not valid UTF-8', line: 1, column: 1 } },
  { file: 'deep-arrays.json', content: templateText({ resources: [], variables: { deep: '@' } }, undefined).replace('"@"', nested('[', '', ']', 100_000)), expected: { ruleId: null, message: 'Nesting deeper than 512 levels', line: 6, column: 523 } },
  { file: 'deep-objects.json', content: templateText({ resources: [], variables: { deep: '@' } }, undefined).replace('"@"', nested('{"a":', '1', '}', 100_000)), expected: { ruleId: null, message: 'Nesting deeper than 512 levels', line: 6, column: 2563 } },
  { file: 'deep-expression.json', content: templateText({ resources: [], variables: { deep: `[${nested('concat(', "'x'", ')', 100_000)}]` } }), expected: { ruleId: 'invalid-template-expression', message: 'nests deeper than 200 levels', line: 6, column: 1415 } },
  { file: 'deep-parentheses.json', content: templateText({ resources: [], variables: { deep: `[${nested('(', '1', ')', 100_000)}]` } }), expected: { ruleId: 'invalid-template-expression', message: "found '('", line: 6, column: 15 } },
  { file: 'deep.bicep', content: `var deep = ${nested('[', '', ']', 100_000)}\n`, expected: { ruleId: null, message: 'nested too deeply', line: 1, column: 1 } },
  { file: 'deep-calls.bicep', content: `var deep = ${nested('concat(', "'a'", ')', 100_000)}\n`, expected: { ruleId: null, message: 'nested too deeply', line: 1, column: 1 } },
  { file: 'proto-keys.json', content: protoKeys, expected: { ruleId: 'security-type-not-trusted-launch', message: "The scale set 'Standard' has securityType 'Standard'", line: 21, column: 98 } },
  { file: 'duplicate-keys.json', content: duplicateKeys, expected: { ruleId: 'security-type-not-trusted-launch', message: "The scale set 'last' has securityType 'Standard'", line: 14, column: 48 } },
  { file: 'exponential.json', content: templateText({ variables: doublingVariables(64), resources: [scaleSet("[variables('v64')]")] }), expected: { ruleId: 'manual-upgrade-policy', message: 'The scale set has no upgradePolicy mode', line: 73, column: 15 } },
  { file: 'cycle.json', content: templateText({ variables: { a: "[variables('b')]", b: "[concat(variables('a'), 'x')]", self: "[variables('self')]" }, resources: [scaleSet("[variables('a')]", { apiVersion: "[variables('self')]" })] }), expected: { ruleId: 'manual-upgrade-policy', message: 'The scale set has no upgradePolicy mode', line: 11, column: 15 } },
  {
    file: 'copy-millions.json',
    content: templateText({
      resources: [
        scaleSet("[concat('vmss', copyIndex())]", { copy: { name: 'machines', count: 5_000_000 } }),
        scaleSet('disks', { properties: { virtualMachineProfile: { storageProfile: { osDisk: { createOption: 'FromImage', osType: 'Linux' }, copy: [{ name: 'dataDisks', count: 3_000_000, input: { lun: "[copyIndex('dataDisks')]", createOption: 'Empty', diskSizeGB: 1 } }] } } } }),
      ],
    }),
    expected: { ruleId: 'manual-upgrade-policy', message: 'The scale set has no upgradePolicy mode', line: 6, column: 15 },
  },
  { file: 'unknown-functions.json', content: templateText({ variables: { a: '[fooBar(1)]', b: '[if(true())]', c: "[substring('abc', 1, 2, 3)]" }, resources: [] }), expected: { ruleId: 'invalid-template-expression', message: "Unknown template function 'fooBar'", line: 5, column: 12 } },
  { file: 'errors-everywhere.bicep', content: bicepErrors, expected: { ruleId: null, message: 'Bicep syntax error', line: 4, column: 13 } },
  { file: 'package.json', content: '{ "name": "not-a-template", "version": "1.0.0" }\n', expected: { ruleId: null, message: 'Not a deployment template', line: 0, column: 0 } },
];
