import type { Node as JsonNode } from 'jsonc-parser';

/** The node at a JSON path, with exact keys as jsonc-parser writes them but the last duplicate. */
export function jsonNodeAt(root: JsonNode | undefined, path: readonly (string | number)[]): JsonNode | undefined {
  let node = root;
  for (const segment of path) {
    if (node === undefined) return undefined;
    if (typeof segment === 'number') {
      node = node.type === 'array' ? node.children?.[segment] : undefined;
    } else {
      node = exactProperty(node, segment);
    }
  }
  return node;
}

function exactProperty(object: JsonNode, key: string): JsonNode | undefined {
  if (object.type !== 'object') return undefined;
  let found: JsonNode | undefined;
  for (const property of object.children ?? []) {
    if (property.children?.[0]?.value === key) found = property.children[1];
  }
  return found;
}
