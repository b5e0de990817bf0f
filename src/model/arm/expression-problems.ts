// The expression problems of an ARM template (the invalid-template-expression rule's findings):
// syntax, unknown functions and arities, each expression checked in the template scope it is in.
import { checkExpression } from '../expr/index.js';
import type { ScopeDecls } from '../scope.js';
import type { TextRange } from '../source.js';
import type { ExpressionProblem } from '../template.js';
import type { ObjectNode } from '../value.js';
import type { ArmExpression } from './parsed-nodes.js';

/** A template (the root or an inner-scope nested one) and what it declares. */
export interface Scope {
  readonly template: ObjectNode;
  readonly decls: ScopeDecls;
}

/** Syntax problems, unknown functions and arities, checked against the user functions in scope. */
export function expressionProblems(expressions: readonly ArmExpression[], scopes: readonly Scope[]): ExpressionProblem[] {
  const checks = new Map(scopes.map((scope) => [scope, cleanSourceChecker(new Set(scope.decls.functions.keys()))]));
  const noScope = cleanSourceChecker(new Set());
  const problems: ExpressionProblem[] = [];
  const scopeOf = innermostScopes(scopes);
  for (const expression of expressions) {
    const scope = scopeOf(expression.range);
    problems.push(...((scope && checks.get(scope)) ?? noScope)(expression));
  }
  return problems.sort((a, b) => a.range.start - b.range.start);
}

/**
 * The problems of an expression in one scope, skipping a source already found clean there:
 * problems depend only on the expression and the scope's functions (their ranges on where it is
 * written, but a clean one has none), and templates repeat the same expressions (about half of
 * them). The tree is parsed for the check and not kept (see ArmExpression).
 */
function cleanSourceChecker(userFunctions: ReadonlySet<string>): (expression: ArmExpression) => readonly ExpressionProblem[] {
  const clean = new Set<string>();
  return (expression) => {
    const { source } = expression;
    if (clean.has(source) || cleanWithoutUserFunctions.has(source)) return [];
    const { expr, problem } = expression.parse();
    if (problem !== undefined) return [problem];
    const found = expr === undefined ? [] : checkExpression(expr, userFunctions);
    if (found.length > 0) return found;
    if (userFunctions.size === 0) rememberClean(source);
    else clean.add(source);
    return found;
  };
}

/**
 * Sources found clean with no user function in scope, across the files of a run: such a source
 * calls only built-in functions, so it is clean in any scope of any template. Templates share
 * most of their expressions (the corpus: 111,000 expressions, 61,000 distinct within their files,
 * 21,000 in all). Up to a budget of characters, then started again.
 */
const cleanWithoutUserFunctions = new Set<string>();
let rememberedCharacters = 0;
const REMEMBERED_CHARACTER_BUDGET = 4_000_000;

function rememberClean(source: string): void {
  if (rememberedCharacters + source.length > REMEMBERED_CHARACTER_BUDGET) {
    cleanWithoutUserFunctions.clear();
    rememberedCharacters = 0;
  }
  // A copy: a source sliced from its file's text would keep the whole text in memory.
  cleanWithoutUserFunctions.add(structuredClone(source));
  rememberedCharacters += source.length;
}

/**
 * The innermost template scope of each range, for ranges asked in document order: a sweep over the
 * scopes (properly nested, like the JSON they come from) with a stack of the open ones.
 */
function innermostScopes(scopes: readonly Scope[]): (range: TextRange) => Scope | undefined {
  const ordered = [...scopes].sort(
    (a, b) => a.template.range.start - b.template.range.start || b.template.range.end - a.template.range.end,
  );
  const open: Scope[] = [];
  let next = 0;
  return (range) => {
    for (let scope = ordered[next]; scope !== undefined && scope.template.range.start <= range.start; scope = ordered[next]) {
      open.push(scope);
      next++;
    }
    for (let top = open.at(-1); top !== undefined && top.template.range.end < range.end; top = open.at(-1)) open.pop();
    return open.at(-1);
  };
}
