import { describe, expect, it } from 'vitest';
import { known, unknown } from '../../src/model/evaluated.js';
import { createEvaluator } from '../../src/model/expr/index.js';
import type { ObjectNode } from '../../src/model/value.js';
import { evaluate, evaluateIn, plain } from './evaluate-helpers.js';
import { array, copyLoop, expression, literal, object, parameter, scope, userFunction, value } from './nodes.js';

describe('parameters', () => {
  it('takes the default value, with the default as origin', () => {
    const decl = parameter('securityType', { defaultValue: 'Standard' });
    const result = evaluate("[parameters('SECURITYTYPE')]", scope({ parameters: [decl] }));
    expect(result).toEqual(
      known('Standard', { node: decl.defaultValue ?? literal(null), via: 'parameter-default', parameter: 'securityType' }),
    );
  });

  it('prefers a value bound from a parameter file', () => {
    const fileValue = literal('TrustedLaunch');
    const decl = parameter('securityType', {
      defaultValue: 'Standard',
      bound: { kind: 'node', node: fileValue, via: 'parameter-file' },
    });
    expect(evaluate("[parameters('securityType')]", scope({ parameters: [decl] }))).toEqual(
      known('TrustedLaunch', { node: fileValue, via: 'parameter-file', parameter: 'securityType' }),
    );
  });

  it('returns a value evaluated in a parent deployment as it is', () => {
    const fromParent = { kind: 'oneOf', values: ['a', 'b'], parameter: 'outer' } as const;
    const decl = parameter('inner', { defaultValue: 'x', bound: { kind: 'evaluated', value: fromParent } });
    expect(evaluate("[parameters('inner')]", scope({ parameters: [decl] }))).toBe(fromParent);
  });

  it('evaluates an expression default in its scope and keeps the origin of what it reads', () => {
    const other = parameter('other', { defaultValue: 'TrustedLaunch' });
    const decls = scope({
      parameters: [
        other,
        parameter('copy', { defaultValue: "[parameters('other')]" }),
        parameter('computed', { defaultValue: "[toLower('ABC')]" }),
      ],
    });
    expect(evaluate("[parameters('copy')]", decls)).toEqual(
      known('TrustedLaunch', { node: other.defaultValue ?? literal(null), via: 'parameter-default', parameter: 'other' }),
    );
    expect(evaluate("[parameters('computed')]", decls)).toEqual(known('abc'));
  });

  it('is one of the allowed values when there is no default', () => {
    const decls = scope({ parameters: [parameter('sku', { allowedValues: ['Standard', 'TrustedLaunch', 'Standard'] })] });
    expect(evaluate("[parameters('sku')]", decls)).toEqual({
      kind: 'oneOf',
      values: ['Standard', 'TrustedLaunch'],
      parameter: 'sku',
    });
  });

  it('does not take the allowed items of an array parameter for its values', () => {
    const decls = scope({ parameters: [parameter('zones', { type: 'array', allowedValues: ['1', '2', '3'] })] });
    expect(evaluate("[parameters('zones')]", decls)).toEqual(unknown('parameter', ['zones']));
  });

  it('is unknown, depending on itself, with neither default nor allowed values', () => {
    expect(evaluate("[parameters('vmssName')]", scope({ parameters: [parameter('vmssName')] }))).toEqual(
      unknown('parameter', ['vmssName']),
    );
  });

  it('detects cycles between defaults', () => {
    const decls = scope({
      parameters: [parameter('a', { defaultValue: "[parameters('b')]" }), parameter('b', { defaultValue: "[parameters('a')]" })],
    });
    expect(evaluate("[parameters('a')]", decls)).toEqual(unknown('cycle'));
  });
});

