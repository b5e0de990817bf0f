import type { ResourceView } from '../../src/engine/rule.js';
import { possibleValues, type Evaluated } from '../../src/model/evaluated.js';
import type { ValueNode } from '../../src/model/value.js';
import { profilePath } from './compute.js';

export interface DataDisks {
  /** The `dataDisks` value (for a copy loop: its `copy` entry). */
  readonly node: ValueNode;
  /** How many; undefined when some but the number is not known. */
  readonly count: number | undefined;
}

function fromCounts(node: ValueNode, counts: readonly number[] | undefined): DataDisks | undefined {
  // Unknown count: assume disks, since nothing shows there are none.
  if (counts === undefined) return { node, count: undefined };
  const most = Math.max(0, ...counts);
  if (most === 0) return undefined;
  return { node, count: counts.length === 1 ? most : undefined };
}

function copyCounts(count: Evaluated): readonly number[] | undefined {
  const values = possibleValues(count);
  if (values === undefined || values.some((value) => typeof value !== 'number')) return undefined;
  return values as readonly number[];
}

/**
 * The data disks of a scale set or VM (`storageProfile.dataDisks`), written as an array, as an
 * expression, or made by a property copy loop; undefined when it surely has none.
 */
export function dataDisksOf(resource: ResourceView): DataDisks | undefined {
  const view = resource.get(`${profilePath(resource)}.storageProfile.dataDisks`);
  if (!view) return undefined;
  const { node } = view;
  if (node.kind === 'array') {
    if (node.copyCount !== undefined) return fromCounts(node, copyCounts(resource.eval(node.copyCount)));
    return node.items.length > 0 ? { node, count: node.items.length } : undefined;
  }
  // An unknown expression above dataDisks (a whole storageProfile from reference()) says nothing about disks.
  if (view.value.kind === 'unknown' && view.holder === undefined) return undefined;
  const values = possibleValues(view.value);
  return fromCounts(node, values?.map((value) => (Array.isArray(value) ? value.length : 0)));
}

/** "1 data disk", "3 data disks", "data disks". */
export function describeDataDisks(disks: DataDisks): string {
  if (disks.count === undefined) return 'data disks';
  return disks.count === 1 ? '1 data disk' : `${String(disks.count)} data disks`;
}
