import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { locatorPath } from '../../src/model/arm/index.js';
import type { ExprNode } from '../../src/model/expr/ast.js';
import { SCHEMA, nodeAt, parseTemplate, textOf } from './helpers.js';

function wrap(variables: string, extra = ''): string {
  return `{"$schema": "${SCHEMA}", "contentVersion": "1.0.0.0",${extra} "variables": {${variables}}, "resources": []}`;
}

function callNames(expr: ExprNode | undefined, text: string): string[] {
  if (expr === undefined) return [];
  switch (expr.kind) {
    case 'call':
      return [textOf(text, expr.nameRange), ...expr.args.flatMap((arg) => callNames(arg, text))];
    case 'property':
      return callNames(expr.object, text);
    case 'index':
      return [...callNames(expr.object, text), ...callNames(expr.index, text)];
    default:
      return [];
  }
}

describe('expression strings', () => {
  it('become expression nodes whose ranges point into the file', () => {
    const text = wrap(`"a": "[concat(parameters('p'), 'x')]"`, ' "parameters": {"p": {"type": "string"}},');
    const node = nodeAt(parseTemplate(text).root.node, 'variables.a');
    expect(node).toMatchObject({ kind: 'expression', source: "[concat(parameters('p'), 'x')]" });
    expect(locatorPath(node)).toEqual(['variables', 'a']);
    expect(textOf(text, node.range)).toBe(`"[concat(parameters('p'), 'x')]"`);
    expect(node.kind === 'expression' && callNames(node.expr, text)).toEqual(['concat', 'parameters']);
  });

  it.each([
    ['\\u0041 before', String.raw`"[concat('\u0041', toLower('B'))]"`],
    ['an escaped quote before', String.raw`"[concat('say \"hi\"', toLower('B'))]"`],
    ['an escaped backslash before', String.raw`"[concat('a\\b', toLower('B'))]"`],
    ['an escaped slash before', String.raw`"[concat('a\/b', toLower('B'))]"`],
  ])('ranges stay exact with %s', (_name, raw) => {
    const text = wrap(`"a": ${raw}`);
    const node = nodeAt(parseTemplate(text).root.node, 'variables.a');
    expect(node.kind === 'expression' && callNames(node.expr, text)).toEqual(['concat', 'toLower']);
  });

  it('"[[" escapes a literal that starts with "["', () => {
    const model = parseTemplate(wrap(`"a": "[[variables('x')]", "b": "[[not closed", "c": "[ not an expression"`));
    expect(nodeAt(model.root.node, 'variables.a')).toMatchObject({ kind: 'literal', value: "[variables('x')]" });
    expect(nodeAt(model.root.node, 'variables.b')).toMatchObject({ kind: 'literal', value: '[[not closed' });
    expect(nodeAt(model.root.node, 'variables.c')).toMatchObject({ kind: 'literal', value: '[ not an expression' });
  });
});

