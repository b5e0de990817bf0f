import type { Evaluated } from '../model/evaluated.js';
import type { Applicability, FixIntent } from '../model/fix.js';
import type { SourceFile, TextRange } from '../model/source.js';
import type { ExpressionProblem, ResourceModel, TemplateModel } from '../model/template.js';
import type { ObjectNode, ValueNode } from '../model/value.js';

export type Level = 'error' | 'warn' | 'info';
export type Setting = Level | 'off';
export type Mode = 'upgrade' | 'new';

/** A JSON schema (draft 2020-12 subset) for a rule's options object. */
export interface OptionsSchema {
  readonly type: 'object';
  readonly properties: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly additionalProperties: false;
}

export interface RuleMeta<Options> {
  /** kebab-case, unique; also the docs page name. */
  readonly id: string;
  readonly level: Level;
  /** `upgrade` rules only make sense when an existing resource is changed; `--mode new` turns them off. */
  readonly mode: 'both' | 'upgrade';
  /** One sentence: what it flags. */
  readonly description: string;
  /** Message templates with `{{name}}` placeholders. */
  readonly messages: Readonly<Record<string, string>>;
  /** The most a fix of this rule may be: what `--fix` can do with it. */
  readonly fix: Applicability | 'none';
  readonly options: { readonly schema: OptionsSchema; readonly defaults: Options };
}

/** A property found by path, and what it evaluates to. */
export interface PropertyView {
  /**
   * The written value at the path. When an expression on the way resolves to a written object
   * (a variable, a parameter default), the path continues inside that object, so this is the
   * node that really decides the value. `value.origin` points further, at the deciding literal.
   */
  readonly node: ValueNode;
  readonly value: Evaluated;
  /** The object the property sits in, when it is written (for fixes that set siblings). */
  readonly holder: ObjectNode | undefined;
}

export interface ResourceView {
  readonly model: ResourceModel;
  readonly type: string;
  readonly typeRange: TextRange;
  readonly apiVersion: Evaluated;
  readonly name: Evaluated;
  readonly symbolicName: string | undefined;
  /** Known true when there is no condition. */
  readonly condition: Evaluated;
  readonly existing: boolean;
  readonly node: ObjectNode;
  /**
   * The property at a dotted path below the resource (`properties.virtualMachineProfile.sku`),
   * matched case-insensitively, looking through expressions that evaluate to objects.
   * Undefined when absent; `value.kind === 'unknown'` when an expression on the way is unknown.
   */
  get(path: string): PropertyView | undefined;
  /**
   * The deepest written object on `path`, and the segments still to create below it (for fixes
   * that set a value and create what is missing). Undefined when a segment before the last is
   * written as something other than an object (an expression, a literal).
   */
  deepestObject(path: string): { readonly object: ObjectNode; readonly rest: readonly string[] } | undefined;
  eval(node: ValueNode): Evaluated;
  readonly parent: ResourceView | undefined;
  readonly children: readonly ResourceView[];
  /** The template the resource is declared in. */
  readonly template: TemplateView;
  /** Top-level or nested resources tied to this one: children, and resources whose name starts
   * with this one's name or that `dependsOn` it. */
  related(type: string): readonly ResourceView[];
}

export interface TemplateView {
  readonly model: TemplateModel;
  readonly file: SourceFile;
  readonly resources: readonly ResourceView[];
  /** Resources of a type (case-insensitive), excluding `existing` ones. */
  ofType(...types: string[]): readonly ResourceView[];
  readonly expressionProblems: readonly ExpressionProblem[];
}

export interface RelatedLocation {
  readonly file: SourceFile;
  readonly range: TextRange;
  readonly message: string;
}

export interface FixSpec {
  readonly title: string;
  readonly applicability: Applicability;
  readonly intents: readonly FixIntent[];
}

export interface Report {
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly range: TextRange;
  /** The resource the finding belongs to (for metadata suppression and plan grouping). */
  readonly resource?: ResourceView;
  readonly related?: readonly RelatedLocation[];
  readonly fixes?: readonly FixSpec[];
  /** Lower the level for this finding (a finding that rests on uncertain data is at most a warning). */
  readonly level?: Level;
}

export interface RuleContext<Options> {
  readonly template: TemplateView;
  readonly options: Options;
  readonly mode: Mode;
  report(report: Report): void;
}

export interface Rule<Options = Record<string, never>> {
  readonly meta: RuleMeta<Options>;
  check(context: RuleContext<Options>): void;
}

export const noOptions: RuleMeta<Record<string, never>>['options'] = {
  schema: { type: 'object', properties: {}, additionalProperties: false },
  defaults: {},
};

/** Identity helper that keeps the options type of a rule. */
export function defineRule<Options>(rule: Rule<Options>): Rule<Options> {
  return rule;
}
