import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/engine/engine.js';
import { parseSource } from '../src/model/frontends.js';
import { createSourceFile } from '../src/model/source.js';

const securityProfiles = [
  undefined,
  {},
  { encryptionAtHost: true },
  { securityType: 'Standard' },
  { securityType: 'TrustedLaunch' },
  { securityType: '[parameters(\'securityType\')]' },
  { securityType: 'Standard', uefiSettings: '[null()]' },
  { securityType: 'TrustedLaunch', uefiSettings: { secureBootEnabled: false } },
];

const resourceArb = fc.record({
  scaleSet: fc.boolean(),
  apiVersion: fc.constantFrom('2017-03-30', '2019-07-01', '2020-06-01', '2020-12-01', '2023-04-02', '2024-07-01', "[variables('api')]"),
  securityProfile: fc.constantFrom(...securityProfiles),
  dataDisks: fc.boolean(),
});

const templateArb = fc.record({
  resources: fc.array(resourceArb, { minLength: 1, maxLength: 3 }),
  defaultSecurityType: fc.constantFrom('Standard', 'TrustedLaunch'),
  indent: fc.constantFrom(2, 4, '\t'),
  crlf: fc.boolean(),
  comment: fc.boolean(),
});

type TemplateSpec = typeof templateArb extends fc.Arbitrary<infer T> ? T : never;

function render(spec: TemplateSpec): string {
  const resources = spec.resources.map((r, i) => {
    const profile = {
      storageProfile: { osDisk: { osType: 'Linux', createOption: 'FromImage' }, ...(r.dataDisks ? { dataDisks: [{ lun: 0, diskSizeGB: 32, createOption: 'Empty' }] } : {}) },
      ...(r.securityProfile ? { securityProfile: r.securityProfile } : {}),
    };
    return {
      type: r.scaleSet ? 'Microsoft.Compute/virtualMachineScaleSets' : 'Microsoft.Compute/virtualMachines',
      apiVersion: r.apiVersion,
      name: `machine${String(i)}`,
      location: 'westeurope',
      properties: r.scaleSet ? { upgradePolicy: { mode: 'Manual' }, virtualMachineProfile: profile } : profile,
    };
  });
  const template = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: { securityType: { type: 'string', defaultValue: spec.defaultSecurityType } },
    variables: { api: '2019-07-01' },
    resources,
  };
  let text = JSON.stringify(template, null, spec.indent);
  if (spec.comment) text = text.replace('"resources": [', '// machines below\n"resources": [ /* pinned */');
  return spec.crlf ? text.replace(/\n/g, '\r\n') : text;
}

const reparses = (text: string) => parseSource(createSourceFile('t.json', text), {}).kind === 'template';

describe('fixes on generated templates', () => {
  it.each(['safe', 'unsafe'] as const)('%s: the output re-parses and a second --fix changes nothing', async (level) => {
    const engine = await createEngine({ cwd: process.cwd(), fix: level });
    await fc.assert(
      fc.asyncProperty(templateArb, async (spec) => {
        const text = render(spec);
        const first = await engine.lintFile('generated.json', text);
        const fixed = first.output ?? text;
        expect(reparses(fixed)).toBe(true);
        const second = await engine.lintFile('generated.json', fixed);
        expect(second.output).toBeUndefined();
        if (spec.crlf) expect(fixed.replace(/\r\n/g, '')).not.toContain('\n');
        if (spec.comment) expect(fixed).toContain('/* pinned */');
      }),
      { numRuns: 150 },
    );
  });
});
