import type { ValueNode } from '../value.js';

/** A JSON path, as jsonc-parser takes it: keys and array indices from the root. */
export type JsonPath = readonly (string | number)[];

/**
 * The `locator` of every ARM node: its JSON path, kept as a link to the parent's locator. A path
 * array per node would copy the whole prefix at every level (a third of the model's memory on
 * large templates); the renderer, the only reader, materializes the path when it needs it.
 */
export class JsonLocator {
  static readonly root = new JsonLocator(undefined, '');

  private constructor(
    private readonly parent: JsonLocator | undefined,
    private readonly segment: string | number,
  ) {}

  child(segment: string | number): JsonLocator {
    return new JsonLocator(this, segment);
  }

  get path(): JsonPath {
    const segments: (string | number)[] = [];
    let parent = this.parent;
    let segment = this.segment;
    while (parent !== undefined) {
      segments.push(segment);
      segment = parent.segment;
      parent = parent.parent;
    }
    return segments.reverse();
  }
}

/** The JSON path of a node made by the ARM front-end; undefined for nodes of other front-ends. */
export function locatorPath(node: ValueNode): JsonPath | undefined {
  return node.locator instanceof JsonLocator ? node.locator.path : undefined;
}
