import type { PropertyView, RelatedLocation } from '../../src/engine/rule.js';
import type { Evaluated } from '../../src/model/evaluated.js';
import type { ValueNode } from '../../src/model/value.js';

export const knownString = (value: Evaluated | undefined): string | undefined =>
  value?.kind === 'known' && typeof value.value === 'string' ? value.value : undefined;

/** Where the value of a property is decided, for findings that relate to it and fixes that edit it. */
export interface Decision {
  /** The node a fix edits: the property's own value, or the parameter default / variable it comes from. */
  readonly node: ValueNode;
  /** True when that node is the property's own value. */
  readonly inPlace: boolean;
  /** False when the value comes from a parameter file: the template cannot fix it. */
  readonly editable: boolean;
  /** A pointer at the deciding node when it is not the property itself. */
  readonly related: readonly RelatedLocation[];
}

/** `what` names the value in the related message: "the image SKU comes from the parameter 'sku' here". */
export function decisionOf(property: PropertyView, what: string): Decision {
  const origin = property.value.kind === 'unknown' ? undefined : property.value.origin;
  if (!origin || origin.node === property.node) return { node: property.node, inPlace: true, editable: true, related: [] };
  const where = origin.parameter === undefined ? `the variable '${origin.variable ?? ''}'` : `the parameter '${origin.parameter}'`;
  const from = origin.via === 'parameter-file' ? `${where} (parameter file)` : where;
  return {
    node: origin.node,
    inPlace: false,
    editable: origin.via !== 'parameter-file' && origin.node.file.path === property.node.file.path,
    related: [{ file: origin.node.file, range: origin.node.range, message: `${what} comes from ${from} here` }],
  };
}

/**
 * The property itself, or undefined: `get` also answers with an unknown expression met on the way
 * (`"imageReference": "[parameters('image')]"`), which says nothing about the property being there.
 */
export function ownProperty(property: PropertyView | undefined): PropertyView | undefined {
  return property && (property.holder !== undefined || property.value.kind !== 'unknown') ? property : undefined;
}
