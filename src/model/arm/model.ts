import { checkExpression, createEvaluator } from '../expr/index.js';
import type { ScopeDecls } from '../scope.js';
import type { SourceFile, TextRange } from '../source.js';
import type {
  Comment,
  DeploymentModel,
  Evaluator,
  ExpressionProblem,
  FixRenderer,
  ResourceLoop,
  ResourceModel,
  TemplateModel,
} from '../template.js';
import type { ObjectNode, ValueNode } from '../value.js';
import { getProperty } from '../value.js';
import { literalString, templateDecls, type Binder } from './decls.js';
import { inlineDeployment, innerScopeBinder } from './deployments.js';
import type { ArmExpression } from './parsed-nodes.js';

export interface ModelInput {
  readonly file: SourceFile;
  readonly root: ObjectNode;
  readonly bindRoot: Binder;
  readonly expressions: readonly ArmExpression[];
  readonly comments: readonly Comment[];
  readonly parameterFiles: readonly SourceFile[];
  readonly renderer: FixRenderer;
}

interface Scope {
  readonly template: ObjectNode;
  readonly decls: ScopeDecls;
}

interface BuildState {
  readonly all: ResourceModel[];
  readonly scopes: Scope[];
}

export function buildTemplateModel(input: ModelInput): TemplateModel {
  const state: BuildState = { all: [], scopes: [] };
  const decls = templateDecls(input.root, input.bindRoot);
  const root = buildDeployment(input.root, decls, createEvaluator(decls), undefined, undefined, state);
  return {
    file: input.file,
    language: 'arm',
    root,
    resources: [...state.all].sort((a, b) => a.node.range.start - b.node.range.start),
    expressionProblems: expressionProblems(input, state.scopes),
    comments: input.comments,
    parameterFiles: input.parameterFiles,
    renderer: input.renderer,
  };
}

function buildDeployment(
  template: ObjectNode,
  decls: ScopeDecls,
  evaluator: Evaluator,
  parent: DeploymentModel | undefined,
  holder: ResourceModel | undefined,
  state: BuildState,
): DeploymentModel {
  const resources: ResourceModel[] = [];
  const deployment: DeploymentModel = { node: template, decls, evaluator, resources, parent, holder };
  state.scopes.push({ template, decls });
  const context = { deployment, decls, list: resources, state };
  collectResources(getProperty(template, 'resources')?.value, undefined, context);
  return deployment;
}

interface CollectContext {
  readonly deployment: DeploymentModel;
  readonly decls: ScopeDecls;
  /** The deployment's resources, nested children included. */
  readonly list: ResourceModel[];
  readonly state: BuildState;
}

/** Resources as an array, or (languageVersion 2.0) an object keyed by symbolic name. */
function collectResources(container: ValueNode | undefined, parent: ResourceModel | undefined, context: CollectContext): ResourceModel[] {
  const found: ResourceModel[] = [];
  if (container?.kind === 'array') {
    for (const item of container.items) {
      if (item.kind === 'object') found.push(buildResource(item, undefined, parent, context));
    }
  } else if (container?.kind === 'object') {
    for (const property of container.properties) {
      if (property.value.kind === 'object') found.push(buildResource(property.value, property.key, parent, context));
    }
  }
  return found;
}

function buildResource(
  node: ObjectNode,
  symbolicName: string | undefined,
  parent: ResourceModel | undefined,
  context: CollectContext,
): ResourceModel {
  const { deployment } = context;
  const fields = resourceFields(node);
  const typeNode = fields.get('type');
  const written = typeText(typeNode, deployment.evaluator);
  // A child written inside its parent's `resources` gives only its own segment (`extensions`).
  // https://learn.microsoft.com/azure/azure-resource-manager/templates/child-resource-name-type#within-parent-resource
  const type = parent !== undefined && written !== '' && !written.includes('/') ? `${parent.type}/${written}` : written;
  const children: ResourceModel[] = [];
  const dependsOn = fields.get('dependson');
  const metadata = fields.get('metadata');
  const resource: ResourceModel = {
    node,
    type,
    typeRange: typeNode?.range ?? node.range,
    apiVersion: fields.get('apiversion'),
    name: fields.get('name'),
    symbolicName,
    condition: fields.get('condition'),
    dependsOn: dependsOn?.kind === 'array' ? dependsOn : undefined,
    loop: resourceLoop(fields.get('copy')),
    existing: isExisting(fields.get('existing'), deployment.evaluator),
    parent,
    children,
    deployment,
    metadata: metadata?.kind === 'object' ? metadata : undefined,
  };
  context.list.push(resource);
  context.state.all.push(resource);
  children.push(...collectResources(fields.get('resources'), resource, context));
  const inline = inlineDeployment(node, type);
  if (inline !== undefined) {
    const inner = inline.scope === 'inner';
    const decls = inner
      ? templateDecls(inline.template, innerScopeBinder(node, deployment.evaluator))
      : templateDecls(inline.template, () => undefined, context.decls);
    const evaluator = inner ? createEvaluator(decls) : createEvaluator(decls, { parent: deployment.evaluator });
    buildDeployment(inline.template, decls, evaluator, deployment, resource, context.state);
  }
  return resource;
}

