// The plugin's languages: the front-ends parse the file once, and what they return is kept on the
// SourceCode object for the rules. The AST ESLint walks is a single node spanning the text.
import type { File, Language, OkParseResult, ParseResult as EslintParseResult } from '@eslint/core';
import { createParameterFileFinder, parseArmFile } from '../model/arm/index.js';
import { parseBicepFile, parseBicepParamFile } from '../model/bicep/index.js';
import { parseSource } from '../model/frontends.js';
import { createSourceFile, positionAt, type SourceFile, type TextRange } from '../model/source.js';
import type { ParseResult } from '../model/template.js';
import './bicep-ready.js';
import { TemplateSourceCode, type CommentNode, type DocumentNode, type TemplateLanguageOptions, type TemplateNode } from './source-code.js';

type Frontend = (file: SourceFile) => ParseResult;

export type TemplateLanguage = Language<{ LangOptions: TemplateLanguageOptions; Code: TemplateSourceCode; RootNode: DocumentNode; Node: TemplateNode }>;

/** Convention lookup of parameter files beside the template, as the CLI does (folder listings are re-read when they change). */
const findParametersFile = createParameterFileFinder();

const frontends = {
  arm: (file) => parseArmFile(file, { findParametersFile }),
  bicep: (file) => (/\.bicepparam$/i.test(file.path) ? parseBicepParamFile(file) : parseBicepFile(file, { findParametersFile })),
  /** By extension, as the CLI picks: `.bicep` and `.bicepparam` are Bicep, anything else JSON. */
  template: (file) => parseSource(file, { findParametersFile }),
} satisfies Record<string, Frontend>;

const BINARY = 'The file is binary (it contains NUL bytes), not a template.';

interface Parsed {
  /** The text without BOM, as ESLint gives it to rules and fixes. */
  readonly text: string;
  readonly parsed: ParseResult;
  readonly comments: readonly CommentNode[];
}

/** What `parse` found, handed to `createSourceCode` (ESLint passes only the AST between them). */
const parsedByAst = new WeakMap<DocumentNode, Parsed>();

function location(file: SourceFile, range: TextRange) {
  const start = positionAt(file, range.start);
  const end = positionAt(file, range.end);
  return { start: { line: start.line, column: start.column - 1 }, end: { line: end.line, column: end.column - 1 } };
}

function commentsOf(parsed: ParseResult): CommentNode[] {
  if (parsed.kind !== 'template') return [];
  const { file, comments } = parsed.model;
  return comments.map((c) => ({ type: 'Comment', value: c.body, range: [c.range.start, c.range.end], loc: location(file, c.range) }));
}

function textOf(file: File): string {
  const body = typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);
  // ESLint strips the BOM and reapplies it when writing fixes; the SourceFile records it the same way.
  return file.bom ? `\uFEFF${body}` : body;
}

function createLanguage(frontend: Frontend): TemplateLanguage {
  return {
    fileType: 'text',
    lineStart: 1,
    columnStart: 0,
    nodeTypeKey: 'type',
    visitorKeys: { Document: [], Comment: [] },
    validateLanguageOptions() {
      // Nothing to validate: the language takes no options (ESLint's defaults for JavaScript may be present and are ignored).
    },
    parse(file): EslintParseResult<DocumentNode> {
      const source = createSourceFile(file.path, textOf(file));
      // As the CLI's reader refuses them (ESLint reads any file as UTF-8 text).
      if (source.text.includes('\0')) return { ok: false, errors: [{ message: BINARY, line: 1, column: 1 }] };
      const parsed = frontend(source);
      if (parsed.kind === 'fatal') {
        const { line, column } = positionAt(parsed.file, parsed.offset);
        return { ok: false, errors: [{ message: parsed.message, line, column }] };
      }
      const ast: DocumentNode = { type: 'Document', range: [0, source.text.length], loc: location(source, { start: 0, end: source.text.length }) };
      parsedByAst.set(ast, { text: source.text, parsed, comments: commentsOf(parsed) });
      return { ok: true, ast };
    },
    createSourceCode(file, input: OkParseResult<DocumentNode>) {
      const { ast } = input;
      const found = parsedByAst.get(ast);
      if (!found) throw new Error(`tl-lint: ${file.path} was not parsed by a tl-lint language`);
      return new TemplateSourceCode({ ast, ...found });
    },
  };
}

export const armLanguage = createLanguage(frontends.arm);
export const bicepLanguage = createLanguage(frontends.bicep);
export const templateLanguage = createLanguage(frontends.template);
