import { createEvaluator } from '../expr/index.js';
import type { ScopeDecls } from '../scope.js';
import type { SourceFile } from '../source.js';
import type {
  Comment,
  DeploymentModel,
  Evaluator,
  FixRenderer,
  ResourceLoop,
  ResourceModel,
  TemplateModel,
} from '../template.js';
import type { ObjectNode, ValueNode } from '../value.js';
import { getProperty } from '../value.js';
import { literalString, templateDecls, type Binder } from './decls.js';
import { inlineDeployment, innerScopeBinder } from './deployments.js';
import { expressionProblems, type Scope } from './expression-problems.js';
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
    expressionProblems: expressionProblems(input.expressions, state.scopes),
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