describe('variables', () => {
  it('keeps the literal as origin, labelled with the variable', () => {
    const node = literal('TrustedLaunch');
    expect(evaluate("[variables('x')]", scope({ variables: { x: node } }))).toEqual(
      known('TrustedLaunch', { node, via: 'variable', variable: 'x' }),
    );
  });

  it('follows member access into the written object', () => {
    const secureBoot = literal(true);
    const securityType = parameter('securityType', { defaultValue: 'Standard' });
    const decls = scope({
      parameters: [securityType],
      variables: { profile: object({ secureBootEnabled: secureBoot, securityType: expression("[parameters('securityType')]") }) },
    });
    expect(evaluate("[variables('profile').SecureBootEnabled]", decls)).toEqual(
      known(true, { node: secureBoot, via: 'variable', variable: 'profile' }),
    );
    expect(evaluate("[variables('profile')['securityType']]", decls)).toEqual(
      known('Standard', { node: securityType.defaultValue ?? literal(null), via: 'parameter-default', parameter: 'securityType' }),
    );
  });

  it('follows index access into a parameter default array', () => {
    const second = literal('b');
    const decls = scope({ parameters: [{ ...parameter('list'), defaultValue: array([literal('a'), second]) }] });
    expect(evaluate("[parameters('list')[1]]", decls)).toEqual(
      known('b', { node: second, via: 'parameter-default', parameter: 'list' }),
    );
  });

  it('names the variable as written in the variables object, whatever the map key', () => {
    const node = literal('x');
    const variablesNode = object({ MyVar: node });
    const decls = { ...scope(), variables: new Map([['myvar', node]]), variablesNode };
    expect(evaluate("[variables('MYVAR')]", decls)).toEqual(known('x', { node, via: 'variable', variable: 'MyVar' }));
  });

  it('evaluates each variable once', () => {
    const evaluator = createEvaluator(scope({ variables: { big: "[range(0, 100)]" } }));
    expect(evaluator.variable('big')).toBe(evaluator.variable('BIG'));
  });

  it('detects cycles, including self-reference', () => {
    const decls = scope({ variables: { a: "[variables('b')]", b: "[concat(variables('a'), 'x')]", self: "[variables('self')]" } });
    expect(evaluate("[variables('a')]", decls)).toEqual(unknown('cycle'));
    expect(evaluate("[variables('b')]", decls)).toEqual(unknown('cycle'));
    expect(evaluate("[variables('self')]", decls)).toEqual(unknown('cycle'));
  });
});

describe('written values (node)', () => {
  const decls = scope({ parameters: [parameter('p'), parameter('q', { defaultValue: 1 })] });

  it('evaluates objects and arrays made of known parts, with the node as origin', () => {
    const node = value({ a: [1, "[add(1, 1)]"], b: "[parameters('q')]", A: 'last wins' });
    expect(createEvaluator(decls).node(node)).toEqual(known({ a: 'last wins', b: 1 }, { node, via: 'literal' }));
  });

  it('is unknown when a part is, with the parts’ dependencies merged', () => {
    const node = value({ a: "[parameters('p')]", b: ["[parameters('q')]", "[resourceGroup().location]"] });
    expect(createEvaluator(decls).node(node)).toEqual(unknown('parameter', ['p', 'q']));
  });

  it('is unknown (error) for an expression that did not parse', () => {
    const broken = { ...expression("['x']"), expr: undefined };
    expect(createEvaluator(decls).node(broken)).toEqual(unknown('error'));
  });
});

describe('copy loops (property and variable copy)', () => {
  const createOption = literal('Empty');
  const disks = copyLoop(
    object({
      name: expression("[concat('disk', string(copyIndex('dataDisks')))]"),
      lun: expression("[copyIndex('dataDisks')]"),
      createOption,
    }),
    expression("[parameters('count')]"),
  );

  it('repeats the input with copyIndex bound to the loop name', () => {
    const decls = scope({ parameters: [parameter('count', { defaultValue: 2 })], variables: { dataDisks: disks } });
    expect(plain(evaluate("[variables('dataDisks')]", decls))).toEqual({
      kind: 'known',
      value: [
        { name: 'disk0', lun: 0, createOption: 'Empty' },
        { name: 'disk1', lun: 1, createOption: 'Empty' },
      ],
    });
    expect(evaluate("[variables('dataDisks')[1].createOption]", decls)).toEqual(
      known('Empty', { node: createOption, via: 'variable', variable: 'dataDisks' }),
    );
  });

  it('drops the copy declaration from an object that holds the loop arrays', () => {
    const storageProfile = object({ copy: value([{ name: 'dataDisks', count: 1, input: {} }]), dataDisks: disks });
    const decls = scope({ parameters: [parameter('count', { defaultValue: 1 })] });
    expect(plain(createEvaluator(decls).node(storageProfile))).toEqual({
      kind: 'known',
      value: { dataDisks: [{ name: 'disk0', lun: 0, createOption: 'Empty' }] },
    });
  });

  it('is unknown when the count is, and bounded when it is huge', () => {
    const unknownCount = scope({ parameters: [parameter('count')], variables: { dataDisks: disks } });
    expect(evaluate("[variables('dataDisks')]", unknownCount)).toEqual(unknown('parameter', ['count']));
    const hugeCount = scope({ parameters: [parameter('count', { defaultValue: 100_000_000 })], variables: { dataDisks: disks } });
    expect(evaluate("[variables('dataDisks')]", hugeCount)).toEqual(unknown('budget'));
  });
});

