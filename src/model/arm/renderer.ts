import type { FormattingOptions, Node as JsonNode } from 'jsonc-parser';
import type { FixIntent } from '../fix.js';
import type { SourceFile } from '../source.js';
import type { FixRenderer } from '../template.js';
import type { ValueNode } from '../value.js';
import { placeChildResource } from './child-resource.js';
import { isCopyLoopArray } from './copy.js';
import { append, change, findProperty, freeKey, replace } from './edit-steps.js';
import { detectFormatting } from './formatting.js';
import { jsonNodeAt } from './jsonc-tree.js';
import { serialize } from './json-edits.js';
import { removeProperty } from './remove.js';
import { locatorPath, type JsonPath } from './locator.js';
import { parseJson } from './parse.js';
import { setAt } from './set.js';
import { suppressionComment, type SuppressionContext } from './suppression.js';
import { parseCleanly, WorkingCopy } from './working-copy.js';

export interface RendererInput extends SuppressionContext {
  /** The file's text as prepared for jsonc-parser (same offsets). */
  readonly prepared: string;
}

/**
 * Renders fix intents as edits of the JSON text: intents are applied one after another to a
 * working copy, in the file's own indentation and line ends, and the result must parse.
 */
export function createArmRenderer(input: RendererInput): FixRenderer {
  const options = detectFormatting(input.prepared, input.file.eol);
  let original: { readonly tree: JsonNode | undefined } | undefined;
  const originalTree = (): JsonNode | undefined => (original ??= { tree: parseCleanly(input.prepared) }).tree;
  return {
    render(intents) {
      try {
        const copy = new WorkingCopy(input.file.text, input.prepared, originalTree);
        for (const intent of intents) {
          if (!applyIntent(copy, intent, input.file, options)) return undefined;
        }
        return stillParses(copy, originalTree()) ? copy.edits() : undefined;
      } catch {
        return undefined;
      }
    },
    suppressionComment(offset, ruleIds) {
      return suppressionComment(input, offset, ruleIds);
    },
  };
}

function applyIntent(copy: WorkingCopy, intent: FixIntent, file: SourceFile, options: FormattingOptions): boolean {
  switch (intent.kind) {
    case 'replace': {
      const target = locate(copy, intent.node, file);
      return target !== undefined && replace(copy, target, intent.value, options);
    }
    case 'set': {
      const path = pathOf(intent.object, file);
      return path !== undefined && setAt(copy, path, intent.path, intent.value, options);
    }
    case 'remove': {
      const object = locate(copy, intent.object, file);
      if (object?.type !== 'object') return false;
      const property = findProperty(object, intent.key);
      return property === undefined || change(copy, removeProperty(copy.prepared, object, property.property), options, 'none');
    }
    case 'append': {
      const array = locate(copy, intent.array, file);
      return array?.type === 'array' && append(copy, array, serialize(intent.value), options);
    }
    case 'add-child-resource': {
      if (intent.parent.node.file.path !== file.path) return false;
      const placement = placeChildResource(intent);
      if (placement === undefined) return false;
      if (placement.kind === 'append') {
        const array = jsonNodeAt(copy.tree(), placement.container);
        return array?.type === 'array' && append(copy, array, serialize(placement.value), options);
      }
      const object = jsonNodeAt(copy.tree(), placement.container);
      if (object?.type !== 'object') return false;
      const key = placement.avoidKeys ? freeKey(object, placement.key) : placement.key;
      return setAt(copy, placement.container, [key], placement.value, options);
    }
  }
}

/**
 * The result must parse. The original did, and only the inside of the smallest object or array
 * around the changes differs, so parsing that container's new text is enough (the whole file is
 * parsed again only when the changes reach the root).
 */
function stillParses(copy: WorkingCopy, original: JsonNode | undefined): boolean {
  const span = copy.changedSpan();
  if (span === undefined) return true;
  let container = original;
  for (let inner = container && enclosingChild(container, span); inner !== undefined; inner = enclosingChild(inner, span)) {
    container = inner;
  }
  if (container === undefined || container === original) {
    const reparsed = parseJson(copy.text);
    return reparsed.kind === 'json' && reparsed.root !== undefined;
  }
  const text = copy.text.slice(container.offset, container.offset + container.length + span.delta);
  const reparsed = parseJson(text);
  return reparsed.kind === 'json' && reparsed.root?.type === container.type && reparsed.root.length === text.length;
}

/** The object or array directly below `node` that strictly contains the span. */
function enclosingChild(node: JsonNode, span: { readonly start: number; readonly end: number }): JsonNode | undefined {
  for (const child of node.children ?? []) {
    const value = child.type === 'property' ? child.children?.[1] : child;
    if (value === undefined || (value.type !== 'object' && value.type !== 'array')) continue;
    if (value.offset < span.start && span.end < value.offset + value.length) return value;
  }
  return undefined;
}

function pathOf(node: ValueNode, file: SourceFile): JsonPath | undefined {
  if (node.file.path !== file.path || isCopyLoopArray(node)) return undefined;
  return locatorPath(node);
}

/** The node's current counterpart in the working copy (earlier intents may have moved it). */
function locate(copy: WorkingCopy, node: ValueNode, file: SourceFile): JsonNode | undefined {
  const path = pathOf(node, file);
  return path === undefined ? undefined : jsonNodeAt(copy.tree(), path);
}

