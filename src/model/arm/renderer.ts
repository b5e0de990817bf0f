import type { FormattingOptions, Node as JsonNode } from 'jsonc-parser';
import type { FixIntent } from '../fix.js';
import type { SourceFile } from '../source.js';
import type { FixRenderer } from '../template.js';
import type { ValueNode } from '../value.js';
import { placeChildResource } from './child-resource.js';
import { isCopyLoopArray } from './copy.js';
import { append, change, findProperty, freeKey, replace } from './edit-steps.js';
import { detectFormatting } from './formatting.js';
import { serialize } from './json-edits.js';
import { removeProperty } from './remove.js';
import { locatorPath, type JsonPath } from './locator.js';
import { isValidJson } from './parse.js';
import { setAt } from './set.js';
import { suppressionComment, type SuppressionContext } from './suppression.js';
import { WorkingCopy } from './working-copy.js';

export interface RendererInput extends SuppressionContext {
  /** The file's text as prepared for jsonc-parser (same offsets). */
  readonly prepared: string;
  /** The front-end's tree of the file (its nodes' locators are the paths intents are rendered at). */
  readonly root: ValueNode | undefined;
}

/**
 * Renders fix intents as edits of the JSON text: intents are applied one after another to a
 * working copy, in the file's own indentation and line ends, and the result must parse.
 */
export function createArmRenderer(input: RendererInput): FixRenderer {
  let options: FormattingOptions | undefined;
  // One string when nothing was blanked: the working copy compares the two for every fix, and two
  // equal strings of a large file cost a full comparison each time, one string none.
  const prepared = input.prepared === input.file.text ? input.file.text : input.prepared;
  return {
    render(intents) {
      try {
        options ??= detectFormatting(prepared, input.file.eol);
        const copy = new WorkingCopy(input.file.text, prepared, input.root);
        for (const intent of intents) {
          if (!applyIntent(copy, intent, input.file, options)) return undefined;
        }
        return stillParses(copy, input.root) ? copy.edits() : undefined;
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
        const array = copy.nodeAt(placement.container);
        return array?.type === 'array' && append(copy, array, serialize(placement.value), options);
      }
      const object = copy.nodeAt(placement.container);
      if (object?.type !== 'object') return false;
      const key = placement.avoidKeys ? freeKey(object, placement.key) : placement.key;
      return setAt(copy, placement.container, [key], placement.value, options);
    }
  }
}

/**
 * The result must parse. The original did, and only the inside of the smallest object or array
 * around the changes differs, so checking that container's new text is enough (the whole file is
 * checked again only when the changes reach its top level).
 */
function stillParses(copy: WorkingCopy, root: ValueNode | undefined): boolean {
  const span = copy.changedSpan();
  if (span === undefined) return true;
  const encloses = (node: ValueNode): boolean => node.range.start < span.start && span.end < node.range.end;
  if (root === undefined || !encloses(root)) return isValidJson(copy.text);
  let container = root;
  for (let inner = enclosingChild(container, span, encloses); inner !== undefined; inner = enclosingChild(inner, span, encloses)) {
    container = inner;
  }
  return isValidJson(changedPart(copy, container, span));
}

/**
 * The container's new text; when the changes lie between two of its members (a resource appended
 * to the resources array), only those members and the changes, in the container's brackets: the
 * rest is unchanged, and checking the whole array for every fix made fixing a template of
 * thousands of resources quadratic.
 */
function changedPart(copy: WorkingCopy, container: ValueNode, span: { readonly start: number; readonly end: number; readonly delta: number }): string {
  const whole = () => copy.slice(container.range.start, container.range.end + span.delta);
  const members = container.kind === 'object' ? container.properties : container.kind === 'array' ? container.items : undefined;
  if (members === undefined || isCopyLoopArray(container)) return whole();
  let low = 0;
  let high = members.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((members[mid]?.range.start ?? 0) < span.end) low = mid + 1;
    else high = mid;
  }
  const before = members[low - 1];
  const after = members[low];
  // A change inside a member (a scalar, a copy loop): that member is not a container of its own.
  if (before !== undefined && before.range.end > span.start) return whole();
  const from = before?.range.start ?? container.range.start + 1;
  const to = (after?.range.end ?? container.range.end - 1) + span.delta;
  return container.kind === 'object' ? `{${copy.slice(from, to)}}` : `[${copy.slice(from, to)}]`;
}

/** The object or array directly below `node` that strictly contains the changes. */
function enclosingChild(node: ValueNode, span: { readonly start: number }, encloses: (node: ValueNode) => boolean): ValueNode | undefined {
  const children = node.kind === 'object' ? node.properties.map((p) => p.value) : node.kind === 'array' ? node.items : [];
  // Children are in text order: the last one starting before the changes is the only candidate
  // (a scan from the first would cost a pass over the resources array for every fix).
  let low = 0;
  let high = children.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((children[mid]?.range.start ?? 0) < span.start) low = mid + 1;
    else high = mid;
  }
  const child = children[low - 1];
  return child && (child.kind === 'object' || child.kind === 'array') && !isCopyLoopArray(child) && encloses(child) ? child : undefined;
}

function pathOf(node: ValueNode, file: SourceFile): JsonPath | undefined {
  if (node.file.path !== file.path || isCopyLoopArray(node)) return undefined;
  return locatorPath(node);
}

/** The node's current counterpart in the working copy (earlier intents may have moved it). */
function locate(copy: WorkingCopy, node: ValueNode, file: SourceFile): JsonNode | undefined {
  const path = pathOf(node, file);
  return path === undefined ? undefined : copy.nodeAt(path);
}