describe('three-valued evaluation', () => {
  const decls = scope({
    parameters: [
      parameter('securityType', { allowedValues: ['Standard', 'TrustedLaunch'] }),
      parameter('free'),
      parameter('ten', { allowedValues: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] }),
      parameter('eleven', { allowedValues: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }),
    ],
    variables: { uefi: { secureBootEnabled: true } },
  });

  it.each([
    ["[equals(parameters('securityType'), 'TrustedLaunch')]", { kind: 'oneOf', values: [false, true], parameter: 'securityType' }],
    ["[equals(length(parameters('securityType')), 8)]", { kind: 'oneOf', values: [true, false], parameter: 'securityType' }],
    ["[greater(length(parameters('securityType')), 3)]", { kind: 'known', value: true }],
    [
      "[if(equals(parameters('securityType'), 'TrustedLaunch'), 'TL', 'STD')]",
      { kind: 'oneOf', values: ['TL', 'STD'], parameter: 'securityType' },
    ],
    ["[if(equals(parameters('securityType'), 'TrustedLaunch'), 'same', 'same')]", { kind: 'known', value: 'same' }],
    ["[if(equals(parameters('free'), 'x'), 'a', 'b')]", { kind: 'oneOf', values: ['a', 'b'], parameter: undefined }],
    ["[if(equals(parameters('free'), 'x'), 'a', parameters('free'))]", unknown('parameter', ['free'])],
    ["[if(parameters('free'), 'same', 'same')]", { kind: 'known', value: 'same' }],
    ["[and(equals(parameters('free'), 'x'), false())]", { kind: 'known', value: false }],
    ["[or(parameters('free'), true())]", { kind: 'known', value: true }],
    ["[and(parameters('free'), true())]", unknown('parameter', ['free'])],
    ["[not(equals(parameters('securityType'), 'Standard'))]", { kind: 'oneOf', values: [false, true], parameter: 'securityType' }],
    ["[concat(parameters('free'), resourceGroup().location)]", unknown('parameter', ['free'])],
    ["[concat(resourceGroup().location, parameters('free'))]", unknown('environment', ['free'])],
    ["[resourceId('Microsoft.Compute/virtualMachineScaleSets', parameters('free'))]", unknown('environment', ['free'])],
    ["[add(parameters('ten'), 1)]", { kind: 'oneOf', values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], parameter: 'ten' }],
    // 10 × 11 alternatives is past the cap of 64.
    ["[add(parameters('ten'), parameters('eleven'))]", unknown('budget', ['ten', 'eleven'])],
    ["[coalesce(null(), parameters('free'), 'x')]", unknown('parameter', ['free'])],
  ])('%s', (source, expected) => {
    expect(plain(evaluate(source, decls))).toEqual(expected);
  });

  it('evaluates only the branch a known condition picks, and keeps its origin', () => {
    const tight = { maxDepth: 64, maxSteps: 50, maxStringLength: 1000, maxArrayLength: 1000 };
    const evaluator = createEvaluator(decls, { budget: tight });
    expect(plain(evaluateIn(evaluator, "[if(true(), 'a', length(range(0, 500)))]"))).toEqual({ kind: 'known', value: 'a' });
    expect(evaluateIn(evaluator, "[if(false(), 'a', length(range(0, 500)))]")).toEqual(unknown('budget'));
    const result = evaluateIn(evaluator, "[if(equals('TrustedLaunch', 'TrustedLaunch'), variables('uefi'), null())]");
    expect(result.kind === 'known' ? result.origin : undefined).toMatchObject({ via: 'variable', variable: 'uefi' });
  });

  it('keeps the origin of the value coalesce picks', () => {
    const node = literal('x');
    const result = evaluate("[coalesce(null(), variables('v'))]", scope({ variables: { v: node } }));
    expect(result).toEqual(known('x', { node, via: 'variable', variable: 'v' }));
  });
});

