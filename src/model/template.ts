import type { Evaluated } from './evaluated.js';
import type { ExprNode } from './expr/ast.js';
import type { FixIntent, TextEdit } from './fix.js';
import type { ScopeDecls } from './scope.js';
import type { SourceFile, TextRange } from './source.js';
import type { ArrayNode, ObjectNode, ValueNode } from './value.js';

/** Evaluation in one template scope (the root template, or a nested inline template). */
export interface Evaluator {
  /** Evaluates an expression tree. */
  expr(expr: ExprNode, locals?: ReadonlyMap<string, Evaluated>): Evaluated;
  /** Evaluates a written value: literals, expressions, and objects/arrays made of them. */
  node(node: ValueNode): Evaluated;
  parameter(name: string): Evaluated;
  variable(name: string): Evaluated;
}

/** A resource loop: ARM `copy` or Bicep `for`. */
export interface ResourceLoop {
  readonly name: string | undefined;
  /** ARM: the `count` value; Bicep: the iterated expression's length, when known. */
  readonly count: ValueNode | undefined;
}

export interface ResourceModel {
  readonly node: ObjectNode;
  /** Full type: nested child resources are prefixed with their parent's type. */
  readonly type: string;
  readonly typeRange: TextRange;
  readonly apiVersion: ValueNode | undefined;
  readonly name: ValueNode | undefined;
  /** languageVersion 2.0 and Bicep symbolic name. */
  readonly symbolicName: string | undefined;
  readonly condition: ValueNode | undefined;
  readonly dependsOn: ArrayNode | undefined;
  readonly loop: ResourceLoop | undefined;
  readonly existing: boolean;
  /** The enclosing resource when written nested in it (ARM `resources`, Bicep nested or `parent:`). */
  readonly parent: ResourceModel | undefined;
  readonly children: readonly ResourceModel[];
  readonly deployment: DeploymentModel;
  /** The resource's `metadata` object (suppression: `tl-lint-disable`). */
  readonly metadata: ObjectNode | undefined;
  /** A Bicep module whose file was not analysed, and why (ARM linked templates are in `properties.templateLink`). */
  readonly unreadModule?: UnreadModule;
}

export type UnreadModuleReason = 'registry' | 'template-spec' | 'json' | 'outside-root' | 'not-found' | 'too-large' | 'not-literal';

export interface UnreadModule {
  /** The path as written, when it is a plain string. */
  readonly path: string | undefined;
  readonly range: TextRange;
  readonly reason: UnreadModuleReason;
}

export interface DeploymentModel {
  /** The template object (ARM) or file (Bicep) that declares these resources. */
  readonly node: ObjectNode;
  /** The parameters, variables and functions it declares, in either language's syntax. */
  readonly decls: ScopeDecls;
  readonly evaluator: Evaluator;
  readonly resources: readonly ResourceModel[];
  /** Undefined for the root template. */
  readonly parent: DeploymentModel | undefined;
  /** The `Microsoft.Resources/deployments` resource (or Bicep module) that holds it. */
  readonly holder: ResourceModel | undefined;
}

export interface ExpressionProblem {
  readonly range: TextRange;
  readonly kind: 'syntax' | 'unknown-function' | 'arity';
  /** The message id of `invalid-template-expression` and its data. */
  readonly messageId: string;
  readonly data: Readonly<Record<string, string>>;
}

export interface Comment {
  readonly range: TextRange;
  /** The comment's text without the `//` or `/* *\/` markers. */
  readonly body: string;
  readonly block: boolean;
}

/** Turns fix intents into text edits in the front-end's own syntax. */
export interface FixRenderer {
  /** One fix's intents, rendered together as non-overlapping edits; undefined when it cannot. */
  render(intents: readonly FixIntent[]): readonly TextEdit[] | undefined;
  /** The text of a suppression comment on its own line before `offset`, indented like that line. */
  suppressionComment?(offset: number, ruleIds: readonly string[]): TextEdit | undefined;
}

export interface TemplateModel {
  readonly file: SourceFile;
  readonly language: 'arm' | 'bicep';
  readonly root: DeploymentModel;
  /** Every resource, nested children and nested deployments included, in source order. */
  readonly resources: readonly ResourceModel[];
  readonly expressionProblems: readonly ExpressionProblem[];
  readonly comments: readonly Comment[];
  /** Parameter files whose values were bound. */
  readonly parameterFiles: readonly SourceFile[];
  readonly renderer: FixRenderer;
}

/** What a front-end says about a file. */
export type ParseResult =
  | { readonly kind: 'template'; readonly model: TemplateModel }
  | { readonly kind: 'parameters'; readonly file: SourceFile }
  | { readonly kind: 'not-a-template'; readonly file: SourceFile }
  | { readonly kind: 'fatal'; readonly file: SourceFile; readonly offset: number; readonly message: string };
