// The ARM JSON front-end: a template file (and its parameter file) to the template model.
import type { SourceFile } from '../source.js';
import type { Comment, FixRenderer, ParseResult } from '../template.js';
import { cannotBeTemplate, classifyJson } from './classify.js';
import { collectComments } from './comments.js';
import { buildTemplateModel } from './model.js';
import { readAsTemplate } from './nodes.js';
import { parameterFileBinder, readParameterValues } from './parameters.js';
import { parseJson, type ParsedJson } from './parse.js';
import { createArmRenderer } from './renderer.js';

export { createParameterFileFinder, findParameterFileFor, diskReader, type SiblingReader } from './parameters.js';
export { isCopyLoopArray } from './copy.js';
export { locatorPath, type JsonPath } from './locator.js';
export { MAX_NESTING } from './preprocess.js';

export interface ArmParseOptions {
  /** `--parameters`: bound to the template, wins over discovery. */
  readonly parametersFile?: SourceFile;
  /** Convention lookup beside the template (see `findParameterFileFor`). */
  readonly findParametersFile?: (templatePath: string) => SourceFile | undefined;
}

/** Parses an ARM JSON file. Never throws: unreadable input is a `fatal` result with an offset. */
export function parseArmFile(file: SourceFile, options: ArmParseOptions = {}): ParseResult {
  try {
    return parse(file, options);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { kind: 'fatal', file, offset: 0, message: `Internal error in the ARM front-end: ${detail}` };
  }
}

function parse(file: SourceFile, options: ArmParseOptions): ParseResult {
  if (cannotBeTemplate(file.text) === true) return { kind: 'not-a-template', file };
  const parsed = parseJson(file);
  if (parsed.kind === 'error') return { kind: 'fatal', file, offset: parsed.offset, message: parsed.message };
  const { root } = parsed.tree;
  const kind = classifyJson(root);
  if (kind === 'parameters') return { kind: 'parameters', file };
  if (kind === 'other' || root?.kind !== 'object') return { kind: 'not-a-template', file };
  const { expressions } = readAsTemplate(parsed.tree, file);
  const parametersFile = options.parametersFile ?? discover(file, options);
  const values = parametersFile === undefined ? undefined : readParameterValues(parametersFile);
  const comments = collectComments(file.text, parsed.tree.comments);
  return {
    kind: 'template',
    model: buildTemplateModel({
      file,
      root,
      bindRoot: values === undefined ? () => undefined : parameterFileBinder(values),
      expressions,
      comments,
      parameterFiles: values === undefined || parametersFile === undefined ? [] : [parametersFile],
      renderer: rendererOf(file, parsed, comments),
    }),
  };
}

/**
 * A renderer for another JSON file of the run, such as a parameter file whose value a fix changes
 * (nodes bound from it carry it as their `file`). Undefined when the file does not parse.
 */
export function createJsonRenderer(file: SourceFile): FixRenderer | undefined {
  const parsed = parseJson(file);
  if (parsed.kind !== 'json') return undefined;
  return rendererOf(file, parsed, collectComments(file.text, parsed.tree.comments));
}

function rendererOf(file: SourceFile, parsed: ParsedJson, comments: readonly Comment[]): FixRenderer {
  const multilineStrings = [...parsed.blankedStrings].map(([start, end]) => ({ start, end }));
  return createArmRenderer({ file, prepared: parsed.prepared, root: parsed.tree.root, comments, multilineStrings });
}

function discover(file: SourceFile, options: ArmParseOptions): SourceFile | undefined {
  try {
    return options.findParametersFile?.(file.path);
  } catch {
    return undefined;
  }
}
