import type { ResourceView } from '../../src/engine/rule.js';
import { known, unknown, type Evaluated } from '../../src/model/evaluated.js';
import type { ExprNode } from '../../src/model/expr/ast.js';
import { createEvaluator } from '../../src/model/expr/index.js';
import type { DeploymentModel, Evaluator } from '../../src/model/template.js';
import { getProperty, type JsonValue, type ValueNode } from '../../src/model/value.js';
import { findParameter, findVariable, parameterAlternatives, sameValue, showValue, type ParameterInfo } from './template-scope.js';

// The evaluator is three-valued per value: it cannot tell that `uefiSettings` and an extension's
// `condition` move together when both read the same parameter. A scenario fixes every enumerable
// parameter (allowed values, bools) to one value, so rules can ask "is there a deployment in which…".

/** One way to deploy the template: some parameters set to one of their possible values. */
export interface Scenario {
  /** Parameters set to a value other than the one the template currently evaluates to. */
  readonly changes: readonly { readonly parameter: ParameterInfo; readonly value: JsonValue }[];
  eval(node: ValueNode): Evaluated;
  /** The value at a dotted path below the resource; undefined when absent or null. */
  valueAt(resource: ResourceView, path: string): Evaluated | undefined;
}

const MAX_SCENARIOS = 64;

function referencedName(call: ExprNode, fn: string): string | undefined {
  if (call.kind !== 'call' || call.name.toLowerCase() !== fn || call.namespace !== undefined) return undefined;
  const [first] = call.args;
  return call.args.length === 1 && first?.kind === 'string' ? first.value : undefined;
}

/** The parameters that written values read, through the variables they read. */
function referencedParameters(deployment: DeploymentModel, roots: readonly ValueNode[]): ParameterInfo[] {
  const parameters = new Map<string, ParameterInfo>();
  const variables = new Set<string>();
  const visitExpr = (expr: ExprNode): void => {
    const parameter = referencedName(expr, 'parameters');
    const info = parameter === undefined ? undefined : findParameter(deployment, parameter);
    if (info) parameters.set(info.name.toLowerCase(), info);
    const variable = referencedName(expr, 'variables');
    if (variable !== undefined && !variables.has(variable.toLowerCase())) {
      variables.add(variable.toLowerCase());
      const node = findVariable(deployment, variable);
      if (node) visit(node);
    }
    if (expr.kind === 'call') expr.args.forEach(visitExpr);
    else if (expr.kind === 'property') visitExpr(expr.object);
    else if (expr.kind === 'index') [expr.object, expr.index].forEach(visitExpr);
  };
  const visit = (node: ValueNode): void => {
    if (node.kind === 'object') for (const property of node.properties) visit(property.value);
    else if (node.kind === 'array') node.items.forEach(visit);
    else if (node.kind === 'expression' && node.expr) visitExpr(node.expr);
  };
  roots.forEach(visit);
  return [...parameters.values()];
}

function lookup(value: JsonValue, segments: readonly string[]): JsonValue | undefined {
  let current: JsonValue | undefined = value;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    const object: Record<string, JsonValue> = current;
    const key = Object.keys(object).findLast((k) => k.toLowerCase() === segment.toLowerCase());
    current = key === undefined ? undefined : object[key];
  }
  return current;
}

/** An evaluator of `deployment` in which some parameters have other values. */
function evaluatorWith(deployment: DeploymentModel, values: ReadonlyMap<string, JsonValue>): Evaluator {
  if (values.size === 0) return deployment.evaluator;
  const variables = new Map<string, Evaluated>();
  const inProgress = new Set<string>();
  const scope: Evaluator = {
    expr: (expr, locals) => deployment.evaluator.expr(expr, locals),
    node: (node) => deployment.evaluator.node(node),
    parameter: (name) => {
      const value = values.get(name.toLowerCase());
      return value === undefined ? deployment.evaluator.parameter(name) : known(value);
    },
    variable: (name) => {
      const key = name.toLowerCase();
      const cached = variables.get(key);
      if (cached) return cached;
      const node = findVariable(deployment, name);
      if (!node) return deployment.evaluator.variable(name);
      if (inProgress.has(key)) return unknown('cycle');
      inProgress.add(key);
      const value = overridden.node(node);
      inProgress.delete(key);
      variables.set(key, value);
      return value;
    },
  };
  // The evaluator asks its parent for every parameter and variable (as for an outer-scope nested
  // deployment), so the overrides reach values read through variables too.
  const overridden = createEvaluator({ parameters: new Map(), variables: new Map(), functions: new Map() }, { parent: scope });
  return overridden;
}

