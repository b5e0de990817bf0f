// Public surface of the expression package: the ARM front-end and the Bicep front-end use these.
// (Signatures fixed here; the implementation lives in parser.ts / evaluate.ts / functions.ts.)
import type { ExprNode } from './ast.js';
import type { Evaluator, ExpressionProblem } from '../template.js';
import type { EvalBudget, ScopeDecls } from '../scope.js';

export interface ParsedArmString {
  /** Undefined when the string is not an expression, or it failed to parse (see `problem`). */
  readonly expr: ExprNode | undefined;
  readonly problem: ExpressionProblem | undefined;
}

/** True for `"[...]"` strings that ARM evaluates (`"[[..."` is an escaped literal). */
export declare function isArmExpression(value: string): boolean;

/**
 * Parses an ARM expression string (the whole JSON string value, brackets included).
 * `mapOffset(i)` turns an index into `value` into an absolute file offset (JSON escapes make the
 * decoded string and the raw text differ).
 */
export declare function parseArmExpression(value: string, mapOffset: (index: number) => number): ParsedArmString;

/** Unknown functions and wrong arities in a parsed expression. */
export declare function checkExpression(expr: ExprNode, userFunctions: ReadonlySet<string>): ExpressionProblem[];

export declare function printExpression(expr: ExprNode): string;

export interface EvaluatorOptions {
  readonly budget?: EvalBudget;
  /** For nested deployments in `outer` scope: the parent's evaluator is used instead. */
  readonly parent?: Evaluator;
}

export declare function createEvaluator(decls: ScopeDecls, options?: EvaluatorOptions): Evaluator;
