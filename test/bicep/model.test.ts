import { describe, expect, it } from 'vitest';
import { ensureBicepParser } from '../../src/model/bicep/index.js';
import { getProperty } from '../../src/model/value.js';
import { at, parseBicep, resource, textAt } from './helpers.js';

await ensureBicepParser();

const VMSS = `param location string = 'westeurope'
param count int = 2

resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2023-09-01' = {
  name: 'web'
  location: location
  properties: {
    virtualMachineProfile: {}
  }
  resource ext 'extensions' = {
    name: 'first'
  }
}

resource attestation 'Microsoft.Compute/virtualMachineScaleSets/extensions@2023-09-01' = if (count > 1) {
  parent: vmss
  name: 'GuestAttestation'
  dependsOn: [
    vnet
  ]
}

resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' existing = {
  name: 'net'
}

resource disks 'Microsoft.Compute/disks@2023-04-02' = [for i in range(0, count): {
  name: 'disk\${i}'
}]
`;

describe('Bicep resources in the template model', () => {
  const model = parseBicep(VMSS);

  it('reads type, apiVersion (the version part of the type string), name and symbolic name', () => {
    const vmss = resource(model, 'vmss');
    expect(vmss.type).toBe('Microsoft.Compute/virtualMachineScaleSets');
    expect(textAt(model, { range: vmss.typeRange })).toBe("'Microsoft.Compute/virtualMachineScaleSets@2023-09-01'");
    expect(vmss.apiVersion && textAt(model, vmss.apiVersion)).toBe('2023-09-01');
    expect(vmss.apiVersion).toMatchObject({ kind: 'literal', value: '2023-09-01' });
    expect(vmss.name).toMatchObject({ kind: 'literal', value: 'web' });
    expect(model.language).toBe('bicep');
  });

  it('gives nested children their full type and their parent', () => {
    const ext = resource(model, 'ext');
    expect(ext.type).toBe('Microsoft.Compute/virtualMachineScaleSets/extensions');
    expect(ext.parent).toBe(resource(model, 'vmss'));
    // A nested resource without `@version` deploys with its parent's.
    expect(ext.apiVersion).toBe(resource(model, 'vmss').apiVersion);
  });

  it('ties `parent:` children to their parent, and reads conditions and dependsOn by symbol', () => {
    const attestation = resource(model, 'attestation');
    const vmss = resource(model, 'vmss');
    expect(attestation.parent).toBe(vmss);
    expect(vmss.children).toEqual([resource(model, 'ext'), attestation]);
    expect(attestation.condition && attestation.deployment.evaluator.node(attestation.condition)).toMatchObject({ kind: 'known', value: true });
    expect(attestation.dependsOn?.items).toMatchObject([{ kind: 'literal', value: 'vnet' }]);
  });

  it('marks existing resources and reads loops', () => {
    expect(resource(model, 'vnet').existing).toBe(true);
    const disks = resource(model, 'disks');
    expect(disks.loop?.name).toBe('disks');
    expect(disks.loop?.count && disks.deployment.evaluator.node(disks.loop.count)).toMatchObject({ kind: 'known', value: 2 });
    expect(disks.name && disks.deployment.evaluator.node(disks.name)).toMatchObject({ kind: 'unknown' });
  });

  it('lists every resource in source order, with the deployment holding the top-level ones', () => {
    expect(model.resources.map((r) => r.symbolicName)).toEqual(['vmss', 'ext', 'attestation', 'vnet', 'disks']);
    expect(model.root.resources.map((r) => r.symbolicName)).toEqual(['vmss', 'ext', 'attestation', 'vnet', 'disks']);
  });

  it('declares parameters in the ARM layout rules read, with their Bicep types', () => {
    const declared = parseBicep(`@allowed([
  'Standard'
  'TrustedLaunch'
])
param a string = 'Standard'
param b 'Standard' | 'TrustedLaunch'
@secure()
param c string
param d string[]?
param e bool = true
`);
    const { parameters } = declared.root.decls;
    expect([...parameters.values()].map((p) => [p.name, p.type, p.allowedValues?.items.length])).toEqual([
      ['a', 'string', 2],
      ['b', 'string', 2],
      ['c', 'securestring', undefined],
      ['d', 'array', undefined],
      ['e', 'bool', undefined],
    ]);
    const template = declared.root.node;
    const a = at(template, 'parameters.a');
    expect(textAt(declared, a)).toBe("param a string = 'Standard'");
    expect(at(template, 'parameters.a.defaultValue')).toMatchObject({ kind: 'literal', value: 'Standard' });
  });
});