function scenario(deployment: DeploymentModel, changes: Scenario['changes']): Scenario {
  const evaluator = evaluatorWith(deployment, new Map(changes.map((c) => [c.parameter.name.toLowerCase(), c.value])));
  const evaluate = (node: ValueNode) => evaluator.node(node);
  return {
    changes,
    eval: evaluate,
    valueAt(resource, path) {
      const segments = path.split('.');
      let node: ValueNode = resource.node;
      for (const [index, segment] of segments.entries()) {
        if (node.kind === 'expression') {
          const value = evaluate(node);
          if (value.kind !== 'known') return value;
          const found = lookup(value.value, segments.slice(index));
          return found === undefined || found === null ? undefined : known(found);
        }
        const next: ValueNode | undefined = node.kind === 'object' ? getProperty(node, segment)?.value : undefined;
        if (!next) return undefined;
        node = next;
      }
      const value = evaluate(node);
      return value.kind === 'known' && value.value === null ? undefined : value;
    },
  };
}

type Choice = readonly { readonly parameter: ParameterInfo; readonly value: JsonValue; readonly differs: boolean }[];

function combinations(options: readonly Choice[]): Choice[] {
  const count = options.reduce((n, o) => n * o.length, 1);
  if (count <= MAX_SCENARIOS) {
    return options.reduce<Choice[]>((acc, choice) => acc.flatMap((picked) => choice.map((c) => [...picked, c])), [[]]);
  }
  // Too many to try together: vary one parameter at a time.
  return options.flatMap((choice) => choice.map((c) => [c]));
}

/**
 * The current deployment first, then every combination of the enumerable parameters that the
 * written values read (or each parameter varied alone, past 64 combinations).
 */
export function scenariosFor(resource: ResourceView, roots: readonly (ValueNode | undefined)[]): Scenario[] {
  const deployment = resource.model.deployment;
  const parameters = referencedParameters(deployment, roots.filter((r) => r !== undefined));
  const options = parameters.flatMap((parameter) => {
    const alternatives = parameterAlternatives(parameter);
    if (!alternatives) return [];
    const current = deployment.evaluator.parameter(parameter.name);
    const differs = (value: JsonValue) => current.kind !== 'known' || !sameValue(current.value, value);
    return [alternatives.map((value) => ({ parameter, value, differs: differs(value) }))];
  });
  const found = [scenario(deployment, [])];
  for (const choice of combinations(options)) {
    const changes = choice.filter((c) => c.differs).map(({ parameter, value }) => ({ parameter, value }));
    if (changes.length > 0) found.push(scenario(deployment, changes));
  }
  return found;
}

/** "parameter 'secureBoot' is false", for messages. */
export function describeChanges(changes: Scenario['changes']): string {
  return changes.map((c) => `parameter '${c.parameter.name}' is ${showValue(c.value)}`).join(' and ');
}

/**
 * The written node that decides the value at `path`: the value itself, or the first expression
 * on the way (the root to scan with `scenariosFor`). Undefined when the path is not written.
 */
export function decidingNode(resource: ResourceView, path: string): ValueNode | undefined {
  let node: ValueNode = resource.node;
  for (const segment of path.split('.')) {
    if (node.kind === 'expression') return node;
    const next: ValueNode | undefined = node.kind === 'object' ? getProperty(node, segment)?.value : undefined;
    if (!next) return undefined;
    node = next;
  }
  return node;
}
