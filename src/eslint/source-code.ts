// ESLint's view of a template: the text, a one-node AST spanning it, the comments (for
// `eslint-disable` and `/* eslint … */` comments), and the front-end's parse result, which the
// generated rules read (they never walk syntax).
import type { DirectiveType, FileProblem, RulesConfig, SourceLocation } from '@eslint/core';
import { ConfigCommentParser, Directive, TextSourceCodeBase, VisitNodeStep } from '@eslint/plugin-kit';
import type { ParseResult } from '../model/template.js';

export interface DocumentNode {
  readonly type: 'Document';
  readonly range: [number, number];
  readonly loc: SourceLocation;
}

export interface CommentNode {
  readonly type: 'Comment';
  /** The comment's text without `//` or `/* *\/`. */
  readonly value: string;
  readonly range: [number, number];
  readonly loc: SourceLocation;
}

export type TemplateNode = DocumentNode | CommentNode;

/** No language options: the front-end decides everything from the text and the file name. */
export type TemplateLanguageOptions = Record<string, unknown>;

const commentParser = new ConfigCommentParser();

const INLINE_CONFIG = /^\s*eslint(?:-enable|-disable(?:(?:-next)?-line)?)?(?:\s|$)/u;

/** The same line breaks as the engine's positions (`\r\n`, `\n`, lone `\r`), so columns agree. */
export const LINE_ENDING = /\r\n|[\r\n]/u;

interface InlineConfig {
  readonly config: { readonly rules: RulesConfig };
  readonly loc: SourceLocation;
}

export class TemplateSourceCode extends TextSourceCodeBase<{
  LangOptions: TemplateLanguageOptions;
  RootNode: DocumentNode;
  SyntaxElementWithLoc: TemplateNode;
  ConfigNode: CommentNode;
}> {
  readonly parsed: ParseResult;
  readonly comments: readonly CommentNode[];
  #inlineConfigNodes: CommentNode[] | undefined;

  constructor(options: { readonly text: string; readonly ast: DocumentNode; readonly parsed: ParseResult; readonly comments: readonly CommentNode[] }) {
    super({ text: options.text, ast: options.ast, lineEndingPattern: LINE_ENDING });
    this.parsed = options.parsed;
    this.comments = options.comments;
  }

  getInlineConfigNodes(): CommentNode[] {
    this.#inlineConfigNodes ??= this.comments.filter((comment) => INLINE_CONFIG.test(comment.value));
    return this.#inlineConfigNodes;
  }

  getDisableDirectives(): { directives: Directive[]; problems: FileProblem[] } {
    const directives: Directive[] = [];
    const problems: FileProblem[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(comment.value);
      if (!parsed) continue;
      const { label, value, justification } = parsed;
      if (label === 'eslint-disable-line' && comment.loc.start.line !== comment.loc.end.line) {
        problems.push({ ruleId: null, message: `${label} comment should not span multiple lines.`, loc: comment.loc });
        continue;
      }
      const type = directiveType(label);
      if (type) directives.push(new Directive({ type, node: comment, value, justification }));
    }
    return { directives, problems };
  }

  applyInlineConfig(): { configs: InlineConfig[]; problems: FileProblem[] } {
    const configs: InlineConfig[] = [];
    const problems: FileProblem[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(comment.value);
      if (parsed?.label !== 'eslint') continue;
      const result = commentParser.parseJSONLikeConfig(parsed.value);
      if (result.ok) configs.push({ config: { rules: result.config }, loc: comment.loc });
      else problems.push({ ruleId: null, message: result.error.message, loc: comment.loc });
    }
    return { configs, problems };
  }

  override getParent(node: TemplateNode): TemplateNode | undefined {
    return node.type === 'Document' ? undefined : this.ast;
  }

  override traverse(): Iterable<VisitNodeStep> {
    return [new VisitNodeStep({ target: this.ast, phase: 1, args: [this.ast] }), new VisitNodeStep({ target: this.ast, phase: 2, args: [this.ast] })];
  }
}

function directiveType(label: string): DirectiveType | undefined {
  switch (label) {
    case 'eslint-disable':
      return 'disable';
    case 'eslint-enable':
      return 'enable';
    case 'eslint-disable-line':
      return 'disable-line';
    case 'eslint-disable-next-line':
      return 'disable-next-line';
    default:
      return undefined;
  }
}
