import { declKey } from '../../src/model/scope.js';
import type { DeploymentModel } from '../../src/model/template.js';
import { getProperty, type ArrayNode, type JsonValue, type ValueNode } from '../../src/model/value.js';


/** A parameter declaration as written in a deployment (a template, or a nested inline template). */
export interface ParameterInfo {
  readonly name: string;
  /** The declaration (the parameter's object). */
  readonly node: ValueNode;
  readonly type: string | undefined;
  readonly allowedValues: ArrayNode | undefined;
  readonly deployment: DeploymentModel;
}


/**
 * The declaration that `parameters(name)` reads in `deployment`: its own, or, for a nested
 * deployment in outer scope (which declares none), the enclosing template's.
 */
export function findParameter(deployment: DeploymentModel, name: string): ParameterInfo | undefined {
  for (let scope: DeploymentModel | undefined = deployment; scope; scope = scope.parent) {
    const declared = scope.decls.parameters.get(declKey(name));
    if (declared) return { name: declared.name, node: declared.node, type: declared.type, allowedValues: declared.allowedValues, deployment: scope };
  }
  return undefined;
}

function declaringScope(deployment: DeploymentModel, name: string): DeploymentModel | undefined {
  for (let scope: DeploymentModel | undefined = deployment; scope; scope = scope.parent) {
    if (scope.decls.variables.has(declKey(name))) return scope;
  }
  return undefined;
}

/** The written value of `variables(name)`, searched like `findParameter`. */
export function findVariable(deployment: DeploymentModel, name: string): ValueNode | undefined {
  return declaringScope(deployment, name)?.decls.variables.get(declKey(name));
}

/** A variable's name as declared (origins may carry it lower-cased). */
export function declaredVariableName(deployment: DeploymentModel, name: string): string {
  const variables = declaringScope(deployment, name)?.decls.variablesNode;
  return (variables && getProperty(variables, name)?.key) ?? name;
}

/**
 * Every value a deployment can give the parameter: its allowed values, or true and false for a
 * bool. Undefined when the values are open (a free string, say) or cannot all be evaluated.
 */
export function parameterAlternatives(parameter: ParameterInfo): readonly JsonValue[] | undefined {
  if (parameter.allowedValues) {
    const values = parameter.allowedValues.items.map((item) => parameter.deployment.evaluator.node(item));
    const known = values.flatMap((value) => (value.kind === 'known' ? [value.value] : []));
    return known.length === values.length && known.length > 0 ? known : undefined;
  }
  return parameter.type?.toLowerCase() === 'bool' ? [true, false] : undefined;
}

/** The allowedValues entry written for `value`, to point a finding at it. */
export function allowedValueNode(parameter: ParameterInfo, value: JsonValue): ValueNode | undefined {
  return parameter.allowedValues?.items.find((item) => {
    const evaluated = parameter.deployment.evaluator.node(item);
    return evaluated.kind === 'known' && sameValue(evaluated.value, value);
  });
}

export function sameValue(a: JsonValue, b: JsonValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** `'Standard'`, `true`: a value as a message shows it. */
export function showValue(value: JsonValue): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}
