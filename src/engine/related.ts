import type { Evaluated } from '../model/evaluated.js';
import type { CallExpr, ExprNode } from '../model/expr/ast.js';
import type { DeploymentModel } from '../model/template.js';
import { getProperty, type ValueNode } from '../model/value.js';
import type { ResourceView } from './rule.js';

// How ARM ties a separately declared child (e.g. a top-level `…/extensions` resource) to its
// parent: by a name of the form `parent/child`, or by `dependsOn` naming the parent.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/child-resource-name-type

const asString = (value: Evaluated): string | undefined =>
  value.kind === 'known' && typeof value.value === 'string' ? value.value : undefined;

function sameName(a: string | undefined, b: string | undefined): boolean {
  return a?.toLowerCase() === b?.toLowerCase() && a !== undefined;
}

function nameTiesTo(child: ResourceView, parent: ResourceView): boolean {
  const childName = asString(child.name);
  const parentName = asString(parent.name);
  if (childName !== undefined && parentName !== undefined) {
    const segments = childName.split('/');
    return segments.length > 1 && sameName(segments.slice(0, -1).join('/'), parentName);
  }
  // Unknown names: compare how they are written, e.g. `parameters('vmssName')` in both.
  const childSource = sourceOf(child.model.name);
  const parentSource = sourceOf(parent.model.name);
  return childSource !== undefined && parentSource !== undefined && childSource.includes(parentSource);
}

function sourceOf(node: ValueNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.kind === 'expression') return node.source.replace(/^\[|\]$/g, '').trim();
  return node.kind === 'literal' && typeof node.value === 'string' ? node.value : undefined;
}

/** The name a `resourceId(...)`-style dependsOn entry points at, when it names `type`. */
function dependencyName(expr: ExprNode, type: string, evaluate: (e: ExprNode) => Evaluated): string | undefined {
  if (expr.kind !== 'call' || !/^resourceid$/i.test(expr.name)) return undefined;
  const typeIndex = expr.args.findIndex((a) => a.kind === 'string' && a.value.toLowerCase() === type.toLowerCase());
  if (typeIndex < 0) return undefined;
  const names = expr.args.slice(typeIndex + 1).map((arg) => asString(evaluate(arg)));
  return names.every((n) => n !== undefined) ? names.join('/') : undefined;
}

function dependsOnTiesTo(child: ResourceView, parent: ResourceView): boolean {
  const items = child.model.dependsOn?.items ?? [];
  const parentName = asString(parent.name);
  const evaluator = child.model.deployment.evaluator;
  return items.some((item) => {
    if (item.kind === 'literal' && typeof item.value === 'string') {
      const text = item.value;
      return sameName(text, parent.symbolicName) || (parentName !== undefined && sameName(text, `${parent.type}/${parentName}`)) || sameName(text, parentName);
    }
    if (item.kind !== 'expression' || !item.expr) return false;
    const name = dependencyName(item.expr, parent.type, (e) => evaluator.expr(e));
    if (name !== undefined) return sameName(name, parentName);
    const parentSource = sourceOf(parent.model.name);
    return parentSource !== undefined && item.source.includes(parent.type) && item.source.includes(parentSource);
  });
}

/** True when `child` belongs to `parent`: nested in it, named under it, or depending on it. */
export function isTiedTo(child: ResourceView, parent: ResourceView): boolean {
  if (child.parent === parent) return true;
  if (child.parent !== undefined) return false;
  return nameTiesTo(child, parent) || dependsOnTiesTo(child, parent);
}

// ---- What a resource-id value points at --------------------------------------------------------

/** The resource a resource id names: its full type and, when every segment is known, its name. */
export interface ResourceReference {
  readonly type: string;
  /** `gallery/image/version` for nested types; undefined when a segment is not known. */
  readonly name: string | undefined;
}

/** Stands for a part of an id that cannot be evaluated (a subscription id, a parameter without a value). */
const HOLE = '\u0000';

/**
 * Reads `/subscriptions/…/providers/<namespace>/<type>/<name>[/<childType>/<childName>…]`; the last
 * `/providers/` wins, so extension resource ids name the extension.
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-resource#resourceid
 */
export function parseResourceId(id: string): ResourceReference | undefined {
  const at = id.toLowerCase().lastIndexOf('/providers/');
  if (at < 0) return undefined;
  const [namespace, ...rest] = id.slice(at + '/providers/'.length).split('/');
  const types = rest.filter((_, i) => i % 2 === 0);
  const names = rest.filter((_, i) => i % 2 === 1);
  if (!namespace || types.length === 0 || types.length !== names.length || [namespace, ...types].some((s) => s === '' || s.includes(HOLE))) return undefined;
  const name = names.some((n) => n === '' || n.includes(HOLE)) ? undefined : names.join('/');
  return { type: [namespace, ...types].join('/'), name };
}

