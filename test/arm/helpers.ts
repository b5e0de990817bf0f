import { parseArmFile, type ArmParseOptions } from '../../src/model/arm/index.js';
import type { TextEdit } from '../../src/model/fix.js';
import { createSourceFile, type SourceFile } from '../../src/model/source.js';
import type { ResourceModel, TemplateModel } from '../../src/model/template.js';
import { getProperty, type ObjectNode, type ValueNode } from '../../src/model/value.js';

export const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

/** A template's JSON text with the usual header; `body` holds the other top-level members. */
export function templateText(body: Record<string, unknown>): string {
  return JSON.stringify({ $schema: SCHEMA, contentVersion: '1.0.0.0', ...body }, null, 2);
}

export function parseTemplate(text: string, options: ArmParseOptions = {}, path = '/work/t/azuredeploy.json'): TemplateModel {
  const result = parseArmFile(createSourceFile(path, text), options);
  if (result.kind !== 'template') {
    throw new Error(`expected a template, got ${result.kind}${result.kind === 'fatal' ? `: ${result.message}` : ''}`);
  }
  return result.model;
}

export function file(path: string, text: string): SourceFile {
  return createSourceFile(path, text);
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.range.start - a.range.start)) {
    result = result.slice(0, edit.range.start) + edit.text + result.slice(edit.range.end);
  }
  return result;
}

/** The value node at a dotted path below an object (case-insensitive, as ARM). */
export function nodeAt(object: ValueNode, dotted: string): ValueNode {
  let node: ValueNode = object;
  for (const key of dotted.split('.')) {
    if (node.kind === 'array' && /^\d+$/.test(key)) {
      const item: ValueNode | undefined = node.items[Number(key)];
      if (item === undefined) throw new Error(`no item ${key} in ${dotted}`);
      node = item;
      continue;
    }
    if (node.kind !== 'object') throw new Error(`not an object at ${key} in ${dotted}`);
    const property = getProperty(node, key);
    if (property === undefined) throw new Error(`no ${key} in ${dotted}`);
    node = property.value;
  }
  return node;
}

export function objectAt(object: ValueNode, dotted: string): ObjectNode {
  const node = nodeAt(object, dotted);
  if (node.kind !== 'object') throw new Error(`${dotted} is a ${node.kind}`);
  return node;
}

export function resourceOfType(model: TemplateModel, type: string): ResourceModel {
  const found = model.resources.find((resource) => resource.type.toLowerCase() === type.toLowerCase());
  if (found === undefined) throw new Error(`no resource of type ${type}`);
  return found;
}

/** The text a range covers. */
export function textOf(text: string, range: { readonly start: number; readonly end: number }): string {
  return text.slice(range.start, range.end);
}
