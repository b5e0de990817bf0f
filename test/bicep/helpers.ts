import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseBicepFile, type BicepParseOptions } from '../../src/model/bicep/index.js';
import { createSourceFile } from '../../src/model/source.js';
import type { ResourceModel, TemplateModel } from '../../src/model/template.js';
import { getProperty, type ValueNode } from '../../src/model/value.js';

export { applyEdits } from '../arm/helpers.js';

export function parseBicep(text: string, options: BicepParseOptions = {}, path = '/work/t/main.bicep'): TemplateModel {
  const result = parseBicepFile(createSourceFile(path, text), options);
  if (result.kind !== 'template') {
    throw new Error(`expected a template, got ${result.kind}${result.kind === 'fatal' ? `: ${result.message}` : ''}`);
  }
  return result.model;
}

export function resource(model: TemplateModel, symbolicName: string): ResourceModel {
  const found = model.resources.find((r) => r.symbolicName === symbolicName);
  if (found === undefined) throw new Error(`no resource ${symbolicName}`);
  return found;
}

/** The value node at a dotted path below an object (case-insensitive). */
export function at(node: ValueNode, dotted: string): ValueNode {
  let current: ValueNode = node;
  for (const key of dotted.split('.')) {
    const next: ValueNode | undefined =
      current.kind === 'object' ? getProperty(current, key)?.value : current.kind === 'array' ? current.items[Number(key)] : undefined;
    if (next === undefined) throw new Error(`no ${key} in ${dotted}`);
    current = next;
  }
  return current;
}

/** A folder of files (path → text) under a fresh temporary directory; returns the directory. */
export function writeTree(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tl-bicep-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The text of a range. */
export function textAt(model: TemplateModel, node: { readonly range: { readonly start: number; readonly end: number } }): string {
  return model.file.text.slice(node.range.start, node.range.end);
}
