// jsonc-parser nodes for the renderer without parsing the file again: views of the value nodes the
// front-end already built, and of the small subtrees it parses again after an edit, moved to where
// they now are in the edited text.
import type { Node as JsonNode, NodeType } from 'jsonc-parser';
import type { SourceFile } from '../source.js';
import type { PropertyNode, ValueNode } from '../value.js';
import { isCopyLoopArray } from './copy.js';
import type { JsonPath } from './locator.js';

/** The node at a JSON path, with exact keys (the last duplicate); copy-loop arrays are not in the text. */
export function valueAt(root: ValueNode, path: JsonPath): ValueNode | undefined {
  let node: ValueNode | undefined = root;
  for (const segment of path) {
    if (node === undefined) return undefined;
    node = childAt(node, segment);
  }
  return node;
}

export function childAt(node: ValueNode, segment: string | number): ValueNode | undefined {
  if (typeof segment === 'number') return node.kind === 'array' && !isCopyLoopArray(node) ? node.items[segment] : undefined;
  if (node.kind !== 'object') return undefined;
  let found: ValueNode | undefined;
  for (const property of node.properties) {
    if (property.key === segment && !isCopyLoopArray(property.value)) found = property.value;
  }
  return found;
}

/**
 * A value node as jsonc-parser would have parsed it, `shift` characters further on. Only keys have
 * a `value`: the renderer reads everything else from the text by offset.
 */
export function viewOf(node: ValueNode, shift = 0): JsonNode {
  return new ValueView(node, shift);
}

class ValueView implements JsonNode {
  private members: JsonNode[] | undefined;

  constructor(
    private readonly node: ValueNode,
    private readonly shift: number,
  ) {}

  get type(): NodeType {
    const { node } = this;
    switch (node.kind) {
      case 'object':
      case 'array':
        return node.kind;
      case 'expression':
        return 'string';
      case 'literal':
        if (node.value === null) return 'null';
        return typeof node.value === 'string' ? 'string' : typeof node.value === 'number' ? 'number' : 'boolean';
    }
  }

  get offset(): number {
    return this.node.range.start + this.shift;
  }

  get length(): number {
    return this.node.range.end - this.node.range.start;
  }

  get children(): JsonNode[] | undefined {
    const { node, shift } = this;
    if (node.kind === 'array') return (this.members ??= node.items.map((item) => new ValueView(item, shift)));
    if (node.kind !== 'object') return undefined;
    this.members ??= node.properties.filter((p) => !isCopyLoopArray(p.value)).map((p) => new PropertyView(p, shift));
    return this.members;
  }
}

class PropertyView implements JsonNode {
  readonly type = 'property';
  readonly children: JsonNode[];

  constructor(
    private readonly property: PropertyNode,
    private readonly shift: number,
  ) {
    this.children = [new KeyView(property, shift), new ValueView(property.value, shift)];
  }

  get offset(): number {
    return this.property.range.start + this.shift;
  }

  get length(): number {
    return this.property.range.end - this.property.range.start;
  }
}

class KeyView implements JsonNode {
  readonly type = 'string';

  constructor(
    private readonly property: PropertyNode,
    private readonly shift: number,
  ) {}

  get value(): string {
    return this.property.key;
  }

  get offset(): number {
    return this.property.keyRange.start + this.shift;
  }

  get length(): number {
    return this.property.keyRange.end - this.property.keyRange.start;
  }
}

/** A jsonc-parser node parsed from a slice of the text, as it lies in the whole text. */
export function shiftedNode(node: JsonNode, shift: number): JsonNode {
  return shift === 0 ? node : new ShiftedView(node, shift);
}

class ShiftedView implements JsonNode {
  private members: JsonNode[] | undefined;

  constructor(
    private readonly node: JsonNode,
    private readonly shift: number,
  ) {}

  get type(): NodeType {
    return this.node.type;
  }

  get value(): unknown {
    return this.node.value as unknown;
  }

  get offset(): number {
    return this.node.offset + this.shift;
  }

  get length(): number {
    return this.node.length;
  }

  get children(): JsonNode[] | undefined {
    const { children } = this.node;
    if (children === undefined) return undefined;
    return (this.members ??= children.map((child) => new ShiftedView(child, this.shift)));
  }
}

/** A text to parse on its own (a part of a file, an edited text): its nodes are only read here. */
export function textOnly(text: string): SourceFile {
  return { path: '', text, hasBom: false, eol: '\n' };
}
