import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { runReal } from '../cli/real-host.js';
import { tempTree } from '../cli/temp-tree.js';
import { badInputs } from './cases.js';
import { templateText } from './hostile.js';

const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();

afterEach(() => {
  // Nothing was added to (or replaced on) Object.prototype, and a fresh object inherits nothing new.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).securityType).toBeUndefined();
  expect(typeof Object.prototype.toString).toBe('function');
});

// Expressions whose evaluation builds objects from keys the template chooses.
const pollutingExpressions = [
  `[json('{"__proto__": {"polluted": true}}')]`,
  `[createObject('__proto__', createObject('polluted', true))]`,
  `[union(json('{"a": {}}'), json('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'))]`,
  `[union(createObject('__proto__', createObject('polluted', true)), createObject('__proto__', createObject('securityType', 'TrustedLaunch')))]`,
  `[union(variables('proto'), variables('proto'))]`,
  `[variables('proto').__proto__]`,
  `[variables('proto')['__proto__']['polluted']]`,
  `[items(variables('proto'))]`,
  `[shallowMerge(createArray(variables('proto'), json('{"__proto__": {"x": 1}}')))]`,
];

describe('__proto__, constructor and toString as keys', () => {
  it('a template with them in parameters, variables, resources and properties is linted sensibly', async () => {
    const engine = await createEngine({ cwd: process.cwd() });
    const protoCase = badInputs.find((c) => c.file === 'proto-keys.json');
    const result = await engine.lintFile('/virtual/proto-keys.json', String(protoCase?.content));
    // toString = parameters('__proto__') = 'Standard': the keys are ordinary names, not inherited members.
    expect(result.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['security-type-not-trusted-launch', 21, 98]]);
    expect(result.messages[0]?.message).toContain("The scale set 'Standard'");
  });

  it.each(pollutingExpressions)('evaluating %s pollutes nothing', async (expression) => {
    const engine = await createEngine({ cwd: process.cwd() });
    const text = templateText({
      variables: { proto: { __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } } },
      resources: [
        {
          type: 'Microsoft.Compute/virtualMachineScaleSets',
          apiVersion: '2024-07-01',
          name: 'vmss',
          location: 'westeurope',
          properties: {
            upgradePolicy: { mode: 'Automatic' },
            virtualMachineProfile: { securityProfile: expression, storageProfile: { osDisk: { createOption: 'FromImage', osType: 'Linux' } } },
          },
        },
      ],
    }).replace('"proto": {', '"proto": { "__proto__": { "polluted": true },');
    const result = await engine.lintFile('/virtual/t.json', text);
    expect(result.fatalErrorCount).toBe(0);
    expect(result.messages.filter((m) => m.ruleId === 'internal-error')).toEqual([]);
  });

  it('in a config file, they are unknown keys and unknown rules, reported as configuration errors', async () => {
    const template = templateText({ resources: [] });
    const top = tempTree({ 'tl-lint.config.json': '{ "__proto__": { "mode": "new" } }', 't.json': template });
    const topRun = await runReal(top, ['t.json']);
    expect(topRun.code).toBe(2);
    expect(topRun.stderr).toContain("unknown key '__proto__'");
    const rules = tempTree({ 'tl-lint.config.json': '{ "rules": { "__proto__": "off", "constructor": "error" } }', 't.json': template });
    const rulesRun = await runReal(rules, ['t.json']);
    expect(rulesRun.code).toBe(2);
    expect(rulesRun.stderr).toContain("unknown rule '__proto__'");
  });

  it('in --rule and a parameter file, they change nothing global', async () => {
    const root = tempTree({
      't.json': templateText({ parameters: { __proto__: { type: 'string' } }, resources: [] }),
      'p.json': JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', parameters: JSON.parse('{"__proto__": {"value": {"polluted": true}}, "toString": {"value": 1}}') as unknown }),
    });
    const run = await runReal(root, ['--rule', '__proto__:off', 't.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('__proto__');
    const withParameters = await runReal(root, ['--parameters', 'p.json', 't.json']);
    expect(withParameters.code).toBe(0);
  });
});

describe('a config file nested 100,000 levels deep', () => {
  it('is a configuration error naming the file, not a stack overflow', async () => {
    const root = tempTree({ 'tl-lint.config.json': `{ "rules": ${'['.repeat(100_000)}${']'.repeat(100_000)} }`, 't.json': templateText({ resources: [] }) });
    const run = await runReal(root, ['t.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('tl-lint.config.json');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
