// Builders of the shared expression tree (src/model/expr/ast.ts) for the Bicep lowering.
import type { CallExpr, ExprNode } from '../expr/ast.js';
import type { TextRange } from '../source.js';

export const stringExpr = (value: string, range: TextRange): ExprNode => ({ kind: 'string', value, range });

export const numberExpr = (value: number, range: TextRange): ExprNode => ({ kind: 'number', value, range });

export function callExpr(name: string, args: readonly ExprNode[], range: TextRange, nameRange: TextRange = range, namespace?: string): CallExpr {
  return { kind: 'call', namespace, name, nameRange, args, range };
}

/**
 * The namespace of calls that stand for what the linter cannot know and that are not ARM
 * functions: imported symbols, compile-time file loads, deployment scopes. Their value is
 * unknown, and they are never reported as unknown functions.
 */
export const OPAQUE_NAMESPACE = '__tl';

export function opaque(what: string, range: TextRange, args: readonly ExprNode[] = []): CallExpr {
  return callExpr(what, args, range, range, OPAQUE_NAMESPACE);
}

/** User-defined functions compile to this namespace. https://learn.microsoft.com/azure/azure-resource-manager/bicep/user-defined-functions */
export const USER_FUNCTION_NAMESPACE = '__bicep';

export const parametersRef = (name: string, range: TextRange): CallExpr => callExpr('parameters', [stringExpr(name, range)], range);
export const variablesRef = (name: string, range: TextRange): CallExpr => callExpr('variables', [stringExpr(name, range)], range);
export const lambdaVariable = (name: string, range: TextRange): CallExpr => callExpr('lambdaVariables', [stringExpr(name, range)], range);

export function copyIndex(loopName: string | undefined, range: TextRange): CallExpr {
  return callExpr('copyIndex', loopName === undefined ? [] : [stringExpr(loopName, range)], range);
}
