// `.bicepparam` files: `using '<template>'` and `param <name> = <value>` assignments, which may
// read the file's own `var`s. They bind a template's parameters as ARM parameter files do.
// https://learn.microsoft.com/azure/azure-resource-manager/bicep/parameter-files
import { basename, dirname, extname, join, resolve } from 'node:path';
import { diskReader, type SiblingReader } from '../arm/parameters.js';
import { createEvaluator } from '../expr/index.js';
import { createSourceFile, type SourceFile } from '../source.js';
import type { Evaluator } from '../template.js';
import type { ValueNode } from '../value.js';
import { collectSymbols } from './declarations.js';
import { BicepLocator } from './locator.js';
import { Lowerer, noLocals } from './lower.js';
import { parseBicepCached } from './parse.js';
import type { Binder } from './scope.js';
import { plainString } from './strings.js';
import { firstNamed, namedChildren } from './syntax.js';
import { toValue, type ValueContext } from './values.js';

export interface BicepParameterValues {
  readonly file: SourceFile;
  /** The template named by `using`, as written. */
  readonly using: string | undefined;
  /** Assigned values by lower-cased parameter name. */
  readonly values: ReadonlyMap<string, ValueNode>;
  /** Evaluates the assigned values in the parameter file's own scope (its variables). */
  readonly evaluator: Evaluator;
}

/** The values a `.bicepparam` file assigns; undefined when it does not parse. */
export function readBicepParameters(file: SourceFile): BicepParameterValues | undefined {
  const parsed = parseBicepCached(file.text, true);
  if (parsed.kind !== 'parsed') return undefined;
  const { text } = file;
  const symbols = collectSymbols(text, parsed.tree.root, parsed.notes);
  const lowerer = new Lowerer(text, parsed.notes, symbols);
  const context: ValueContext = { file, lowerer, expressions: [] };
  const variables = new Map<string, ValueNode>();
  const values = new Map<string, ValueNode>();
  // Assignments were read as variables (see shim.ts): both kinds are names in the file's scope.
  for (const [name, declaration] of symbols.vars) {
    const valueNode = namedChildren(declaration)[1];
    if (valueNode === undefined) continue;
    const value = toValue(valueNode, BicepLocator.declaration('var', name), noLocals, context, name);
    variables.set(name.toLowerCase(), value);
    if (parsed.notes.parameterAssignments.has(declaration.start)) values.set(name.toLowerCase(), value);
  }
  const usingStatement = parsed.tree.root.children.find((child) => child.type === 'using_statement');
  return {
    file,
    using: plainString(text, usingStatement && firstNamed(usingStatement, 'string'), parsed.notes),
    values,
    evaluator: createEvaluator({ parameters: new Map(), variables, functions: new Map() }),
  };
}

function isWritten(node: ValueNode): boolean {
  if (node.kind === 'expression') return false;
  if (node.kind === 'object') return node.properties.every((property) => isWritten(property.value));
  if (node.kind === 'array') return node.copyCount === undefined && node.items.every(isWritten);
  return true;
}

/**
 * Binds the assigned values. A value written out (literals, objects, arrays of them) is bound as
 * written, so findings can point at it; one that reads the file's variables or calls functions
 * is evaluated in the parameter file's scope first.
 */
export function bicepParameterBinder(parameters: BicepParameterValues): Binder {
  return (name) => {
    const node = parameters.values.get(name.toLowerCase());
    if (node === undefined) return undefined;
    if (isWritten(node)) return { kind: 'node', node, via: 'parameter-file' };
    return { kind: 'evaluated', value: parameters.evaluator.node(node) };
  };
}

const USING = /^\s*using\s+'([^']+)'/m;
const MAX_CANDIDATE_BYTES = 1_000_000;

/**
 * The parameter file of a Bicep template, by convention: a sibling `.bicepparam` whose `using`
 * names the template (`<name>.bicepparam` first), else `<name>.parameters.json` beside it.
 */
export function findBicepParametersFor(templatePath: string, reader: SiblingReader = diskReader): SourceFile | undefined {
  const directory = dirname(templatePath);
  const stem = basename(templatePath, extname(templatePath)).toLowerCase();
  const siblings = reader.listDirectory(directory);
  const json = siblings.find((name) => name.toLowerCase() === `${stem}.parameters.json`);
  const fromBicepParam = bicepParamSibling(siblings, directory, stem, templatePath, reader);
  if (fromBicepParam !== undefined || json === undefined) return fromBicepParam;
  const text = reader.readText(join(directory, json));
  return text === undefined ? undefined : createSourceFile(join(directory, json), text);
}

function bicepParamSibling(siblings: readonly string[], directory: string, stem: string, templatePath: string, reader: SiblingReader): SourceFile | undefined {
  const candidates = siblings
    .filter((name) => /\.bicepparam$/i.test(name))
    .sort((a, b) => Number(basename(b, extname(b)).toLowerCase() === stem) - Number(basename(a, extname(a)).toLowerCase() === stem) || a.localeCompare(b));
  for (const name of candidates) {
    const path = join(directory, name);
    const text = reader.readText(path);
    if (text === undefined || text.length > MAX_CANDIDATE_BYTES) continue;
    const using = USING.exec(text)?.[1];
    if (using !== undefined && resolve(directory, using).toLowerCase() === resolve(templatePath).toLowerCase()) return createSourceFile(path, text);
  }
  return undefined;
}
