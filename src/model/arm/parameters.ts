// Parameter files: binding their values to a template, and finding the one that belongs to a template.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/parameter-files
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { readRegularFileStartSync, readRegularFileSync } from '../read-file.js';
import { unknown } from '../evaluated.js';
import { createSourceFile, type SourceFile } from '../source.js';
import type { ObjectNode } from '../value.js';
import { getProperty } from '../value.js';
import type { Binder } from './decls.js';
import { isTemplateSchema } from './classify.js';
import { readAsData } from './nodes.js';
import { parseJson } from './parse.js';

/** The `parameters` object of a parameter file, or undefined when the file is not one. */
export function readParameterValues(file: SourceFile): ObjectNode | undefined {
  const parsed = parseJson(file);
  const root = parsed.kind === 'json' ? parsed.tree.root : undefined;
  if (parsed.kind !== 'json' || root?.kind !== 'object') return undefined;
  const parameters = getProperty(root, 'parameters')?.value;
  if (parameters?.kind !== 'object') return undefined;
  // Parameter files are data: ARM does not evaluate "[...]" strings in them.
  readAsData(parsed.tree);
  return parameters;
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
  /** The text of the file's first `length` bytes, and whether that is the whole file; undefined when it cannot be read. */
  readStart?(path: string, length: number): { readonly text: string; readonly whole: boolean } | undefined;
  /**
   * Something that changes when the directory's entries or the file's contents do (its
   * modification time and size); undefined when unknown. Without it, nothing is cached.
   */
  changeStamp?(path: string): string | undefined;
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
      return readRegularFileSync(path).toString('utf8');
    } catch {
      return undefined;
    }
  },
  readStart(path, length) {
    try {
      const { bytes, whole } = readRegularFileStartSync(path, length);
      return { text: bytes.toString('utf8'), whole };
    } catch {
      return undefined;
    }
  },
  changeStamp(path) {
    const stats = statSync(path, { throwIfNoEntry: false });
    return stats === undefined ? undefined : `${String(stats.mtimeMs)}:${String(stats.size)}`;
  },
};

const MAX_CANDIDATE_BYTES = 1_000_000;

/**
 * The parameter file of a template, by convention: `<name>.parameters.json` beside it
 * (`azuredeploy.json` → `azuredeploy.parameters.json`), else a sibling `.json` whose
 * `metadata.template` names the template file.
 */
export function findParameterFileFor(templatePath: string, reader: SiblingReader = diskReader): SourceFile | undefined {
  return new SiblingFolder(dirname(templatePath), reader, 'none').parameterFileFor(templatePath);
}

/**
 * `findParameterFileFor` for one linting run, which reads each folder once instead of once per
 * template: the last folder's listing and what its candidate files name are kept while their
 * change stamps stay the same. A folder of n templates with no conventional parameter files was
 * n² file reads (nearly as many bytes as the corpus itself). With `readOnce` (a one-shot run,
 * whose files do not change under it) the stamps are not checked again either: that was n² stats.
 */
export function createParameterFileFinder(reader: SiblingReader = diskReader, readOnce = false): (templatePath: string) => SourceFile | undefined {
  let folder: SiblingFolder | undefined;
  return (templatePath) => {
    const directory = dirname(templatePath);
    if (folder?.isCurrent(directory) !== true) folder = new SiblingFolder(directory, reader, readOnce ? 'read-once' : 'stamped');
    return folder.parameterFileFor(templatePath);
  };
}

/** A sibling `.json` file, read as a candidate for `metadata.template`. */
interface Candidate {
  readonly stamp: string | undefined;
  /** Undefined when unreadable or too large. */
  readonly file: SourceFile | undefined;
  /** `metadata.template` resolved and lower-cased; null when there is none. Read when first needed. */
  target?: string | null;
}

/** How a folder's reads are kept: not at all, while their change stamps hold, or for the run. */
type Reuse = 'none' | 'stamped' | 'read-once';

class SiblingFolder {
  private readonly stamp: string | undefined;
  /** Lower-cased name → the first name in the listing spelt that way. */
  private readonly names = new Map<string, string>();
  private readonly candidateNames: readonly string[];
  private readonly candidates = new Map<string, Candidate>();

