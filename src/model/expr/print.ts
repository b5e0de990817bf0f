import type { ExprNode } from './ast.js';
import { isIdentifier } from './lexer.js';

export function quoteString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function printNumber(value: number): string {
  if (Number.isSafeInteger(value)) return String(value);
  // Avoid exponent notation, which the expression language cannot read back.
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/**
 * Canonical ARM syntax of an expression, without the enclosing `[` `]` of a JSON string:
 * `concat('a', parameters('b')).name[0]`. Strings are single-quoted with `''` escapes.
 */
export function printExpression(expr: ExprNode): string {
  switch (expr.kind) {
    case 'string':
      return quoteString(expr.value);
    case 'number':
      return printNumber(expr.value);
    case 'call': {
      const name = expr.namespace === undefined ? expr.name : `${expr.namespace}.${expr.name}`;
      return `${name}(${expr.args.map(printExpression).join(', ')})`;
    }
    case 'property':
      return isIdentifier(expr.name)
        ? `${printExpression(expr.object)}.${expr.name}`
        : `${printExpression(expr.object)}[${quoteString(expr.name)}]`;
    case 'index':
      return `${printExpression(expr.object)}[${printExpression(expr.index)}]`;
  }
}
