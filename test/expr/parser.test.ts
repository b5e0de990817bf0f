import { describe, expect, it } from 'vitest';
import type { ExprNode } from '../../src/model/expr/ast.js';
import { isArmExpression, parseArmExpression, printExpression } from '../../src/model/expr/index.js';

const identity = (index: number): number => index;

function parsed(value: string, mapOffset: (index: number) => number = identity): ExprNode {
  const result = parseArmExpression(value, mapOffset);
  expect(result.problem).toBeUndefined();
  if (result.expr === undefined) throw new Error(`no expression for ${value}`);
  return result.expr;
}

describe('isArmExpression', () => {
  it.each([
    ["[parameters('a')]", true],
    ['[]', true],
    ['[[escaped]', false],
    ['[[', false],
    ['[test] value', false],
    [' [x]', false],
    ['[x] ', false],
    ['plain', false],
    ['[', false],
    [']', false],
    ['', false],
  ])('%j → %s', (value, expected) => {
    expect(isArmExpression(value)).toBe(expected);
  });

  it('leaves non-expressions alone', () => {
    expect(parseArmExpression('[[not an expression]', identity)).toEqual({ expr: undefined, problem: undefined });
    expect(parseArmExpression('Standard', identity)).toEqual({ expr: undefined, problem: undefined });
  });
});

describe('parseArmExpression: trees and ranges', () => {
  it('parses a call with string and number arguments, with exact ranges', () => {
    expect(parsed("[concat('a''b', -12, 3)]")).toEqual({
      kind: 'call',
      namespace: undefined,
      name: 'concat',
      nameRange: { start: 1, end: 7 },
      range: { start: 1, end: 23 },
      args: [
        { kind: 'string', value: "a'b", range: { start: 8, end: 14 } },
        { kind: 'number', value: -12, range: { start: 16, end: 19 } },
        { kind: 'number', value: 3, range: { start: 21, end: 22 } },
      ],
    });
  });

  it('parses property and index access chains', () => {
    expect(parsed("[variables('x')[0].name]")).toEqual({
      kind: 'property',
      name: 'name',
      range: { start: 1, end: 23 },
      object: {
        kind: 'index',
        range: { start: 1, end: 18 },
        index: { kind: 'number', value: 0, range: { start: 16, end: 17 } },
        object: {
          kind: 'call',
          namespace: undefined,
          name: 'variables',
          nameRange: { start: 1, end: 10 },
          range: { start: 1, end: 15 },
          args: [{ kind: 'string', value: 'x', range: { start: 11, end: 14 } }],
        },
      },
    });
  });

  it('parses namespaced user functions', () => {
    expect(parsed('[contoso.uniqueName( )]')).toEqual({
      kind: 'call',
      namespace: 'contoso',
      name: 'uniqueName',
      nameRange: { start: 1, end: 19 },
      range: { start: 1, end: 22 },
      args: [],
    });
  });

  it('allows whitespace and newlines between tokens', () => {
    expect(printExpression(parsed("[ if ( equals( parameters( 'a' ) ,1 ) ,\n 'x' , 'y' ) ]"))).toBe(
      "if(equals(parameters('a'), 1), 'x', 'y')",
    );
  });

  it('maps ranges through mapOffset (JSON escapes make raw offsets differ)', () => {
    // Raw JSON text `"[concat('\u0041', foo)]"` decodes to `[concat('A', foo)]`: the escape is 6
    // characters for 1, and the opening quote shifts everything by one.
    const mapOffset = (index: number): number => (index <= 9 ? index + 1 : index + 6);
    const result = parseArmExpression("[concat('A', foo)]", mapOffset);
    expect(result.problem?.range).toEqual({ start: 19, end: 22 });
    expect(parsed("[concat('A', 'b')]", mapOffset)).toMatchObject({
      range: { start: 2, end: 23 },
      args: [{ range: { start: 9, end: 17 } }, { range: { start: 19, end: 22 } }],
    });
  });

  it.each([
    ["[resourceGroup().location]", 'resourceGroup().location'],
    ["[variables('m')[parameters('k')]]", "variables('m')[parameters('k')]"],
    ["[string('it''s')]", "string('it''s')"],
    ["[createArray()]", 'createArray()'],
    ["[reference('r').outputs['my-output'].value]", "reference('r').outputs['my-output'].value"],
    ['[sys.parseCidr(\'10.0.0.0/16\')]', "sys.parseCidr('10.0.0.0/16')"],
    ["[add(1,-1)]", 'add(1, -1)'],
  ])('%s prints as %s', (value, printed) => {
    expect(printExpression(parsed(value))).toBe(printed);
  });
});

describe('parseArmExpression: syntax problems', () => {
  it.each([
    // The seed article's snippet: the bare identifier is the error.
    [
      "[format('{0}/{1}', parameters('vmssName'), GuestAttestation)]",
      43,
      59,
      "the unquoted identifier GuestAttestation is not a value: write a string literal ('GuestAttestation') or call a function (GuestAttestation(...))",
    ],
    ['[true]', 1, 5, "'true' is not a value in a template expression; use the function true()"],
    ["[concat('a' 'b')]", 12, 15, "expected ',' or ')' in the arguments of concat, found a string"],
    ["[concat('a)]", 8, 11, "string literal is missing its closing quote '"],
    ['[1.5]', 1, 4, "decimal number 1.5 is not supported in template expressions; use json('1.5')"],
    ['[]', 0, 2, 'the expression is empty'],
    ['[  ]', 0, 4, 'the expression is empty'],
    ["[concat('a'),]", 12, 13, "expected the end of the expression, found ','"],
    ["[concat('a') 'b']", 13, 16, 'expected the end of the expression, found a string'],
    ["[concat(,'a')]", 8, 9, "expected a value (a 'string', a number or a function call), found ','"],
    ["[resourceGroup().location()]", 25, 26, "'location' is a property access; only functions can be called"],
    ["[parameters('x').]", 17, 18, "expected a property name after '.', found the end of the expression"],
    ["[variables('x')[0]", 17, 18, "expected ']' to close the index, found the end of the expression"],
    ["[concat('a', 'b']", 7, 8, "'(' of concat is never closed"],
    ['[-]', 1, 2, 'unexpected character "-"'],
    ['[😀]', 1, 3, 'unexpected character "😀"'],
  ])('%s → [%i, %i) %s', (value, start, end, detail) => {
    expect(parseArmExpression(value, identity)).toEqual({
      expr: undefined,
      problem: { kind: 'syntax', messageId: 'syntax', range: { start, end }, data: { detail } },
    });
  });

  it('reports nesting deeper than 200 levels as a problem, not a stack overflow', () => {
    const deep = `[${'concat('.repeat(5000)}'x'${')'.repeat(5000)}]`;
    const result = parseArmExpression(deep, identity);
    expect(result.expr).toBeUndefined();
    expect(result.problem?.data.detail).toBe('the expression nests deeper than 200 levels');
    expect(result.problem?.range).toEqual({ start: 1 + 7 * 200, end: 1 + 7 * 200 + 6 });
    const ok = `[${'concat('.repeat(199)}'x'${')'.repeat(199)}]`;
    expect(parseArmExpression(ok, identity).problem).toBeUndefined();
  });
});