const resourceKeys = new Set(['type', 'apiversion', 'name', 'condition', 'dependson', 'copy', 'existing', 'metadata', 'resources']);

/** The resource's own fields by lower-cased key, in one pass (the last duplicate wins, as in ARM). */
function resourceFields(node: ObjectNode): Map<string, ValueNode> {
  const fields = new Map<string, ValueNode>();
  for (const property of node.properties) {
    const key = property.key.toLowerCase();
    if (resourceKeys.has(key)) fields.set(key, property.value);
  }
  return fields;
}

function typeText(node: ValueNode | undefined, evaluator: Evaluator): string {
  const literal = literalString(node);
  if (literal !== undefined || node?.kind !== 'expression') return literal ?? '';
  const value = evaluator.node(node);
  return value.kind === 'known' && typeof value.value === 'string' ? value.value : '';
}

function resourceLoop(copy: ValueNode | undefined): ResourceLoop | undefined {
  if (copy?.kind !== 'object') return undefined;
  return { name: literalString(getProperty(copy, 'name')?.value), count: getProperty(copy, 'count')?.value };
}

function isExisting(node: ValueNode | undefined, evaluator: Evaluator): boolean {
  if (node === undefined) return false;
  if (node.kind === 'literal') return node.value === true;
  const value = evaluator.node(node);
  return value.kind === 'known' && value.value === true;
}

/** Syntax problems, unknown functions and arities, checked against the user functions in scope. */
function expressionProblems(input: ModelInput, scopes: readonly Scope[]): ExpressionProblem[] {
  const checks = new Map(scopes.map((scope) => [scope, cleanSourceChecker(new Set(scope.decls.functions.keys()))]));
  const noScope = cleanSourceChecker(new Set());
  const problems: ExpressionProblem[] = [];
  const scopeOf = innermostScopes(scopes);
  for (const expression of input.expressions) {
    const scope = scopeOf(expression.range);
    problems.push(...((scope && checks.get(scope)) ?? noScope)(expression));
  }
  return problems.sort((a, b) => a.range.start - b.range.start);
}

/**
 * The problems of an expression in one scope, skipping a source already found clean there:
 * problems depend only on the expression and the scope's functions (their ranges on where it is
 * written, but a clean one has none), and templates repeat the same expressions (about half of
 * them). The tree is parsed for the check and not kept (see ArmExpression).
 */
function cleanSourceChecker(userFunctions: ReadonlySet<string>): (expression: ArmExpression) => readonly ExpressionProblem[] {
  const clean = new Set<string>();
  return (expression) => {
    const { source } = expression;
    if (clean.has(source) || cleanWithoutUserFunctions.has(source)) return [];
    const { expr, problem } = expression.parse();
    if (problem !== undefined) return [problem];
    const found = expr === undefined ? [] : checkExpression(expr, userFunctions);
    if (found.length > 0) return found;
    if (userFunctions.size === 0) rememberClean(source);
    else clean.add(source);
    return found;
  };
}

/**
 * Sources found clean with no user function in scope, across the files of a run: such a source
 * calls only built-in functions, so it is clean in any scope of any template. Templates share
 * most of their expressions (the corpus: 111,000 expressions, 61,000 distinct within their files,
 * 21,000 in all). Up to a budget of characters, then started again.
 */
const cleanWithoutUserFunctions = new Set<string>();
let rememberedCharacters = 0;
const REMEMBERED_CHARACTER_BUDGET = 4_000_000;

function rememberClean(source: string): void {
  if (rememberedCharacters + source.length > REMEMBERED_CHARACTER_BUDGET) {
    cleanWithoutUserFunctions.clear();
    rememberedCharacters = 0;
  }
  // A copy: a source sliced from its file's text would keep the whole text in memory.
  cleanWithoutUserFunctions.add(structuredClone(source));
  rememberedCharacters += source.length;
}

/**
 * The innermost template scope of each range, for ranges asked in document order: a sweep over the
 * scopes (properly nested, like the JSON they come from) with a stack of the open ones.
 */
function innermostScopes(scopes: readonly Scope[]): (range: TextRange) => Scope | undefined {
  const ordered = [...scopes].sort(
    (a, b) => a.template.range.start - b.template.range.start || b.template.range.end - a.template.range.end,
  );
  const open: Scope[] = [];
  let next = 0;
  return (range) => {
    for (let scope = ordered[next]; scope !== undefined && scope.template.range.start <= range.start; scope = ordered[next]) {
      open.push(scope);
      next++;
    }
    for (let top = open.at(-1); top !== undefined && top.template.range.end < range.end; top = open.at(-1)) open.pop();
    return open.at(-1);
  };
}
