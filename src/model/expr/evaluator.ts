// The evaluator of one template scope: parameters, variables and user functions, each value
// evaluated once, lazily, within its own budget.
import { type Evaluated, type OneOf, type Origin, unknown } from '../evaluated.js';
import { defaultBudget, type EvalBudget, type ParameterDecl, type ScopeDecls, type UserFunctionDecl } from '../scope.js';
import type { Evaluator } from '../template.js';
import { getProperty, type ValueNode } from '../value.js';
import type { ExprNode } from './ast.js';
import { userFunctionKey } from './catalog.js';
import { BudgetExceeded, EvalContext } from './context.js';
import { emptyFrame, type EvalHost, Evaluation } from './evaluate.js';
import { fromAlternatives, unknownBecause } from './three-valued.js';

export interface EvaluatorOptions {
  readonly budget?: EvalBudget;
  /** For nested deployments in `outer` scope: the parent's evaluator is used instead. */
  readonly parent?: Evaluator;
}

function byLowerName<T>(entries: ReadonlyMap<string, T>): Map<string, T> {
  const index = new Map<string, T>();
  for (const [name, value] of entries) index.set(name.toLowerCase(), value);
  return index;
}

/** A value written in the template (via 'literal') is re-labelled with how it was reached. */
function attribute(value: Evaluated, origin: Omit<Origin, 'node'>): Evaluated {
  if (value.kind === 'unknown' || value.origin?.via !== 'literal') return value;
  return { ...value, origin: { ...origin, node: value.origin.node } };
}

class ScopeEvaluator implements Evaluator {
  private readonly parameters: ReadonlyMap<string, ParameterDecl>;
  private readonly variables: ReadonlyMap<string, readonly [string, ValueNode]>;
  private readonly functions: ReadonlyMap<string, UserFunctionDecl>;
  private readonly cache = new Map<string, Evaluated>();
  private readonly inProgress = new Set<string>();
  private nesting = 0;
  private readonly host: EvalHost;

  constructor(
    decls: ScopeDecls,
    private readonly budget: EvalBudget,
    private readonly parent: Evaluator | undefined,
  ) {
    this.parameters = byLowerName(decls.parameters);
    // Front-ends may key variables in lower case; the declaration keeps the name as written.
    const writtenName = (name: string): string =>
      decls.variablesNode ? (getProperty(decls.variablesNode, name)?.key ?? name) : name;
    this.variables = byLowerName(
      new Map([...decls.variables].map(([name, node]) => [name, [writtenName(name), node] as const])),
    );
    this.functions = byLowerName(decls.functions);
    this.host = {
      parameter: (name) => this.parameter(name),
      variable: (name) => this.variable(name),
      userFunction: (namespace, name) => this.functions.get(userFunctionKey(namespace, name)),
    };
  }

  expr(expr: ExprNode, locals?: ReadonlyMap<string, Evaluated>): Evaluated {
    return this.run((ev) => ev.expr(expr, locals === undefined ? emptyFrame : { locals }));
  }

  node(node: ValueNode): Evaluated {
    return this.run((ev) => ev.node(node, emptyFrame));
  }

  parameter(name: string): Evaluated {
    if (this.parent) return this.parent.parameter(name);
    const decl = this.parameters.get(name.toLowerCase());
    if (decl === undefined) return unknown('error');
    return this.unit(`parameter:${decl.name.toLowerCase()}`, (ev) => this.parameterValue(decl, ev));
  }

  variable(name: string): Evaluated {
    if (this.parent) return this.parent.variable(name);
    const declared = this.variables.get(name.toLowerCase());
    if (declared === undefined) return unknown('error');
    const [declaredName, node] = declared;
    return this.unit(`variable:${name.toLowerCase()}`, (ev) =>
      attribute(ev.node(node, emptyFrame, declaredName), { via: 'variable', variable: declaredName }),
    );
  }

  private parameterValue(decl: ParameterDecl, ev: Evaluation): Evaluated {
    const { bound, defaultValue, allowedValues, name } = decl;
    if (bound?.kind === 'evaluated') return bound.value;
    if (bound?.kind === 'node') return attribute(ev.node(bound.node, emptyFrame), { via: 'parameter-file', parameter: name });
    if (defaultValue) return attribute(ev.node(defaultValue, emptyFrame), { via: 'parameter-default', parameter: name });
    // ARM checks each item of an array parameter against allowedValues: they list the items
    // it may contain, not its possible values.
    if (allowedValues && decl.type?.toLowerCase() !== 'array') {
      const allowed = allowedValues.items.map((item) => ev.node(item, emptyFrame));
      const values = allowed.flatMap((value) => (value.kind === 'known' ? [value.value] : []));
      if (values.length !== allowed.length || values.length === 0) return unknownBecause(allowed, 'parameter');
      const result = fromAlternatives(values, ev.ctx, allowed, name);
      if (result.kind !== 'known') return result;
      const single: OneOf = { kind: 'oneOf', values: [result.value], parameter: name };
      return single;
    }
    return unknown('parameter', [name]);
  }

  /**
   * Evaluates a parameter or variable once. A value that is being evaluated and is asked for
   * again is a cycle; nesting is bounded so that long chains cannot exhaust the stack.
   */
  private unit(key: string, compute: (ev: Evaluation) => Evaluated): Evaluated {
    const cached = this.cache.get(key);
    if (cached) return cached;
    if (this.inProgress.has(key)) return unknown('cycle');
    if (this.nesting >= this.budget.maxDepth) return unknown('budget');
    this.inProgress.add(key);
    this.nesting++;
    try {
      const result = this.run(compute);
      this.cache.set(key, result);
      return result;
    } finally {
      this.nesting--;
      this.inProgress.delete(key);
    }
  }

  /** One evaluation with a fresh budget; running out of it, at any depth, yields unknown 'budget'. */
  private run(compute: (ev: Evaluation) => Evaluated): Evaluated {
    try {
      return compute(new Evaluation(this.host, new EvalContext(this.budget)));
    } catch (error) {
      // RangeError: the engine's own stack limit, the last line of defence against deep input.
      if (error instanceof BudgetExceeded || error instanceof RangeError) return unknown('budget');
      throw error;
    }
  }
}

export function createEvaluator(decls: ScopeDecls, options: EvaluatorOptions = {}): Evaluator {
  return new ScopeEvaluator(decls, options.budget ?? defaultBudget, options.parent);
}
