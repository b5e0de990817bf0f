import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { ensureBicepParser, findBicepParametersFor } from '../../src/model/bicep/index.js';
import { createSourceFile } from '../../src/model/source.js';
import { parseBicep, writeTree } from './helpers.js';

await ensureBicepParser();

const TEMPLATE = "param securityType string = 'Standard'\nparam size string = 'Standard_D2s_v3'\nparam zones array = []\n";

describe('.bicepparam files', () => {
  it('bind written values as parameter-file values, and evaluate the ones that read the file’s variables', () => {
    const params = createSourceFile('/w/main.bicepparam', "using 'main.bicep'\n\nvar prefix = 'Standard_'\nparam securityType = 'TrustedLaunch'\nparam size = '${prefix}D4s_v5'\nparam zones = [\n  '1'\n]\n");
    const model = parseBicep(TEMPLATE, { parametersFile: params }, '/w/main.bicep');
    const evaluate = model.root.evaluator;
    const securityType = evaluate.parameter('securityType');
    expect(securityType).toMatchObject({ kind: 'known', value: 'TrustedLaunch' });
    expect(securityType.kind === 'known' && securityType.origin).toMatchObject({ via: 'parameter-file', parameter: 'securityType' });
    expect(evaluate.parameter('size')).toMatchObject({ kind: 'known', value: 'Standard_D4s_v5' });
    expect(evaluate.parameter('zones')).toMatchObject({ kind: 'known', value: ['1'] });
    expect(model.parameterFiles).toEqual([params]);
  });

  it('bind JSON parameter files too', () => {
    const params = createSourceFile('/w/main.parameters.json', JSON.stringify({ parameters: { securityType: { value: 'TrustedLaunch' } } }));
    const model = parseBicep(TEMPLATE, { parametersFile: params }, '/w/main.bicep');
    expect(model.root.evaluator.parameter('securityType')).toMatchObject({ kind: 'known', value: 'TrustedLaunch' });
  });

  it('are found beside their template by `using`, before a <name>.parameters.json', () => {
    const dir = writeTree({
      'main.bicep': TEMPLATE,
      'main.parameters.json': '{"parameters":{}}',
      'prod.bicepparam': "using './main.bicep'\nparam securityType = 'TrustedLaunch'\n",
      'other.bicepparam': "using 'other.bicep'\n",
      'lonely.bicep': TEMPLATE,
      'lonely.parameters.json': '{"parameters":{}}',
    });
    expect(findBicepParametersFor(join(dir, 'main.bicep'))?.path).toBe(join(dir, 'prod.bicepparam'));
    expect(findBicepParametersFor(join(dir, 'lonely.bicep'))?.path).toBe(join(dir, 'lonely.parameters.json'));
    expect(findBicepParametersFor(join(dir, 'other.bicep'))?.path).toBe(join(dir, 'other.bicepparam'));
    expect(findBicepParametersFor(join(dir, 'unnamed.bicep'))).toBeUndefined();
  });

  it('decide findings when the engine lints the template', async () => {
    const vm = "param securityType string = 'Standard'\nresource vm 'Microsoft.Compute/virtualMachines@2023-09-01' = {\n  name: 'vm'\n  properties: {\n    securityProfile: {\n      securityType: securityType\n    }\n  }\n}\n";
    const dir = writeTree({ 'main.bicep': vm, 'main.bicepparam': "using 'main.bicep'\nparam securityType = 'TrustedLaunch'\n" });
    const engine = await createEngine({ cwd: dir, ruleOverrides: { 'security-type-not-trusted-launch': 'error' } });
    const withParams = await engine.lintFile(join(dir, 'main.bicep'));
    expect(withParams.messages.filter((m) => m.ruleId === 'security-type-not-trusted-launch')).toEqual([]);
    const parameterFile = await engine.lintFile(join(dir, 'main.bicepparam'));
    expect(parameterFile.kind).toBe('parameters');
  });
});
