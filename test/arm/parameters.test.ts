import { describe, expect, it, vi } from 'vitest';
import { createJsonRenderer } from '../../src/model/arm/index.js';
import { applyEdits, file, parseTemplate, templateText } from './helpers.js';

const template = templateText({
  parameters: {
    name: { type: 'string', defaultValue: 'default-name' },
    securityType: { type: 'string' },
    secret: { type: 'securestring', defaultValue: 'default-secret' },
    untouched: { type: 'string', defaultValue: 'default-untouched' },
    expression: { type: 'string' },
  },
  resources: [],
});

const parametersText = JSON.stringify(
  {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
    contentVersion: '1.0.0.0',
    parameters: {
      NAME: { value: 'from-file' },
      securityType: { value: 'Standard' },
      secret: { reference: { keyVault: { id: '/subscriptions/x/vaults/v' }, secretName: 's' } },
      expression: { value: "[concat('not', 'evaluated')]" },
      notDeclared: { value: 1 },
    },
  },
  null,
  2,
);

describe('binding a parameter file', () => {
  const parametersFile = file('/work/t/azuredeploy.parameters.json', parametersText);
  const model = parseTemplate(template, { parametersFile });
  const evaluator = model.root.evaluator;

  it('values bind by name, case-insensitively, and remember the file', () => {
    const name = evaluator.parameter('name');
    expect(name).toMatchObject({ kind: 'known', value: 'from-file' });
    expect(name.kind === 'known' && name.origin?.node.file).toBe(parametersFile);
    expect(evaluator.parameter('securityType')).toMatchObject({ kind: 'known', value: 'Standard' });
    expect(model.parameterFiles).toEqual([parametersFile]);
  });

  it('a Key Vault reference is unknown, not the default', () => {
    expect(evaluator.parameter('secret').kind).toBe('unknown');
  });

  it('parameters the file does not give keep their default', () => {
    expect(evaluator.parameter('untouched')).toMatchObject({ kind: 'known', value: 'default-untouched' });
  });

  it('strings in a parameter file are data, not expressions', () => {
    expect(evaluator.parameter('expression')).toMatchObject({ kind: 'known', value: "[concat('not', 'evaluated')]" });
  });
});

describe('which parameter file', () => {
  it('an explicit file wins; discovery is not asked', () => {
    const findParametersFile = vi.fn(() => file('/work/t/other.json', parametersText.replace('from-file', 'found')));
    const model = parseTemplate(template, { parametersFile: file('/p.json', parametersText), findParametersFile });
    expect(findParametersFile).not.toHaveBeenCalled();
    expect(model.root.evaluator.parameter('name')).toMatchObject({ value: 'from-file' });
  });

  it('discovery is asked with the template path', () => {
    const findParametersFile = vi.fn(() => file('/work/t/found.json', parametersText.replace('from-file', 'found')));
    const model = parseTemplate(template, { findParametersFile }, '/work/t/main.json');
    expect(findParametersFile).toHaveBeenCalledWith('/work/t/main.json');
    expect(model.root.evaluator.parameter('name')).toMatchObject({ value: 'found' });
  });

  it('a discovery that throws, or finds nothing, binds nothing', () => {
    const throwing = parseTemplate(template, {
      findParametersFile: () => {
        throw new Error('disk');
      },
    });
    expect(throwing.parameterFiles).toEqual([]);
    expect(parseTemplate(template, { findParametersFile: () => undefined }).parameterFiles).toEqual([]);
  });

  it.each([
    ['a file that does not parse', '{"parameters": {'],
    ['a file without parameters', '{"contentVersion": "1.0.0.0"}'],
    ['a file whose parameters are not an object', '{"parameters": []}'],
  ])('%s binds nothing', (_name, text) => {
    const model = parseTemplate(template, { parametersFile: file('/p.json', text) });
    expect(model.parameterFiles).toEqual([]);
    expect(model.root.evaluator.parameter('name')).toMatchObject({ value: 'default-name' });
  });

  it('a parameter file without $schema still binds', () => {
    const model = parseTemplate(template, { parametersFile: file('/p.json', '{"parameters": {"name": {"value": "bare"}}}') });
    expect(model.root.evaluator.parameter('name')).toMatchObject({ value: 'bare' });
  });
});

describe('fixing a value that comes from the parameter file', () => {
  it('createJsonRenderer edits the parameter file itself', () => {
    const text = '{\n    // values for prod\n    "parameters": {\n        "securityType": { "value": "Standard" }\n    }\n}\n';
    const parametersFile = file('/work/t/azuredeploy.parameters.json', text);
    const model = parseTemplate(template, { parametersFile });
    const value = model.root.evaluator.parameter('securityType');
    const node = value.kind === 'known' ? value.origin?.node : undefined;
    if (node === undefined) throw new Error('no origin');
    expect(model.renderer.render([{ kind: 'replace', node, value: 'TrustedLaunch' }])).toBeUndefined();
    const edits = createJsonRenderer(parametersFile)?.render([{ kind: 'replace', node, value: 'TrustedLaunch' }]);
    expect(applyEdits(text, edits ?? [])).toBe(
      '{\n    // values for prod\n    "parameters": {\n        "securityType": { "value": "TrustedLaunch" }\n    }\n}\n',
    );
  });

  it('no renderer for a file that does not parse', () => {
    expect(createJsonRenderer(file('/p.json', '{'))).toBeUndefined();
  });
});
