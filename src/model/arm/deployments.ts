// Nested `Microsoft.Resources/deployments` with an inline `properties.template`.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/linked-templates#expression-evaluation-scope-in-nested-templates
import { known, unknown, type Evaluated } from '../evaluated.js';
import type { BoundValue } from '../scope.js';
import type { Evaluator } from '../template.js';
import type { JsonValue, ObjectNode, ValueNode } from '../value.js';
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
  if (parameters.kind === 'object') {
    const entries = entriesByLowerKey(parameters);
    return (name) => bindWritten(entries.get(name.toLowerCase()), name, parent);
  }
  let whole: Evaluated | undefined;
  return (name) => lazily(() => bindEvaluated((whole ??= parent.node(parameters)), name));
}

/** Keys compared case-insensitively, the last duplicate winning (as `getProperty`), in one pass. */
function entriesByLowerKey(object: ObjectNode): Map<string, ValueNode> {
  const entries = new Map<string, ValueNode>();
  for (const property of object.properties) entries.set(property.key.toLowerCase(), property.value);
  return entries;
}

function bindWritten(entry: ValueNode | undefined, name: string, parent: Evaluator): BoundValue | undefined {
  if (entry === undefined) return undefined;
  if (entry.kind !== 'object') return lazily(() => pick(parent.node(entry), name));
  const value = getProperty(entry, 'value')?.value;
  if (value !== undefined) return lazily(() => parent.node(value));
  return unknownBinding(name);
}

/**
 * A value from the parent scope, evaluated when first read: a nested deployment binds all its
 * parameters up front, and evaluating every one of them (most are never looked at) was a large
 * part of building the model of templates with many nested deployments.
 */
function lazily(evaluate: () => Evaluated): BoundValue {
  let value: Evaluated | undefined;
  return {
    kind: 'evaluated',
    get value() {
      return (value ??= evaluate());
    },
  };
}

/** From an evaluated `parameters` object, the `value` of one entry. */
function bindEvaluated(whole: Evaluated, name: string): Evaluated {
  if (whole.kind !== 'known') return unknown('environment', [name]);
  return pick(whole, name, true);
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
