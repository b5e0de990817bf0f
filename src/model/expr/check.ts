import type { ExpressionProblem } from '../template.js';
import type { CallExpr, ExprNode } from './ast.js';
import { lookupBuiltin, userFunctionKey } from './catalog.js';

function arityText(min: number, max: number): string {
  if (min === max) return String(min);
  if (max === Number.POSITIVE_INFINITY) return `at least ${String(min)}`;
  return `${String(min)} to ${String(max)}`;
}

function checkCall(call: CallExpr, userFunctions: ReadonlySet<string>): ExpressionProblem | undefined {
  const builtin = lookupBuiltin(call.namespace, call.name);
  if (builtin) {
    const actual = call.args.length;
    if (actual >= builtin.minArgs && actual <= builtin.maxArgs) return undefined;
    return {
      kind: 'arity',
      messageId: 'arity',
      range: call.range,
      data: { name: call.name, expected: arityText(builtin.minArgs, builtin.maxArgs), actual: String(actual) },
    };
  }
  if (call.namespace !== undefined) {
    const key = userFunctionKey(call.namespace, call.name);
    if (userFunctions.has(key) || hasIgnoringCase(userFunctions, key)) return undefined;
  }
  const name = call.namespace === undefined ? call.name : `${call.namespace}.${call.name}`;
  return { kind: 'unknown-function', messageId: 'unknownFunction', range: call.nameRange, data: { name } };
}

function hasIgnoringCase(names: ReadonlySet<string>, lowerKey: string): boolean {
  for (const name of names) {
    if (name.toLowerCase() === lowerKey) return true;
  }
  return false;
}

/**
 * Unknown functions and wrong arities, in source order. `userFunctions` holds the template's
 * user-defined functions as `namespace.name` (compared case-insensitively).
 */
export function checkExpression(expr: ExprNode, userFunctions: ReadonlySet<string>): ExpressionProblem[] {
  const problems: ExpressionProblem[] = [];
  const pending: ExprNode[] = [expr];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    switch (node.kind) {
      case 'call': {
        const problem = checkCall(node, userFunctions);
        if (problem) problems.push(problem);
        for (let i = node.args.length - 1; i >= 0; i--) {
          const arg = node.args[i];
          if (arg) pending.push(arg);
        }
        break;
      }
      case 'property':
        pending.push(node.object);
        break;
      case 'index':
        pending.push(node.index, node.object);
        break;
      default:
        break;
    }
  }
  return problems.sort((a, b) => a.range.start - b.range.start);
}