describe('copyIndex', () => {
  const evaluator = createEvaluator(scope());
  const locals = new Map([
    ['copyIndex', known(2)],
    ['copyIndex:vmLoop', known(5)],
  ]);

  it.each([
    ['[copyIndex()]', 2],
    ['[copyIndex(1)]', 3],
    ["[copyIndex('vmLoop')]", 5],
    ["[copyIndex('VMLOOP', 10)]", 15],
    ["[concat('vm', string(copyIndex(1)))]", 'vm3'],
  ])('%s = %j', (source, expected) => {
    expect(plain(evaluateIn(evaluator, source, locals))).toEqual({ kind: 'known', value: expected });
  });

  it('is unknown for a loop that is not bound', () => {
    expect(evaluateIn(evaluator, "[copyIndex('other')]", locals)).toEqual(unknown('environment'));
  });
});

describe('user-defined functions', () => {
  const template = parameter('prefix', { defaultValue: 'tl' });
  const decls = scope({
    parameters: [template],
    functions: [
      userFunction('contoso', 'greet', ['name'], "[concat('Hello ', parameters('name'))]"),
      userFunction('contoso', 'identity', ['value'], "[parameters('value')]"),
      userFunction('contoso', 'templateParam', [], "[parameters('prefix')]"),
      userFunction('contoso', 'readsVariable', [], "[variables('v')]"),
      userFunction('contoso', 'loop', ['x'], "[contoso.loop(parameters('x'))]"),
      userFunction('contoso', 'constant', [], { securityType: 'TrustedLaunch' }),
    ],
    variables: { v: 'x' },
  });

  it.each([
    ["[contoso.greet('world')]", { kind: 'known', value: 'Hello world' }],
    ["[CONTOSO.GREET(parameters('prefix'))]", { kind: 'known', value: 'Hello tl' }],
    ["[contoso.constant().securityType]", { kind: 'known', value: 'TrustedLaunch' }],
    ["[contoso.greet()]", unknown('error')],
    ["[contoso.missing()]", unknown('error')],
    // A function sees only its own arguments.
    ['[contoso.templateParam()]', unknown('error')],
    ['[contoso.readsVariable()]', unknown('error')],
    ["[contoso.loop('x')]", unknown('budget')],
  ])('%s', (source, expected) => {
    expect(plain(evaluate(source, decls))).toEqual(expected);
  });

  it('passes the arguments’ origins through', () => {
    expect(evaluate("[contoso.identity(parameters('prefix'))]", decls)).toEqual(
      known('tl', { node: template.defaultValue ?? literal(null), via: 'parameter-default', parameter: 'prefix' }),
    );
  });
});

describe('outer-scope nested deployments', () => {
  it('reads parameters and variables from the parent evaluator', () => {
    const parent = createEvaluator(scope({ parameters: [parameter('p', { defaultValue: 'outer' })], variables: { v: 'outer-var' } }));
    const nested = scope({ parameters: [parameter('p', { defaultValue: 'inner' })], variables: { v: 'inner-var' } });
    const evaluator = createEvaluator(nested, { parent });
    expect(plain(evaluateIn(evaluator, "[concat(parameters('p'), '/', variables('v'))]"))).toEqual({
      kind: 'known',
      value: 'outer/outer-var',
    });
    expect(evaluator.parameter('p')).toBe(parent.parameter('p'));
  });
});

