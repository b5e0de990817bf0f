import type { ValueNode } from '../value.js';
import { isCopyLoopArray } from './copy.js';

/** A JSON path, as jsonc-parser takes it: keys and array indices from the root. */
export type JsonPath = readonly (string | number)[];

/**
 * The `locator` of every ARM node: the tree it belongs to, one object shared by all its nodes.
 * A node's JSON path is found when the renderer asks (once per fix) by going down from the root
 * to the node's range; ranges nest strictly, as the JSON does. A locator per node, even a link to
 * its parent's, was one more object per value, for something read a few times per file.
 */
export class JsonLocator {
  private root: ValueNode | undefined;

  /** Called once, when the tree is built (its nodes are made before the root is). */
  setRoot(root: ValueNode | undefined): void {
    this.root = root;
  }

  /**
   * The path of the node at `target`'s range: keys as written and array indices. A copy-loop
   * array has the path of its `copy` entry (whose range it has).
   */
  pathOf(target: ValueNode): JsonPath | undefined {
    const { start, end } = target.range;
    const path: (string | number)[] = [];
    for (let node = this.root; node !== undefined; ) {
      if (node.range.start === start && node.range.end === end) return path;
      let next: ValueNode | undefined;
      if (node.kind === 'object') {
        const property = node.properties.find(
          ({ value }) => value.range.start <= start && end <= value.range.end && !isCopyLoopArray(value),
        );
        if (property !== undefined) {
          path.push(property.key);
          next = property.value;
        }
      } else if (node.kind === 'array' && !isCopyLoopArray(node)) {
        const index = itemAt(node.items, start);
        const item = node.items[index];
        if (item !== undefined && item.range.start <= start && end <= item.range.end) {
          path.push(index);
          next = item;
        }
      }
      node = next;
    }
    return undefined;
  }
}

/** The index of the last item that starts at or before `offset` (items are in document order). */
function itemAt(items: readonly ValueNode[], offset: number): number {
  let low = 0;
  let high = items.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((items[middle]?.range.start ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The JSON path of a node made by the ARM front-end; undefined for nodes of other front-ends. */
export function locatorPath(node: ValueNode): JsonPath | undefined {
  return node.locator instanceof JsonLocator ? node.locator.pathOf(node) : undefined;
}
