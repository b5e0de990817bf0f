import type { Evaluated } from '../../src/model/evaluated.js';
import type { ResourceView } from '../../src/engine/rule.js';
import { getProperty, type ObjectNode, type ValueNode } from '../../src/model/value.js';
import { isScaleSet } from './compute.js';

/** An extension of a scale set or VM, wherever the template declares it. */
export interface ExtensionView {
  /** The extension's object: an `extensionProfile.extensions` entry or an extension resource. */
  readonly node: ObjectNode;
  /** The object that holds publisher, type, settings. */
  readonly properties: ObjectNode | undefined;
  readonly publisher: string | undefined;
  readonly publisherNode: ValueNode | undefined;
  readonly type: string | undefined;
  /** Set for extension resources (child or top-level); undefined for `extensionProfile` entries. */
  readonly resource: ResourceView | undefined;
  /** The resource's `condition` (known true for profile entries). */
  readonly condition: Evaluated;
  readonly where: 'extensionProfile' | 'child resource' | 'top-level resource';
}

function read(resource: ResourceView, properties: ObjectNode | undefined, key: string) {
  const node = properties && getProperty(properties, key)?.value;
  const value = node && resource.eval(node);
  return { node, value: value?.kind === 'known' && typeof value.value === 'string' ? value.value : undefined };
}

function fromObject(owner: ResourceView, node: ObjectNode, extras: Pick<ExtensionView, 'resource' | 'condition' | 'where'>): ExtensionView {
  const properties = getProperty(node, 'properties')?.value;
  const props = properties?.kind === 'object' ? properties : undefined;
  const evaluator = extras.resource ?? owner;
  const publisher = read(evaluator, props, 'publisher');
  return { node, properties: props, publisher: publisher.value, publisherNode: publisher.node, type: read(evaluator, props, 'type').value, ...extras };
}

/**
 * Every extension of a scale set or VM: `extensionProfile.extensions` entries (scale sets), nested
 * child extension resources, and top-level `…/extensions` resources tied to it by name or dependsOn.
 */
export function extensionsOf(resource: ResourceView): ExtensionView[] {
  const found: ExtensionView[] = [];
  if (isScaleSet(resource)) {
    const list = resource.get('properties.virtualMachineProfile.extensionProfile.extensions')?.node;
    for (const item of list?.kind === 'array' ? list.items : []) {
      if (item.kind === 'object') found.push(fromObject(resource, item, { resource: undefined, condition: { kind: 'known', value: true }, where: 'extensionProfile' }));
    }
  }
  for (const child of resource.related(`${resource.type}/extensions`)) {
    const where = child.parent === resource ? 'child resource' : 'top-level resource';
    found.push(fromObject(resource, child.node, { resource: child, condition: child.condition, where }));
  }
  return found;
}
