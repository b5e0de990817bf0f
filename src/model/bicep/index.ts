// The Bicep front-end: a `.bicep` file (with its parameter file and local modules) to the template
// model, and `.bicepparam` files as parameter sources. The parser is loaded by
// `ensureBicepParser()`; everything after that is synchronous.
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { parameterFileBinder, readParameterValues } from '../arm/parameters.js';
import { checkExpression } from '../expr/index.js';
import type { SourceFile } from '../source.js';
import type { Comment, ExpressionProblem, ParseResult, ResourceModel, TemplateModel } from '../template.js';
import { OPAQUE_NAMESPACE } from './exprs.js';
import { buildDeployment, type BuildState, type BuiltDeployment } from './model.js';
import { repositoryRoot } from './modules.js';
import { bicepParameterBinder, findBicepParametersFor, readBicepParameters } from './parameters.js';
import { parseBicepCached, type ParsedBicep } from './parse.js';
import { createBicepRenderer } from './renderer.js';
import type { Binder } from './scope.js';

export { bicepParserState, ensureBicepParser } from './loader.js';
export { findBicepParametersFor } from './parameters.js';

export interface BicepParseOptions {
  /** `--parameters` (a `.bicepparam` or JSON parameter file): bound to the template, wins over discovery. */
  readonly parametersFile?: SourceFile;
  /**
   * Convention lookup of a parameter file is on when this is given. For Bicep it is the front-end's
   * own (`findBicepParametersFor`: a `.bicepparam` whose `using` names the template, else
   * `<name>.parameters.json`); the JSON convention's `metadata.template` scan is not run.
   */
  readonly findParametersFile?: (templatePath: string) => SourceFile | undefined;
}

/** Parses a `.bicep` file. Never throws: a syntax error is a `fatal` result at its offset. */
export function parseBicepFile(file: SourceFile, options: BicepParseOptions = {}): ParseResult {
  try {
    return parse(file, options);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const message = error instanceof RangeError ? 'The Bicep file is nested too deeply to be read' : `Internal error in the Bicep front-end: ${detail}`;
    return { kind: 'fatal', file, offset: 0, message };
  }
}

/** A `.bicepparam` file is a parameter source, not a template; a syntax error in it is fatal. */
export function parseBicepParamFile(file: SourceFile): ParseResult {
  const parsed = parseBicepCached(file.text, true);
  if (parsed.kind === 'parsed') return { kind: 'parameters', file };
  return { kind: 'fatal', file, offset: parsed.kind === 'syntax-error' ? parsed.offset : 0, message: parsed.message };
}

function parse(file: SourceFile, options: BicepParseOptions): ParseResult {
  const parsed = parseBicepCached(file.text, false);
  if (parsed.kind !== 'parsed') return { kind: 'fatal', file, offset: parsed.kind === 'syntax-error' ? parsed.offset : 0, message: parsed.message };
  const parametersFile = options.parametersFile ?? discover(file, options);
  const bind = parametersFile === undefined ? undefined : binderFor(parametersFile);
  const state: BuildState = { all: [], moduleStack: [], root: () => repositoryRoot(file.path), self: () => ownPath(file.path) };
  const built = buildDeployment(file, parsed, bind ?? (() => undefined), undefined, undefined, state);
  const comments = commentsOf(file.text, parsed);
  const model: TemplateModel = {
    file,
    language: 'bicep',
    root: built.deployment,
    resources: [...state.all].sort((a, b) => sourceOrder(a) - sourceOrder(b)),
    expressionProblems: expressionProblems(built),
    comments,
    parameterFiles: bind === undefined || parametersFile === undefined ? [] : [parametersFile],
    renderer: createBicepRenderer({ file, comments, parsed }),
  };
  return { kind: 'template', model };
}

/** A module's resources come right after the module (they are all shown at its declaration). */
function sourceOrder(resource: ResourceModel): number {
  let outermost: ResourceModel | undefined;
  for (let holder = resource.deployment.holder; holder !== undefined; holder = holder.deployment.holder) outermost = holder;
  return outermost === undefined ? resource.node.range.start : outermost.node.range.start + 0.5;
}

function ownPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return resolve(path);
  }
}

function discover(file: SourceFile, options: BicepParseOptions): SourceFile | undefined {
  if (options.findParametersFile === undefined) return undefined;
  try {
    return findBicepParametersFor(file.path);
  } catch {
    return undefined;
  }
}

function binderFor(parametersFile: SourceFile): Binder | undefined {
  if (/\.bicepparam$/i.test(parametersFile.path)) {
    const values = readBicepParameters(parametersFile);
    return values && bicepParameterBinder(values);
  }
  const values = readParameterValues(parametersFile);
  return values && parameterFileBinder(values);
}

function commentsOf(text: string, parsed: ParsedBicep): Comment[] {
  return parsed.tree.comments.map((node) => {
    const block = text.startsWith('/*', node.start);
    const closed = block && node.end - node.start >= 4 && text.startsWith('*/', node.end - 2);
    return { range: { start: node.start, end: node.end }, body: text.slice(node.start + 2, closed ? node.end - 2 : node.end), block };
  });
}

/** Unknown functions and wrong arities (syntax errors are fatal in Bicep); opaque values are not functions. */
function expressionProblems(built: BuiltDeployment): ExpressionProblem[] {
  const problems: ExpressionProblem[] = [];
  for (const expression of built.context.expressions) {
    if (expression.expr === undefined) continue;
    for (const problem of checkExpression(expression.expr, built.userFunctions)) {
      if (!problem.data.name?.startsWith(`${OPAQUE_NAMESPACE}.`)) problems.push(problem);
    }
  }
  return problems.sort((a, b) => a.range.start - b.range.start);
}
