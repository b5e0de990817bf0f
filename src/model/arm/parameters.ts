// Parameter files: binding their values to a template, and finding the one that belongs to a template.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/parameter-files
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { unknown } from '../evaluated.js';
import { createSourceFile, type SourceFile } from '../source.js';
import type { ObjectNode } from '../value.js';
import { getProperty } from '../value.js';
import { jsonProperty } from './jsonc-tree.js';
import type { Binder } from './decls.js';
import { parseJson } from './parse.js';
import { JsonLocator } from './locator.js';
import { toValueNode } from './nodes.js';

/** The `parameters` object of a parameter file, or undefined when the file is not one. */
export function readParameterValues(file: SourceFile): ObjectNode | undefined {
  const parsed = parseJson(file.text);
  if (parsed.kind !== 'json' || parsed.root?.type !== 'object') return undefined;
  const parameters = jsonProperty(parsed.root, 'parameters');
  if (parameters?.type !== 'object') return undefined;
  // Parameter files are data: ARM does not evaluate "[...]" strings in them.
  const node = toValueNode(parameters, JsonLocator.root.child('parameters'), {
    file,
    blankedStrings: parsed.prepared.blankedStrings,
    expressions: [],
    syntaxProblems: [],
    literalStrings: true,
  });
  return node.kind === 'object' ? node : undefined;
}

/**
 * Binds `parameters.<name>.value` (names compared case-insensitively). A Key Vault `reference` is
 * known only at deployment time: the parameter is unknown, and its default is not used.
 */
export function parameterFileBinder(values: ObjectNode): Binder {
  return (name) => {
    const entry = getProperty(values, name)?.value;
    if (entry?.kind !== 'object') return undefined;
    const value = getProperty(entry, 'value')?.value;
    if (value !== undefined) return { kind: 'node', node: value, via: 'parameter-file' };
    if (getProperty(entry, 'reference')) return { kind: 'evaluated', value: unknown('environment', [name]) };
    return undefined;
  };
}

/** What parameter-file discovery reads: only the template's own folder. */
export interface SiblingReader {
  /** File names (not paths) in a directory; empty when it cannot be read. */
  listDirectory(directory: string): readonly string[];
  /** The file's text, or undefined when it cannot be read. */
  readText(path: string): string | undefined;
}

export const diskReader: SiblingReader = {
  listDirectory(directory) {
    try {
      return readdirSync(directory);
    } catch {
      return [];
    }
  },
  readText(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
};

const MAX_CANDIDATE_BYTES = 1_000_000;

/**
 * The parameter file of a template, by convention: `<name>.parameters.json` beside it
 * (`azuredeploy.json` → `azuredeploy.parameters.json`), else a sibling `.json` whose
 * `metadata.template` names the template file.
 */
export function findParameterFileFor(templatePath: string, reader: SiblingReader = diskReader): SourceFile | undefined {
  const directory = dirname(templatePath);
  const templateName = basename(templatePath);
  const stem = templateName.slice(0, templateName.length - extname(templateName).length).toLowerCase();
  const siblings = reader.listDirectory(directory).filter((name) => name !== templateName);
  const conventional = siblings.find((name) => name.toLowerCase() === `${stem}.parameters.json`);
  if (conventional !== undefined) {
    const file = readSibling(reader, join(directory, conventional));
    if (file !== undefined) return file;
  }
  const candidates = siblings
    .filter((name) => /\.jsonc?$/i.test(name))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const name of candidates) {
    const path = join(directory, name);
    const text = reader.readText(path);
    if (text === undefined || text.length > MAX_CANDIDATE_BYTES || !text.toLowerCase().includes(stem)) continue;
    const file = createSourceFile(path, text);
    if (namesTemplate(file, directory, templatePath)) return file;
  }
  return undefined;
}

function rank(name: string): number {
  return /\.parameters\.jsonc?$/i.test(name) ? 0 : 1;
}

function readSibling(reader: SiblingReader, path: string): SourceFile | undefined {
  const text = reader.readText(path);
  return text === undefined ? undefined : createSourceFile(path, text);
}

function namesTemplate(file: SourceFile, directory: string, templatePath: string): boolean {
  const parsed = parseJson(file.text);
  if (parsed.kind !== 'json') return false;
  const template: unknown = jsonProperty(jsonProperty(parsed.root, 'metadata'), 'template')?.value;
  if (typeof template !== 'string' || template.trim() === '') return false;
  const named = resolve(directory, template.trim().replace(/\\/g, '/'));
  return named.toLowerCase() === resolve(templatePath).toLowerCase();
}
