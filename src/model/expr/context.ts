import type { EvalBudget } from '../scope.js';

/** Thrown inside one evaluation when a budget runs out; the evaluation yields unknown 'budget'. */
export class BudgetExceeded extends Error {
  override readonly name = 'BudgetExceeded';
}

/** Thrown by a template function given values it cannot work with; yields unknown 'error'. */
export class FunctionError extends Error {
  override readonly name = 'FunctionError';
}

export function fail(message: string): never {
  throw new FunctionError(message);
}

/** At most this many alternatives are tracked in a `oneOf`; past it the value is unknown. */
export const maxAlternatives = 64;

/**
 * The budget of one evaluation: every expression and value node visited, and every element
 * that a function walks, costs a step.
 */
export class EvalContext {
  private steps = 0;
  private depth = 0;

  constructor(readonly budget: EvalBudget) {}

  tick(cost = 1): void {
    this.steps += cost;
    if (this.steps > this.budget.maxSteps) throw new BudgetExceeded('step budget exhausted');
  }

  /** Runs `body` one level deeper; past the depth budget the evaluation gives up. */
  nested<T>(body: () => T): T {
    if (this.depth >= this.budget.maxDepth) throw new BudgetExceeded('depth budget exhausted');
    this.depth++;
    try {
      return body();
    } finally {
      this.depth--;
    }
  }

  /** Call before building a string of this length. */
  checkStringLength(length: number): void {
    if (length > this.budget.maxStringLength) throw new BudgetExceeded('string too long');
  }

  /** Call before building an array of this length. */
  checkArrayLength(length: number): void {
    if (length > this.budget.maxArrayLength) throw new BudgetExceeded('array too long');
  }
}
