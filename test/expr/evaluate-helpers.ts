import type { Evaluated } from '../../src/model/evaluated.js';
import { createEvaluator, type EvaluatorOptions } from '../../src/model/expr/index.js';
import type { ScopeDecls } from '../../src/model/scope.js';
import type { Evaluator } from '../../src/model/template.js';
import { expression, scope } from './nodes.js';

/** Evaluates one `"[...]"` string in a scope. */
export function evaluateIn(evaluator: Evaluator, source: string, locals?: ReadonlyMap<string, Evaluated>): Evaluated {
  const node = expression(source);
  if (node.kind !== 'expression' || node.expr === undefined) throw new Error(`not an expression: ${source}`);
  return evaluator.expr(node.expr, locals);
}

export function evaluate(source: string, decls: ScopeDecls = scope(), options?: EvaluatorOptions): Evaluated {
  return evaluateIn(createEvaluator(decls, options), source);
}

/** The evaluation without origins, for comparing values and reasons. */
export function plain(value: Evaluated): unknown {
  if (value.kind === 'known') return { kind: 'known', value: value.value };
  if (value.kind === 'oneOf') return { kind: 'oneOf', values: value.values, parameter: value.parameter };
  return value;
}