describe('expression problems', () => {
  it('syntax problems, with the expression left undefined', () => {
    const text = wrap(`"a": "[format('{0}/{1}', parameters('vmssName'), GuestAttestation)]"`);
    const model = parseTemplate(text);
    expect(nodeAt(model.root.node, 'variables.a')).toMatchObject({ kind: 'expression', expr: undefined });
    expect(model.expressionProblems).toHaveLength(1);
    expect(model.expressionProblems[0]?.kind).toBe('syntax');
    const range = model.expressionProblems[0]?.range;
    expect(range && textOf(text, range)).toContain('GuestAttestation');
  });

  it('a repeated expression is reported at each place it is written, and read there', () => {
    const broken = "[concat('a', ]";
    const text = wrap(`"a": "${broken}", "b": "[nope()]", "c": "${broken}", "d": "[nope()]", "e": "[toUpper('x')]", "f": "[toUpper('x')]"`);
    const model = parseTemplate(text);
    // The '(' that is never closed, in each copy.
    const open = broken.indexOf('(');
    expect(model.expressionProblems.map((p) => [p.kind, p.range.start])).toEqual([
      ['syntax', text.indexOf(broken) + open],
      ['unknown-function', text.indexOf('nope')],
      ['syntax', text.lastIndexOf(broken) + open],
      ['unknown-function', text.lastIndexOf('nope')],
    ]);
    expect(model.root.evaluator.variable('f')).toMatchObject({ kind: 'known', value: 'X' });
    expect(nodeAt(model.root.node, 'variables.c')).toMatchObject({ kind: 'expression', expr: undefined });
  });

  it('unknown functions and arities, at the function name or call', () => {
    const text = wrap(`"a": "[nope(1)]", "b": "[concat()]", "c": "[toLower('A', 'B')]"`);
    const problems = parseTemplate(text).expressionProblems;
    expect(problems.map((p) => [p.kind, textOf(text, p.range)])).toEqual([
      ['unknown-function', 'nope'],
      ['arity', "toLower('A', 'B')"],
    ]);
  });

  it('user functions declared in the template are known', () => {
    const functions = `"functions": [{"namespace": "tl", "members": {"name": {"parameters": [{"name": "x", "type": "string"}], "output": {"type": "string", "value": "[concat('vm-', parameters('x'))]"}}}}],`;
    const text = wrap(`"a": "[tl.name('a')]", "b": "[TL.NAME('b')]", "c": "[other.name('c')]"`, functions);
    const model = parseTemplate(text);
    expect(model.expressionProblems.map((p) => textOf(text, p.range))).toEqual(['other.name']);
    expect(model.root.evaluator.variable('a')).toMatchObject({ kind: 'known', value: 'vm-a' });
  });

  /** A deployment with an inner-scope template that declares inner.f. */
  const innerDeployment = (name: string) => ({
    type: 'Microsoft.Resources/deployments',
    name,
    properties: {
      expressionEvaluationOptions: { scope: 'inner' },
      template: {
        $schema: SCHEMA,
        contentVersion: '1.0.0.0',
        functions: [{ namespace: 'inner', members: { f: { parameters: [], output: { type: 'string', value: 'x' } } } }],
        variables: { ok: '[inner.f()]' },
        resources: [],
      },
    },
  });

  // The scope of an expression is found by a sweep in document order: a deployment's own name,
  // written before its inner template, is in the outer scope, where inner.f is unknown.
  it.each([
    { where: 'an outer variable', variables: { outside: '[inner.f()]' }, name: 'd' },
    { where: 'the deployment name, written before its inner template', variables: {}, name: '[inner.f()]' },
  ])('a nested inner template has its own user functions: inner.f is unknown in $where', ({ variables, name }) => {
    const text = JSON.stringify({ $schema: SCHEMA, contentVersion: '1.0.0.0', variables, resources: [innerDeployment(name)] });
    const problems = parseTemplate(text).expressionProblems;
    expect(problems.map((p) => [p.kind, p.range.start])).toEqual([['unknown-function', text.indexOf('inner.f')]]);
  });
});

describe('the seed article (/work/shared/seed)', () => {
  it('its full template has no expression problem', () => {
    const text = readFileSync('/work/shared/seed/full-template.json', 'utf8');
    const model = parseTemplate(text);
    expect(model.expressionProblems).toEqual([]);
    expect(model.resources.map((r) => r.type)).toContain('Microsoft.Compute/virtualMachineScaleSets');
  });

  it('its Guest Attestation snippet, as a resource of a template, has the one the article is known for', () => {
    const snippet = readFileSync('/work/shared/seed/guest-attestation-snippet.json', 'utf8');
    const text = `{"$schema": "${SCHEMA}", "contentVersion": "1.0.0.0", "resources": [\n${snippet}\n]}`;
    const problems = parseTemplate(text).expressionProblems;
    expect(problems.map((p) => p.kind)).toEqual(['syntax']);
    const start = problems[0]?.range.start ?? -1;
    expect(text.slice(start, start + 'GuestAttestation'.length)).toBe('GuestAttestation');
  });
});
