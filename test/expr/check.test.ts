import { describe, expect, it } from 'vitest';
import { checkExpression, parseArmExpression } from '../../src/model/expr/index.js';
import type { ExpressionProblem } from '../../src/model/template.js';

function check(value: string, userFunctions: readonly string[] = []): ExpressionProblem[] {
  const { expr, problem } = parseArmExpression(value, (index) => index);
  if (expr === undefined) throw new Error(`does not parse: ${problem?.data.detail ?? value}`);
  return checkExpression(expr, new Set(userFunctions));
}

describe('checkExpression', () => {
  it.each([
    "[if(equals(parameters('securityType'), 'TrustedLaunch'), variables('uefi'), null())]",
    "[format('{0}/{1}', parameters('vmssName'), 'GuestAttestation')]",
    "[PARAMETERS('x')]",
    "[listKeys(resourceId('Microsoft.Storage/storageAccounts', 'sa'), '2023-01-01').keys[0].value]",
    "[listAccountSas('sa', '2023-01-01', createObject())]",
    "[list(format('{0}/config/appsettings', 'site'), '2022-03-01')]",
    "[listOutputsWithSecureValues('d', '2022-09-01')]",
    "[map(range(0, 3), lambda('i', add(lambdaVariables('i'), 1)))]",
    "[reduce(createArray(1, 2), 0, lambda('cur', 'next', add(lambdaVariables('cur'), lambdaVariables('next'))))]",
    "[groupBy(createArray('a'), lambda('x', lambdaVariables('x')), lambda('x', lambdaVariables('x')))]",
    "[toObject(createArray('a'), lambda('x', lambdaVariables('x')))]",
    "[sys.cidrSubnet('10.0.0.0/16', 24, 0)]",
    "[tryGet(createObject('a', 1), 'a')]",
    "[shallowMerge(createArray(createObject('a', 1)))]",
    "[pickZones('Microsoft.Compute', 'virtualMachines', 'westus2', 1, 0)]",
    "[dateTimeAdd(utcNow(), 'PT1H', 'u')]",
    "[managementGroupResourceId('Microsoft.Authorization/policyDefinitions', 'p')]",
    "[extensionResourceId(resourceGroup().id, 'Microsoft.Authorization/locks', 'lock')]",
    "[tenant().tenantId]",
    "[deployer().objectId]",
    "[environment().name]",
    "[objectKeys(items(createObject()))]",
    "[substring('abc', 1)]",
    "[padLeft('7', 3)]",
    "[copyIndex('loop', 1)]",
    "[externalInputs('secret')]",
    "[__bicep.isTrusted(parameters('x'))]",
  ])('accepts %s', (value) => {
    expect(check(value, ['__bicep.istrusted'])).toEqual([]);
  });

  it('reports an unknown function at its name', () => {
    expect(check("[concat('a', GuestAttestation('x'))]")).toEqual([
      { kind: 'unknown-function', messageId: 'unknownFunction', range: { start: 13, end: 29 }, data: { name: 'GuestAttestation' } },
    ]);
  });

  it('reports an undeclared user function with its namespace', () => {
    expect(check("[contoso.name('a')]", ['other.name'])).toEqual([
      { kind: 'unknown-function', messageId: 'unknownFunction', range: { start: 1, end: 13 }, data: { name: 'contoso.name' } },
    ]);
  });

  it('compares user function names ignoring case', () => {
    expect(check("[Contoso.UniqueName('a')]", ['contoso.uniquename'])).toEqual([]);
    expect(check("[contoso.uniquename('a')]", ['Contoso.UniqueName'])).toEqual([]);
  });

  it('reports a wrong arity on the whole call', () => {
    expect(check("[equals(parameters('a'))]")).toEqual([
      {
        kind: 'arity',
        messageId: 'arity',
        range: { start: 1, end: 24 },
        data: { name: 'equals', expected: '2', actual: '1' },
      },
    ]);
  });

  it.each([
    ["[if(true(), 'a')]", 'if', '3', '2'],
    ['[resourceGroup(1)]', 'resourceGroup', '0', '1'],
    ["[and(true())]", 'and', 'at least 2', '1'],
    ["[substring()]", 'substring', '1 to 3', '0'],
    ["[listKeys('id')]", 'listKeys', '2 to 3', '1'],
    ["[utcNow('u', 'x')]", 'utcNow', '0 to 1', '2'],
  ])('%s: %s expects %s, got %s', (value, name, expected, actual) => {
    expect(check(value).map((problem) => problem.data)).toEqual([{ name, expected, actual }]);
  });

  it('reports every problem in source order, nested ones included', () => {
    const problems = check("[concat(foo(), if(true()), bar.baz(1))]");
    expect(problems.map((problem) => [problem.kind, problem.range.start])).toEqual([
      ['unknown-function', 8],
      ['arity', 15],
      ['unknown-function', 27],
    ]);
  });

  it('looks inside property and index access', () => {
    expect(check("[variables('x')[nope()].y]").map((problem) => problem.data.name)).toEqual(['nope']);
  });
});