describe('Bicep expressions, lowered to the shared expression tree', () => {
  const model = parseBicep(`param name string = 'Web'
param flag bool = false
param tags object = { env: 'prod' }
param list array = [1, 2, 3]
param settings object = { enabled: false }
var v = {
  eq: name == 'Web'
  ne: name != 'web'
  ieq: name =~ 'web'
  not: !flag
  and: flag && true
  or: flag || true
  ternary: flag ? 'a' : 'b'
  interpolated: '\${name}-{x}-\${length(list)}'
  member: tags.env
  safe: tags.?missing
  coalesce: tags.?missing ?? 'fallback'
  index: list[1]
  fromEnd: list[^1]
  arithmetic: (1 + 2) * 3 - 4 / 2 % 3
  negative: -list[0]
  nullValue: null
  mapped: map(list, x => x * 2)
  loop: concat([for (item, i) in list: item + i])
  filtered: concat([for item in list: if (item > 1) { v: item }])
  copyLoop: [for item in list: { v: item }]
  notMember: !settings.enabled
  negativeIndex: -list[0] + 0
  call: toUpper(name)
  namespaced: sys.toLower(name)
  id: vmss.id
  vmssName: vmss.name
  fn: double(21)
  merged: {
    ...tags
    more: 1
  }
  any: any(3)
}
func double(n int) int => n * 2
resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2023-09-01' = {
  name: '\${name}-vmss'
}
`);
  const evaluate = (key: string) => {
    const variables = model.root.decls.variables.get('v');
    if (variables?.kind !== 'object') throw new Error('no v');
    const node = getProperty(variables, key)?.value;
    if (node === undefined) throw new Error(`no ${key}`);
    return model.root.evaluator.node(node);
  };

  it.each([
    ['eq', true],
    ['ne', true],
    ['ieq', true],
    ['not', true],
    ['and', false],
    ['or', true],
    ['ternary', 'b'],
    ['interpolated', 'Web-{x}-3'],
    ['member', 'prod'],
    ['safe', null],
    ['coalesce', 'fallback'],
    ['index', 2],
    ['fromEnd', 3],
    ['arithmetic', 7],
    ['negative', -1],
    ['nullValue', null],
    ['mapped', [2, 4, 6]],
    ['loop', [1, 3, 5]],
    ['filtered', [{ v: 2 }, { v: 3 }]],
    ['call', 'WEB'],
    ['namespaced', 'web'],
    ['vmssName', 'Web-vmss'],
    ['fn', 42],
    ['merged', { env: 'prod', more: 1 }],
    ['any', 3],
    ['notMember', true],
    ['negativeIndex', -1],
  ])('%s evaluates to %j', (key, value) => {
    expect(evaluate(key)).toMatchObject({ kind: 'known', value });
  });

  it('writes a loop that is a property value as an ARM property copy loop: one item and a count', () => {
    const variables = model.root.decls.variables.get('v');
    const copyLoop = variables?.kind === 'object' ? getProperty(variables, 'copyLoop')?.value : undefined;
    expect(copyLoop).toMatchObject({ kind: 'array', items: [{ kind: 'object' }] });
    expect(copyLoop?.kind === 'array' && copyLoop.copyCount && model.root.evaluator.node(copyLoop.copyCount)).toMatchObject({ kind: 'known', value: 3 });
  });

  it('writes `vmss.id` as resourceId() of its type and name, known only at deployment', () => {
    expect(evaluate('id')).toMatchObject({ kind: 'unknown', reason: 'environment' });
  });

  it('keeps the origin of a value that comes from a parameter default', () => {
    const value = evaluate('member');
    expect(value.kind === 'known' && value.origin).toMatchObject({ via: 'parameter-default', parameter: 'tags' });
  });

  it('reports nothing for valid expressions', () => {
    expect(model.expressionProblems).toEqual([]);
  });

  it('reports unknown functions and wrong arities with their ranges', () => {
    const broken = parseBicep("var a = toUpperr('x')\nvar b = concat()\nvar c = length(1, 2)\nvar s = resourceGroup('other').location\n");
    expect(broken.expressionProblems.map((p) => [p.messageId, textAt(broken, p)])).toEqual([
      ['unknownFunction', 'toUpperr'],
      ['arity', 'length(1, 2)'],
    ]);
  });
});

describe('Bicep comments', () => {
  it('collects line and block comments with their bodies', () => {
    const model = parseBicep("// one\nvar a = 1 /* two */\n/*\nthree\n*/\n");
    expect(model.comments.map((c) => [c.body, c.block])).toEqual([
      [' one', false],
      [' two ', true],
      ['\nthree\n', true],
    ]);
  });
});
