import type { TextRange } from '../source.js';

/**
 * The expression tree shared by ARM template expressions and Bicep expressions. Bicep operators
 * are lowered to the ARM functions with the same meaning (`a == b` → `equals(a, b)`, `c ? a : b`
 * → `if(c, a, b)`, `param x` → `parameters('x')`), so one evaluator serves both languages.
 * Ranges are absolute offsets in the source file.
 */
export type ExprNode = StringLiteral | NumberLiteral | CallExpr | PropertyAccess | IndexAccess;

export interface StringLiteral {
  readonly kind: 'string';
  readonly value: string;
  readonly range: TextRange;
}

export interface NumberLiteral {
  readonly kind: 'number';
  readonly value: number;
  readonly range: TextRange;
}

export interface CallExpr {
  readonly kind: 'call';
  /** User-defined functions carry their namespace (`ns.fn(...)`). */
  readonly namespace: string | undefined;
  readonly name: string;
  readonly nameRange: TextRange;
  readonly args: readonly ExprNode[];
  readonly range: TextRange;
}

export interface PropertyAccess {
  readonly kind: 'property';
  readonly object: ExprNode;
  readonly name: string;
  readonly range: TextRange;
}

export interface IndexAccess {
  readonly kind: 'index';
  readonly object: ExprNode;
  readonly index: ExprNode;
  readonly range: TextRange;
}
