// Where and how a new child resource is written (a fix intent 'add-child-resource').
// https://learn.microsoft.com/azure/azure-resource-manager/templates/child-resource-name-type
import type { FixIntent } from '../fix.js';
import type { ResourceModel } from '../template.js';
import type { JsonValue, ValueNode } from '../value.js';
import { getProperty } from '../value.js';
import { locatorPath, type JsonPath } from './locator.js';

type AddChild = Extract<FixIntent, { kind: 'add-child-resource' }>;

export type ChildPlacement =
  /** Append `value` to the array at `container`. */
  | { readonly kind: 'append'; readonly container: JsonPath; readonly value: JsonValue }
  /** Add `key: value` to the object at `container` (a new nested `resources`, or a symbolic name). */
  | { readonly kind: 'property'; readonly container: JsonPath; readonly key: string; readonly value: JsonValue; readonly avoidKeys: boolean };

export function placeChildResource(intent: AddChild): ChildPlacement | undefined {
  const { parent } = intent;
  // A looped parent would need the child looped the same way: not something to write blind.
  if (parent.loop !== undefined) return undefined;
  const childType = shortChildType(parent.type, intent.childType);
  const parentName = nameExpression(parent);
  if (childType === undefined || parentName === undefined) return undefined;
  const dependsOn = [parentReference(parent, parentName)];
  const nested = getProperty(parent.node, 'resources')?.value;
  const nestedValue = resourceValue(childType, intent.name, intent, dependsOn);
  if (nested?.kind === 'array') return { kind: 'append', container: locatorOf(nested), value: nestedValue };
  if (parent.parent !== undefined) {
    return { kind: 'property', container: locatorOf(parent.node), key: 'resources', value: [nestedValue], avoidKeys: false };
  }
  const fullName = `[format('{0}/{1}', ${parentName}, ${quote(intent.name)})]`;
  const topLevel = resourceValue(`${parent.type}/${childType}`, fullName, intent, dependsOn);
  const resources = getProperty(parent.deployment.node, 'resources')?.value;
  if (resources?.kind === 'array') return { kind: 'append', container: locatorOf(resources), value: topLevel };
  if (resources?.kind === 'object') {
    const key = `${parent.symbolicName ?? 'resource'}${pascal(intent.name)}`;
    return { kind: 'property', container: locatorOf(resources), key, value: topLevel, avoidKeys: true };
  }
  return undefined;
}

function resourceValue(type: string, name: string, intent: AddChild, dependsOn: readonly string[]): JsonValue {
  const { properties, ...rest } = intent.body;
  return {
    type,
    apiVersion: intent.apiVersion,
    name,
    ...rest,
    dependsOn: [...dependsOn],
    ...(properties === undefined ? {} : { properties }),
  };
}

function shortChildType(parentType: string, childType: string): string | undefined {
  if (!childType.includes('/')) return childType;
  const prefix = `${parentType}/`.toLowerCase();
  const rest = childType.slice(prefix.length);
  return childType.toLowerCase().startsWith(prefix) && !rest.includes('/') ? rest : undefined;
}

/** The parent's name as an expression argument: `'literal'` or the expression without its brackets. */
function nameExpression(parent: ResourceModel): string | undefined {
  const name = parent.name;
  if (name?.kind === 'literal' && typeof name.value === 'string') return quote(name.value);
  if (name?.kind === 'expression') return name.source.slice(1, -1).trim();
  return undefined;
}

function writtenName(parent: ResourceModel): string | undefined {
  const name = parent.name;
  if (name?.kind === 'expression') return name.source;
  return name?.kind === 'literal' && typeof name.value === 'string' ? name.value : undefined;
}

function parentReference(parent: ResourceModel, parentName: string): string {
  if (parent.symbolicName !== undefined) return parent.symbolicName;
  // A nested parent's name is only its own segment: refer to it by name, as ARM's nested examples do.
  if (parent.parent !== undefined) return writtenName(parent) ?? parentName;
  return `[resourceId(${quote(parent.type)}, ${parentName})]`;
}

function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function pascal(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]/g, '');
  return cleaned.charAt(0).toUpperCase() + cleaned.slice(1);
}

function locatorOf(node: ValueNode): JsonPath {
  return locatorPath(node) ?? [];
}
