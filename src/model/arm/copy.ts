// ARM property and variable copy loops: an object's `copy` array of `{ name, count, input }`
// declares the array property `name` (https://learn.microsoft.com/azure/azure-resource-manager/templates/copy-properties,
// https://learn.microsoft.com/azure/azure-resource-manager/templates/copy-variables). The front-end exposes each
// as a synthetic property whose value is an ArrayNode with the `input` as its one item and the
// `count` in `copyCount`, so `storageProfile.dataDisks` is found whichever way it is written.
import type { ArrayNode, ObjectNode, PropertyNode, ValueNode } from '../value.js';
import { getProperty } from '../value.js';

const syntheticArrays = new WeakSet<ArrayNode>();
const loopProperties = new WeakSet<PropertyNode>();

/** True for the arrays made from copy loops: they have no text of their own to edit. */
export function isCopyLoopArray(node: ValueNode): boolean {
  return node.kind === 'array' && syntheticArrays.has(node);
}

/** True for a `copy` property that declares property or variable loops (it is not a value itself). */
export function isCopyLoopProperty(property: PropertyNode): boolean {
  return loopProperties.has(property);
}

/** The synthetic properties declared by the object's `copy` array, or none. */
export function copyLoopProperties(object: ObjectNode): PropertyNode[] {
  const copy = getProperty(object, 'copy');
  if (copy?.value.kind !== 'array' || copy.value.items.length === 0) return [];
  const declared: PropertyNode[] = [];
  for (const entry of copy.value.items) {
    if (entry.kind !== 'object') return [];
    const name = getProperty(entry, 'name')?.value;
    const input = getProperty(entry, 'input')?.value;
    if (name?.kind !== 'literal' || typeof name.value !== 'string' || input === undefined) return [];
    // The locator finds nodes by range: this array's path is its copy entry's.
    const array: ArrayNode = {
      kind: 'array',
      file: object.file,
      range: entry.range,
      locator: object.locator,
      items: [input],
      copyCount: getProperty(entry, 'count')?.value,
    };
    syntheticArrays.add(array);
    declared.push({ key: name.value, keyRange: name.range, value: array, range: entry.range });
  }
  loopProperties.add(copy);
  return declared;
}