const RESOURCE_ID_FUNCTIONS = new Set(['resourceid', 'subscriptionresourceid', 'tenantresourceid', 'managementgroupresourceid', 'extensionresourceid']);

type Evaluate = (expr: ExprNode) => Evaluated;

/** `resourceId([subscriptionId], [resourceGroup], type, name…)`: the type is the first known argument with a slash. */
function fromResourceIdCall(expr: CallExpr, evaluate: Evaluate): ResourceReference | undefined {
  // extensionResourceId(scopeId, type, name…): the scope is itself a resource id.
  const args = expr.name.toLowerCase() === 'extensionresourceid' ? expr.args.slice(1) : expr.args;
  const values = args.map((arg) => asString(evaluate(arg)));
  const typeIndex = values.findIndex((v) => v?.includes('/'));
  const type = values[typeIndex];
  if (type === undefined) return undefined;
  const names = values.slice(typeIndex + 1);
  return { type, name: names.every((n) => n !== undefined) ? names.join('/') : undefined };
}

/** The text of `concat()` / `format()` with unknown parts as holes, so a literal `/providers/…` part still shows. */
function partialText(expr: ExprNode, evaluate: Evaluate): string {
  const known = asString(evaluate(expr));
  if (known !== undefined) return known;
  if (expr.kind !== 'call') return HOLE;
  const name = expr.name.toLowerCase();
  if (name === 'concat') return expr.args.map((arg) => partialText(arg, evaluate)).join('');
  const [pattern, ...args] = expr.args;
  if (name !== 'format' || !pattern) return HOLE;
  const parts = args.map((arg) => partialText(arg, evaluate));
  // `[^{}]`, not `[^}]`: from every `{` of `{1:{1:{1:…` the latter scanned to the end (quadratic).
  return partialText(pattern, evaluate).replace(/\{(\d+)(:[^{}]*)?\}/g, (_, index: string) => parts[Number(index)] ?? HOLE);
}

/**
 * The written declaration that `variables('x')` / `parameters('x')` stands for (a variable's value, a
 * parameter's default), searched from the resource's deployment outwards (outer-scope nested templates).
 */
function declaration(expr: CallExpr, deployment: DeploymentModel | undefined, evaluate: Evaluate): ValueNode | undefined {
  const section = { variables: 'variables', parameters: 'parameters' }[expr.name.toLowerCase()];
  const [nameArg] = expr.args;
  const name = expr.args.length === 1 && nameArg ? asString(evaluate(nameArg)) : undefined;
  if (section === undefined || name === undefined) return undefined;
  for (let scope = deployment; scope; scope = scope.parent) {
    const declared = getProperty(scope.node, section)?.value;
    const entry = declared?.kind === 'object' ? getProperty(declared, name)?.value : undefined;
    if (entry === undefined) continue;
    if (section === 'variables') return entry;
    return entry.kind === 'object' ? getProperty(entry, 'defaultValue')?.value : undefined;
  }
  return undefined;
}

function fromExpression(expr: ExprNode, deployment: DeploymentModel, evaluate: Evaluate, depth = 0): ResourceReference | undefined {
  if (expr.kind !== 'call') return parseResourceId(partialText(expr, evaluate));
  if (RESOURCE_ID_FUNCTIONS.has(expr.name.toLowerCase())) return fromResourceIdCall(expr, evaluate);
  // A variable or parameter default that holds the resourceId() call; depth stops cycles.
  const declared = depth < 8 ? declaration(expr, deployment, evaluate) : undefined;
  if (declared?.kind === 'expression' && declared.expr) return fromExpression(declared.expr, deployment, evaluate, depth + 1);
  return parseResourceId(partialText(expr, evaluate));
}

/**
 * The resource that the resource-id value at `path` names (`imageReference.id` →
 * `Microsoft.Compute/images`), decided from its evaluated text or, when that is unknown (resourceId()
 * depends on the deployment's subscription), from the resourceId()-style call or concat()/format()
 * that builds it. Undefined when it cannot be told.
 */
export function referencedResource(resource: ResourceView, path: string): ResourceReference | undefined {
  const property = resource.get(path);
  // An unknown expression met on the way (`"imageReference": "[parameters('image')]"`) is not the id.
  if (!property || (property.value.kind === 'unknown' && property.holder === undefined)) return undefined;
  const text = asString(property.value);
  if (text !== undefined) return parseResourceId(text);
  const { node } = property;
  if (node.kind !== 'expression' || !node.expr) return undefined;
  const { deployment } = resource.model;
  return fromExpression(node.expr, deployment, (e) => deployment.evaluator.expr(e));
}
