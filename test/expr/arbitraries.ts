// fast-check generators of expression trees and expression-like text.
import fc from 'fast-check';
import type { ExprNode } from '../../src/model/expr/ast.js';

const noRange = { start: 0, end: 0 };

export const identifier = fc.stringMatching(/^[A-Za-z_$][A-Za-z0-9_$]{0,8}$/u);

/** Names the evaluator knows, plus a few it does not. */
export const functionName = fc.constantFrom(
  'concat', 'format', 'if', 'equals', 'not', 'and', 'or', 'coalesce', 'union', 'intersection', 'createArray',
  'createObject', 'json', 'string', 'int', 'bool', 'length', 'first', 'last', 'split', 'replace', 'substring',
  'contains', 'empty', 'toLower', 'toUpper', 'range', 'take', 'skip', 'add', 'sub', 'mul', 'div', 'mod', 'min',
  'max', 'array', 'items', 'objectKeys', 'tryGet', 'padLeft', 'startsWith', 'indexOf', 'parameters', 'variables',
  'copyIndex', 'resourceGroup', 'reference', 'uniqueString', 'map', 'filter', 'reduce', 'sort', 'lambda',
  'lambdaVariables', 'base64', 'like', 'null', 'true', 'false', 'noSuchFunction', 'greater', 'less', 'join',
  'flatten', 'distinct', 'shallowMerge', 'base64ToJson', 'uri', 'dataUri', 'first', 'fail', 'listKeys',
);

const smallString = fc.oneof(
  fc.constantFrom('', 'a', 'x', "it's", '{0}', '{0}-{1}', 'TrustedLaunch', 'Standard', '[1,2]', '{"a":1}', ',', 'p', 'v'),
  fc.string({ maxLength: 6 }),
);

/** Any tree, for printing and parsing back (names are arbitrary identifiers). */
export const anyExpr: fc.Arbitrary<ExprNode> = fc.letrec<{ expr: ExprNode }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ unit: 'binary', maxLength: 8 }).map((value): ExprNode => ({ kind: 'string', value, range: noRange })),
    fc.integer({ min: -1_000_000, max: 1_000_000 }).map((value): ExprNode => ({ kind: 'number', value: value === 0 ? 0 : value, range: noRange })),
    fc
      .record({
        namespace: fc.option(identifier, { nil: undefined }),
        name: identifier,
        args: fc.array(tie('expr'), { maxLength: 3 }),
      })
      .map((call): ExprNode => ({ kind: 'call', ...call, nameRange: noRange, range: noRange })),
    fc
      .record({ object: tie('expr'), name: identifier })
      .map((access): ExprNode => ({ kind: 'property', ...access, range: noRange })),
    fc
      .record({ object: tie('expr'), index: tie('expr') })
      .map((access): ExprNode => ({ kind: 'index', ...access, range: noRange })),
  ),
})).expr;

/** Trees made of real function names and small values, for evaluation. */
export const evaluableExpr: fc.Arbitrary<ExprNode> = fc.letrec<{ expr: ExprNode }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    smallString.map((value): ExprNode => ({ kind: 'string', value, range: noRange })),
    fc.integer({ min: -3, max: 12 }).map((value): ExprNode => ({ kind: 'number', value, range: noRange })),
    fc
      .record({ name: functionName, args: fc.array(tie('expr'), { maxLength: 4 }) })
      .map((call): ExprNode => ({ kind: 'call', namespace: undefined, ...call, nameRange: noRange, range: noRange })),
    fc
      .record({ object: tie('expr'), name: fc.constantFrom('a', 'name', 'location', 'length') })
      .map((access): ExprNode => ({ kind: 'property', ...access, range: noRange })),
    fc
      .record({ object: tie('expr'), index: tie('expr') })
      .map((access): ExprNode => ({ kind: 'index', ...access, range: noRange })),
  ),
})).expr;

/** Text built from the expression alphabet: mostly almost-valid expressions. */
export const expressionLikeText = fc
  .array(
    fc.constantFrom(
      '(', ')', '[', ']', ',', '.', "'", "''", ' ', '\n', 'concat', 'parameters', 'if', 'ns', 'a', '1', '-', '-1',
      "'x'", "'{0}'", 'true', '1.5', '$', '_', '"', '\\', '😀', '\uD800',
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

/** Every UTF-16 code unit, lone surrogates included. */
export const anyCodeUnits = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  maxLength: 40,
});

/** The tree without ranges, for structural comparison. */
export function withoutRanges(expr: ExprNode): unknown {
  switch (expr.kind) {
    case 'string':
    case 'number':
      return { kind: expr.kind, value: expr.value };
    case 'call':
      return { kind: 'call', namespace: expr.namespace, name: expr.name, args: expr.args.map(withoutRanges) };
    case 'property':
      return { kind: 'property', name: expr.name, object: withoutRanges(expr.object) };
    case 'index':
      return { kind: 'index', object: withoutRanges(expr.object), index: withoutRanges(expr.index) };
  }
}
