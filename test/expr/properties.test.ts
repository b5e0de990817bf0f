import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Evaluated } from '../../src/model/evaluated.js';
import type { ExprNode } from '../../src/model/expr/ast.js';
import {
  checkExpression,
  createEvaluator,
  isArmExpression,
  parseArmExpression,
  printExpression,
} from '../../src/model/expr/index.js';
import { anyCodeUnits, anyExpr, evaluableExpr, expressionLikeText, withoutRanges } from './arbitraries.js';
import { parameter, scope } from './nodes.js';

const identity = (index: number): number => index;

function parsesWithoutThrowing(value: string): void {
  const result = parseArmExpression(value, identity);
  if (!isArmExpression(value)) {
    expect(result).toEqual({ expr: undefined, problem: undefined });
    return;
  }
  // An expression string either parses or reports one problem inside the string.
  expect((result.expr === undefined) !== (result.problem === undefined)).toBe(true);
  if (result.problem) {
    expect(result.problem.range.start).toBeGreaterThanOrEqual(0);
    expect(result.problem.range.end).toBeGreaterThan(result.problem.range.start);
    expect(result.problem.range.end).toBeLessThanOrEqual(value.length);
  }
  if (result.expr) checkExpression(result.expr, new Set());
}

describe('parser properties', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        parsesWithoutThrowing(text);
        parsesWithoutThrowing(`[${text}]`);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary Unicode, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), anyCodeUnits), (text) => {
        parsesWithoutThrowing(`[${text}]`);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on text made of the expression alphabet', () => {
    fc.assert(
      fc.property(expressionLikeText, (text) => {
        parsesWithoutThrowing(`[${text}]`);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back what it prints', () => {
    fc.assert(
      fc.property(anyExpr, (expr) => {
        const text = `[${printExpression(expr)}]`;
        const result = parseArmExpression(text, identity);
        expect(result.problem).toBeUndefined();
        expect(withoutRanges(result.expr ?? expr)).toEqual(withoutRanges(expr));
        // Printing is canonical: a second round trip gives the same text.
        expect(result.expr && printExpression(result.expr)).toBe(printExpression(expr));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives every node a range inside the string, children inside parents', () => {
    fc.assert(
      fc.property(anyExpr, (generated) => {
        const text = `[${printExpression(generated)}]`;
        const { expr } = parseArmExpression(text, identity);
        const pending: [ExprNode, number, number][] = expr ? [[expr, 1, text.length - 1]] : [];
        for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
          const [node, start, end] = item;
          expect(node.range.start).toBeGreaterThanOrEqual(start);
          expect(node.range.end).toBeLessThanOrEqual(end);
          const { start: s, end: e } = node.range;
          if (node.kind === 'call') node.args.forEach((arg) => pending.push([arg, s, e]));
          if (node.kind === 'property') pending.push([node.object, s, e]);
          if (node.kind === 'index') pending.push([node.object, s, e], [node.index, s, e]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

function isEvaluated(value: Evaluated): boolean {
  if (value.kind === 'known') return true;
  if (value.kind === 'oneOf') return value.values.length >= 1 && value.values.length <= 64;
  return typeof value.reason === 'string' && Array.isArray(value.dependsOn);
}

describe('evaluation properties', () => {
  const decls = scope({
    parameters: [
      parameter('p', { allowedValues: ['a', 'b', 1] }),
      parameter('q', { defaultValue: 'TrustedLaunch' }),
      parameter('a'),
      parameter('name', { defaultValue: "[parameters('p')]" }),
    ],
    variables: { v: { a: [1, 2], name: 'x' }, x: "[concat(variables('v').name, parameters('q'))]", cycle: "[variables('cycle')]" },
  });
  const budget = { maxDepth: 32, maxSteps: 2000, maxStringLength: 10_000, maxArrayLength: 1000 };

  it('never throws and always yields a well-formed value', () => {
    fc.assert(
      fc.property(evaluableExpr, (expr) => {
        const evaluator = createEvaluator(decls, { budget });
        const result = evaluator.expr(expr, new Map([['copyIndex', { kind: 'known', value: 1 }]]));
        expect(isEvaluated(result)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(evaluableExpr, (expr) => {
        const first = createEvaluator(decls, { budget }).expr(expr);
        const second = createEvaluator(decls, { budget }).expr(expr);
        expect(second).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });
});
