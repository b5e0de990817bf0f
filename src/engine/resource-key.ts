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

/**
 * A function from a range to the identity of the innermost resource that contains it ('' outside every
 * resource): the smallest container, the first one written on a tie. Resources are sorted by start once,
 * so a finding looks at the few resources that start just before it, not at every resource of the file.
 */
export function resourceKeyLocator(resources: readonly ResourceModel[]): (offset: number, length: number) => string {
  const byStart = resources
    .map((resource, index) => ({ resource, index, start: resource.node.range.start, end: resource.node.range.end }))
    .sort((a, b) => a.start - b.start);
  return (offset, length) => {
    let low = 0;
    let high = byStart.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((byStart[mid]?.start ?? 0) <= offset) low = mid + 1;
      else high = mid;
    }
    let best: (typeof byStart)[number] | undefined;
    for (let i = low - 1; i >= 0; i--) {
      const candidate = byStart[i];
      if (candidate === undefined) continue;
      // A container starting this early is longer than the best one found.
      if (best && candidate.start < offset + length - (best.end - best.start)) break;
      if (candidate.end < offset + length) continue;
      const size = candidate.end - candidate.start;
      const bestSize = best ? best.end - best.start : Number.POSITIVE_INFINITY;
      if (size < bestSize || (size === bestSize && best !== undefined && candidate.index < best.index)) best = candidate;
    }
    return best ? resourceIdentity(best.resource) : '';
  };
}
