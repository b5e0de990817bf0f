// Nested `Microsoft.Resources/deployments` with an inline `properties.template`.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/linked-templates#expression-evaluation-scope-in-nested-templates
import { known, unknown, type Evaluated } from '../evaluated.js';
import type { BoundValue } from '../scope.js';
import type { Evaluator } from '../template.js';
import type { JsonValue, ObjectNode } from '../value.js';
import { getProperty } from '../value.js';
import type { Binder } from './decls.js';

const DEPLOYMENT_TYPE = 'microsoft.resources/deployments';

export interface InlineDeployment {
  readonly template: ObjectNode;
  /** `outer` (the default): expressions in the nested template use the parent's parameters and variables. */
  readonly scope: 'inner' | 'outer';
}

export function inlineDeployment(resource: ObjectNode, fullType: string): InlineDeployment | undefined {
  if (fullType.toLowerCase() !== DEPLOYMENT_TYPE) return undefined;
  const properties = getProperty(resource, 'properties')?.value;
  if (properties?.kind !== 'object') return undefined;
  const template = getProperty(properties, 'template')?.value;
  if (template?.kind !== 'object') return undefined;
  const options = getProperty(properties, 'expressionEvaluationOptions')?.value;
  const scope = options?.kind === 'object' ? getProperty(options, 'scope')?.value : undefined;
  const inner = scope?.kind === 'literal' && typeof scope.value === 'string' && scope.value.toLowerCase() === 'inner';
  return { template, scope: inner ? 'inner' : 'outer' };
}

/**
 * Binds an inner-scope template's parameters to the deployment's `properties.parameters`
 * (`{ "x": { "value": … } }`), evaluated in the parent's scope. A Key Vault `reference`, a
 * `parametersLink` or parameters that cannot be read make the value unknown.
 */
export function innerScopeBinder(resource: ObjectNode, parent: Evaluator): Binder {
  const properties = getProperty(resource, 'properties')?.value;
  if (properties?.kind !== 'object') return () => undefined;
  if (getProperty(properties, 'parametersLink')) return (name) => unknownBinding(name);
  const parameters = getProperty(properties, 'parameters')?.value;
  if (parameters === undefined) return () => undefined;
  if (parameters.kind === 'object') return (name) => bindWritten(parameters, name, parent);
  const whole = parent.node(parameters);
  return (name) => bindEvaluated(whole, name);
}

function bindWritten(parameters: ObjectNode, name: string, parent: Evaluator): BoundValue | undefined {
  const entry = getProperty(parameters, name)?.value;
  if (entry === undefined) return undefined;
  if (entry.kind !== 'object') return { kind: 'evaluated', value: pick(parent.node(entry), name) };
  const value = getProperty(entry, 'value')?.value;
  if (value !== undefined) return { kind: 'evaluated', value: parent.node(value) };
  return unknownBinding(name);
}

/** From an evaluated `parameters` object, the `value` of one entry. */
function bindEvaluated(whole: Evaluated, name: string): BoundValue {
  if (whole.kind !== 'known') return unknownBinding(name);
  return { kind: 'evaluated', value: pick(whole, name, true) };
}

function pick(evaluated: Evaluated, name: string, fromWhole = false): Evaluated {
  if (evaluated.kind !== 'known') return evaluated;
  const container = fromWhole ? findKey(evaluated.value, name) : evaluated.value;
  const value = findKey(container, 'value');
  return value === undefined ? unknown('environment', [name]) : known(value);
}

function findKey(value: JsonValue | undefined, key: string): JsonValue | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const wanted = key.toLowerCase();
  let found: JsonValue | undefined;
  for (const [candidate, entry] of Object.entries(value)) {
    if (candidate.toLowerCase() === wanted) found = entry;
  }
  return found;
}

function unknownBinding(name: string): BoundValue {
  return { kind: 'evaluated', value: unknown('environment', [name]) };
}