  constructor(
    private readonly directory: string,
    private readonly reader: SiblingReader,
    private readonly reuse: Reuse,
  ) {
    this.stamp = reuse === 'stamped' ? reader.changeStamp?.(directory) : undefined;
    const listing = reader.listDirectory(directory);
    for (const name of listing) if (!this.names.has(name.toLowerCase())) this.names.set(name.toLowerCase(), name);
    this.candidateNames = listing.filter((name) => /\.jsonc?$/i.test(name)).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  }

  /** Whether this listing may be used again for the directory (never without stamps). */
  isCurrent(directory: string): boolean {
    if (directory !== this.directory) return false;
    return this.reuse === 'read-once' || (this.stamp !== undefined && this.reader.changeStamp?.(directory) === this.stamp);
  }

  parameterFileFor(templatePath: string): SourceFile | undefined {
    const { directory, reader } = this;
    const templateName = basename(templatePath);
    const stem = templateName.slice(0, templateName.length - extname(templateName).length).toLowerCase();
    const conventional = this.names.get(`${stem}.parameters.json`);
    if (conventional !== undefined) {
      const file = readSibling(reader, join(directory, conventional));
      if (file !== undefined) return file;
    }
    const wanted = resolve(templatePath).toLowerCase();
    for (const name of this.candidateNames) {
      if (name === templateName) continue;
      const candidate = this.candidate(name);
      if (candidate.file === undefined) continue;
      // Not `??=`: null (names no template) is an answer, kept like the others.
      if (candidate.target === undefined) candidate.target = mayNameTemplate(candidate.file.text) ? namedTemplate(candidate.file, directory) : null;
      if (candidate.target === wanted) return candidate.file;
    }
    return undefined;
  }

  private candidate(name: string): Candidate {
    const known = this.candidates.get(name);
    if (known !== undefined && this.reuse === 'read-once') return known;
    const path = join(this.directory, name);
    const stamp = this.reuse === 'stamped' ? this.reader.changeStamp?.(path) : undefined;
    if (known !== undefined && stamp !== undefined && known.stamp === stamp) return known;
    const text = this.candidateText(path);
    const candidate: Candidate = { stamp, file: text !== undefined && text.length <= MAX_CANDIDATE_BYTES ? createSourceFile(path, text) : undefined };
    this.candidates.set(name, candidate);
    return candidate;
  }

  /**
   * The text of a candidate, or undefined when it is unreadable or a template: a template says so
   * in its `$schema`, written first, and most siblings are templates (compiled Bicep among them,
   * often large), so their start is read, not all of them.
   */
  private candidateText(path: string): string | undefined {
    const start = this.reader.readStart?.(path, CANDIDATE_START_BYTES);
    if (start === undefined) return this.reader.readText(path);
    const schema = SCHEMA_VALUE.exec(start.text)?.[1];
    if (schema !== undefined && isTemplateSchema(schema.trim())) return undefined;
    return start.whole ? start.text : this.reader.readText(path);
  }
}

/** Enough for the `$schema` of a template, after a BOM, comments or a long first line. */
const CANDIDATE_START_BYTES = 8192;
/** The `$schema` value written in a file's start (classifyJson decides on the parsed one). */
const SCHEMA_VALUE = /"\$schema"\s*:\s*"([^"]*)"/i;

function rank(name: string): number {
  return /\.parameters\.jsonc?$/i.test(name) ? 0 : 1;
}

function readSibling(reader: SiblingReader, path: string): SourceFile | undefined {
  const text = reader.readText(path);
  return text === undefined ? undefined : createSourceFile(path, text);
}

/**
 * Whether a file's text can hold a `metadata.template`: the key `"metadata"` and a `"template"`
 * key with a string value written out, or a `\u` escape that could spell them. Most candidates
 * are other templates (whose nested deployments have `"template": {`), not worth a parse.
 */
function mayNameTemplate(text: string): boolean {
  return (/"template"\s*:\s*"/i.test(text) && /"metadata"/i.test(text)) || text.includes('\\u');
}

/** The file its `metadata.template` names, resolved and lower-cased; null when it names none. */
function namedTemplate(file: SourceFile, directory: string): string | null {
  const parsed = parseJson(file);
  const metadata = parsed.kind === 'json' && parsed.tree.root?.kind === 'object' ? getProperty(parsed.tree.root, 'metadata')?.value : undefined;
  const template = metadata?.kind === 'object' ? getProperty(metadata, 'template')?.value : undefined;
  if (template?.kind !== 'literal' || typeof template.value !== 'string' || template.value.trim() === '') return null;
  return resolve(directory, template.value.trim().replace(/\\/g, '/')).toLowerCase();
}