describe('budgets', () => {
  it('gives up on a chain of doubling variables', () => {
    const variables: Record<string, string> = { v0: 'ab' };
    for (let i = 1; i <= 40; i++) variables[`v${String(i)}`] = `[concat(variables('v${String(i - 1)}'), variables('v${String(i - 1)}'))]`;
    const result = evaluate("[variables('v40')]", scope({ variables }));
    expect(result).toEqual(unknown('budget'));
  });

  it('gives up on values that share structure exponentially', () => {
    const variables: Record<string, string> = { v0: "[createArray('x')]", w0: "[createArray('x')]" };
    for (let i = 1; i <= 60; i++) {
      for (const name of ['v', 'w']) {
        const previous = `variables('${name}${String(i - 1)}')`;
        variables[`${name}${String(i)}`] = `[createArray(${previous}, ${previous})]`;
      }
    }
    const decls = scope({ variables });
    // Compare reasons only: a failing assertion would try to print a 2^60-node value.
    const reason = (source: string): string => {
      const result = evaluate(source, decls);
      return result.kind === 'unknown' ? result.reason : result.kind;
    };
    expect(reason("[length(string(variables('v60')))]")).toBe('budget');
    expect(reason("[equals(variables('v60'), variables('w60'))]")).toBe('budget');
    expect(reason("[union(variables('v60'), variables('w60'))]")).toBe('budget');
    expect(reason("[length(union(variables('v60'), variables('v60')))]")).toBe('known');
  });

  it('does not allocate huge arrays or strings', () => {
    expect(evaluate('[range(0, 100000000)]')).toEqual(unknown('budget'));
    expect(evaluate("[padLeft('a', 100000000, 'x')]")).toEqual(unknown('budget'));
    expect(evaluate("[replace(padLeft('a', 900000, 'x'), 'x', 'yy')]")).toEqual(unknown('budget'));
  });

  it('bounds expression depth and long reference chains', () => {
    const deep = `[${'concat('.repeat(150)}'x'${')'.repeat(150)}]`;
    expect(evaluate(deep)).toEqual(unknown('budget'));
    const variables: Record<string, string> = { c0: 'end' };
    for (let i = 1; i <= 500; i++) variables[`c${String(i)}`] = `[variables('c${String(i - 1)}')]`;
    expect(evaluate("[variables('c500')]", scope({ variables }))).toEqual(unknown('budget'));
  });

  it('counts steps', () => {
    const budget = { maxDepth: 64, maxSteps: 100, maxStringLength: 1000, maxArrayLength: 10_000 };
    expect(evaluate("[length(map(range(0, 1000), lambda('x', lambdaVariables('x'))))]", scope(), { budget })).toEqual(
      unknown('budget'),
    );
    expect(plain(evaluate("[length(map(range(0, 10), lambda('x', lambdaVariables('x'))))]", scope(), { budget }))).toEqual({
      kind: 'known',
      value: 10,
    });
  });
});

describe('the seed template', () => {
  const securityType = parameter('securityType', { defaultValue: 'TrustedLaunch', allowedValues: ['Standard', 'TrustedLaunch'] });
  const uefi: ObjectNode = object({ secureBootEnabled: literal(true), vTpmEnabled: literal(true) });
  const decls = scope({
    parameters: [securityType, parameter('vmssName')],
    variables: { uefiSettingsJson: uefi, maaEndpoint: "[substring('emptyString', 0, 0)]" },
  });

  it('evaluates uefiSettings to the variable, with its origin', () => {
    const result = evaluate(
      "[if(equals(parameters('securityType'), 'TrustedLaunch'), variables('uefiSettingsJson'), null())]",
      decls,
    );
    expect(result).toEqual(
      known({ secureBootEnabled: true, vTpmEnabled: true }, { node: uefi, via: 'variable', variable: 'uefiSettingsJson' }),
    );
  });

  it('evaluates the extension condition and name', () => {
    expect(
      plain(
        evaluate(
          "[and(equals(parameters('securityType'), 'TrustedLaunch'), and(equals(variables('uefiSettingsJson').secureBootEnabled, true()), equals(variables('uefiSettingsJson').vTpmEnabled, true())))]",
          decls,
        ),
      ),
    ).toEqual({ kind: 'known', value: true });
    expect(evaluate("[format('{0}/{1}', parameters('vmssName'), 'GuestAttestation')]", decls)).toEqual(
      unknown('parameter', ['vmssName']),
    );
    expect(plain(evaluate("[variables('maaEndpoint')]", decls))).toEqual({ kind: 'known', value: '' });
  });
});
