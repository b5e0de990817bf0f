import type { ResourceModel } from '../model/template.js';
import type { ValueNode } from '../model/value.js';

/**
 * `type name` of the resource and of what encloses it (parent resources, the deployment that holds a
 * nested template), outermost first: the names as written, not as evaluated, so the same finding
 * reached through two parameter files has one identity.
 */
export function resourceIdentity(resource: ResourceModel): string {
  const own = `${resource.type.toLowerCase()} ${resource.symbolicName ?? writtenText(resource.name)}`;
  const outer = resource.parent ?? resource.deployment.holder;
  return outer ? `${resourceIdentity(outer)} > ${own}` : own;
}

function writtenText(node: ValueNode | undefined): string {
  if (node === undefined) return '';
  if (node.kind === 'expression') return node.source;
  if (node.kind === 'literal') return String(node.value);
  return node.file.text.slice(node.range.start, node.range.end);
}

/** A function from a range to the identity of the innermost resource that contains it ('' outside every resource). */
export function resourceKeyLocator(resources: readonly ResourceModel[]): (offset: number, length: number) => string {
  return (offset, length) => {
    let innermost: ResourceModel | undefined;
    for (const resource of resources) {
      const { start, end } = resource.node.range;
      if (start > offset || end < offset + length) continue;
      if (!innermost || end - start < innermost.node.range.end - innermost.node.range.start) innermost = resource;
    }
    return innermost ? resourceIdentity(innermost) : '';
  };
}
