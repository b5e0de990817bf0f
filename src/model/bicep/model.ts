// A parsed Bicep file as the shared template model: resources (nested ones, `parent:` children,
// `existing`, `if`, `for`), and local modules as nested deployments whose parameters are bound
// from the module's `params` evaluated in the caller's scope.
// https://learn.microsoft.com/azure/azure-resource-manager/bicep/resource-declaration
import { known, unknown } from '../evaluated.js';
import { createEvaluator } from '../expr/index.js';
import type { SourceFile, TextRange } from '../source.js';
import type { DeploymentModel, Evaluator, ResourceLoop, ResourceModel, UnreadModule } from '../template.js';
import { getProperty, type ArrayNode, type ExpressionNode, type LiteralNode, type ObjectNode, type ValueNode } from '../value.js';
import { collectSymbols, deployableShape, objectProperties, resourceTypeText, type ModuleSymbol, type ResourceSymbol } from './declarations.js';
import { callExpr } from './exprs.js';
import { BicepLocator, BODY, CONDITION, VALUE, VERSION } from './locator.js';
import { Lowerer, noLocals, type Locals } from './lower.js';
import { readModule } from './modules.js';
import { parseBicepCached, type ParsedBicep } from './parse.js';
import { fileScope, type Binder } from './scope.js';
import { plainString } from './strings.js';
import { namedChildren, rangeOf, type SyntaxNode } from './syntax.js';
import { editable, expression, nodeSpan, spanOf, toObject, toValue, type PropertyHook, type ValueContext } from './values.js';

const DEPLOYMENTS = 'Microsoft.Resources/deployments';
const MAX_MODULE_DEPTH = 16;

export interface BuildState {
  /** Every resource of every deployment, in build order. */
  readonly all: ResourceModel[];
  /** Real paths of the module files being built below the linted file (cycles are not followed). */
  readonly moduleStack: string[];
  /** Modules are read only inside this folder's tree (looked up when a module is first met). */
  readonly root: () => string;
  /** The linted file's real path. */
  readonly self: () => string;
}

export interface BuiltDeployment {
  readonly deployment: DeploymentModel;
  /** The file's expressions, for the expression checks. */
  readonly context: ValueContext;
  readonly userFunctions: ReadonlySet<string>;
}

type Building = Omit<ResourceModel, 'parent' | 'children' | 'unreadModule'> & {
  parent: ResourceModel | undefined;
  children: ResourceModel[];
  unreadModule?: UnreadModule;
};

interface FileBuild {
  readonly context: ValueContext;
  readonly lowerer: Lowerer;
  readonly deployment: DeploymentModel;
  readonly resources: ResourceModel[];
  readonly bySymbol: Map<ResourceSymbol, Building>;
  readonly state: BuildState;
}

/** A module's file read from its caller: shown at the module declaration in the caller's file. */
export interface Placement {
  readonly file: SourceFile;
  readonly range: TextRange;
}

export function buildDeployment(
  file: SourceFile,
  parsed: ParsedBicep,
  bind: Binder,
  parent: DeploymentModel | undefined,
  holder: ResourceModel | undefined,
  state: BuildState,
  placement?: Placement,
): BuiltDeployment {
  const { text } = file;
  const symbols = collectSymbols(text, parsed.tree.root, parsed.notes);
  const lowerer = new Lowerer(text, parsed.notes, symbols);
  const context: ValueContext = placement ? { file: placement.file, lowerer, expressions: [], placedAt: placement.range } : { file, lowerer, expressions: [] };
  const scope = fileScope(symbols, context, bind);
  const evaluator = createEvaluator(scope.decls);
  const resources: ResourceModel[] = [];
  const deployment: DeploymentModel = { node: scope.node, decls: scope.decls, evaluator, resources, parent, holder };
  const build: FileBuild = { context, lowerer, deployment, resources, bySymbol: new Map(), state };
  for (const statement of parsed.tree.root.children) {
    if (statement.type === 'resource_declaration') {
      const symbol = symbols.topLevelResources.find((s) => s.declaration === statement);
      if (symbol) buildResource(symbol, undefined, BicepLocator.declaration('resource', symbol.name), build);
    } else if (statement.type === 'module_declaration') {
      const name = namedChildren(statement)[0];
      const symbol = name && symbols.modules.get(text.slice(name.start, name.end));
      if (symbol?.declaration === statement) buildModule(symbol, build);
    }
  }
  linkDeclaredParents(build);
  for (const output of symbols.outputs) {
    const value = namedChildren(output).at(-1);
    const name = namedChildren(output)[0];
    if (value && name && value !== name) toValue(value, BicepLocator.declaration('output', text.slice(name.start, name.end)).child(VALUE), noLocals, context);
  }
  return { deployment, context, userFunctions: new Set(scope.decls.functions.keys()) };
}

function emptyBody(context: ValueContext, node: SyntaxNode): ObjectNode {
  return { kind: 'object', file: context.file, range: nodeSpan(context, node), locator: undefined, properties: [] };
}

function symbolLiteral(context: ValueContext, node: SyntaxNode, locator: BicepLocator): LiteralNode {
  const value = context.lowerer.text.slice(node.start, node.end).split('::').at(-1) ?? '';
  return { kind: 'literal', file: context.file, range: nodeSpan(context, node), locator: editable(context, locator), value };
}

/**
 * `parent: vmss` and `dependsOn: [vmss]` name resources by symbol: they read as the symbolic name
 * (as languageVersion 2.0 JSON writes them), which is how resources are tied to each other.
 */
function symbolReferences(build: FileBuild, locals: Locals): PropertyHook {
  const { lowerer, context } = build;
  return (key, value, locator) => {
    if (key === 'parent' && lowerer.symbolOf(value)) return symbolLiteral(context, value, locator);
    if (key !== 'dependsOn' || value.type !== 'array') return undefined;
    const items = value.children.filter((child) => child.named && child.type !== 'decorators');
    const array: ArrayNode = {
      kind: 'array',
      file: context.file,
      range: nodeSpan(context, value),
      locator: editable(context, locator),
      items: items.map((item, index) =>
        lowerer.symbolOf(item) ? symbolLiteral(context, item, locator.child(index)) : toValue(item, locator.child(index), locals, context),
      ),
    };
    return array;
  };
}

function loopOf(symbol: ResourceSymbol | ModuleSymbol, build: FileBuild): ResourceLoop | undefined {
  const { lowerer, context } = build;
  const { loop } = deployableShape(lowerer.text, symbol.declaration);
  if (loop === undefined) return undefined;
  const outer = symbol.kind === 'resource' && symbol.nestedIn ? lowerer.localsFor(symbol.nestedIn) : noLocals;
  const iterable = expression(loop.iterable, undefined, outer, context);
  const count: ExpressionNode = { ...iterable, expr: iterable.expr && callExpr('length', [iterable.expr], iterable.range) };
  return { name: symbol.name, count };
}

function buildResource(symbol: ResourceSymbol, nestedIn: Building | undefined, locator: BicepLocator, build: FileBuild): Building {
  const { lowerer, context, deployment, state } = build;
  const { text, notes } = lowerer;
  const shape = deployableShape(text, symbol.declaration);
  const locals = lowerer.localsFor(symbol);
  const bodyLocator = locator.child(BODY);
  const body = shape.body ? toObject(shape.body, bodyLocator, locals, context, symbolReferences(build, locals)) : emptyBody(context, symbol.declaration);
  const typeText = resourceTypeText(text, shape.target, notes);
  const version = typeText?.version;
  const apiVersion: ValueNode | undefined =
    typeText !== undefined && version !== undefined
      ? {
          kind: 'literal',
          file: context.file,
          range: spanOf(context, { start: typeText.versionStart, end: typeText.versionStart + version.length }),
          locator: editable(context, locator.child(VERSION)),
          value: version,
        }
      : nestedIn?.apiVersion;
  const dependsOn = getProperty(body, 'dependsOn')?.value;
  const metadata = getProperty(body, 'metadata')?.value;
  const resource: Building = {
    node: body,
    type: lowerer.resourceType(symbol) ?? '',
    typeRange: nodeSpan(context, shape.target ?? symbol.declaration),
    apiVersion,
    name: getProperty(body, 'name')?.value,
    symbolicName: symbol.name,
    condition: shape.condition && toValue(shape.condition, locator.child(CONDITION), locals, context),
    dependsOn: dependsOn?.kind === 'array' ? dependsOn : undefined,
    loop: loopOf(symbol, build),
    existing: shape.existing,
    parent: nestedIn,
    children: [],
    deployment,
    metadata: metadata?.kind === 'object' ? metadata : undefined,
  };
  build.resources.push(resource);
  state.all.push(resource);
  build.bySymbol.set(symbol, resource);
  for (const nested of shape.body ? objectProperties(text, shape.body, notes).resources : []) {
    const name = namedChildren(nested)[0];
    const child = name && symbol.nested.get(text.slice(name.start, name.end));
    if (child?.declaration === nested) {
      resource.children.push(buildResource(child, resource, bodyLocator.child({ special: 'nested', name: child.name }), build));
    }
  }
  return resource;
}

/** Children declared apart with `parent: vmss` belong to it as nested ones do. */
function linkDeclaredParents(build: FileBuild): void {
  for (const [symbol, resource] of build.bySymbol) {
    if (resource.parent !== undefined) continue;
    const declared = build.lowerer.declaredParent(symbol);
    const parent = declared && build.bySymbol.get(declared);
    if (parent === undefined || parent === resource || isAncestor(resource, parent)) continue;
    resource.parent = parent;
    parent.children.push(resource);
  }
}

function isAncestor(candidate: ResourceModel, of: ResourceModel): boolean {
  for (let at: ResourceModel | undefined = of.parent; at !== undefined; at = at.parent) if (at === candidate) return true;
  return false;
}

function buildModule(symbol: ModuleSymbol, build: FileBuild): void {
  const { lowerer, context, deployment, state } = build;
  const { text, notes } = lowerer;
  const shape = deployableShape(text, symbol.declaration);
  const locator = BicepLocator.declaration('module', symbol.name);
  const locals = lowerer.localsFor(symbol);
  const body = shape.body ? toObject(shape.body, locator.child(BODY), locals, context, symbolReferences(build, locals)) : emptyBody(context, symbol.declaration);
  const dependsOn = getProperty(body, 'dependsOn')?.value;
  const module: Building = {
    node: body,
    type: DEPLOYMENTS,
    typeRange: nodeSpan(context, shape.target ?? symbol.declaration),
    apiVersion: undefined,
    name: getProperty(body, 'name')?.value,
    symbolicName: symbol.name,
    condition: shape.condition && toValue(shape.condition, locator.child(CONDITION), locals, context),
    dependsOn: dependsOn?.kind === 'array' ? dependsOn : undefined,
    loop: loopOf(symbol, build),
    existing: false,
    parent: undefined,
    children: [],
    deployment,
    metadata: undefined,
  };
  build.resources.push(module);
  state.all.push(module);
  const path = plainString(text, shape.target, notes);
  // In a module's own file, findings are shown at the linted file's module declaration.
  const targetRange = context.placedAt ?? rangeOf(shape.target ?? symbol.declaration);
  if (path === undefined) {
    module.unreadModule = { path, range: targetRange, reason: 'not-literal' };
    return;
  }
  if (state.moduleStack.length >= MAX_MODULE_DEPTH) return;
  const target = readModule(context.file.path, path, state.root());
  if (target.kind === 'unknown') module.unreadModule = { path, range: targetRange, reason: target.reason };
  if (target.kind !== 'bicep' || target.realPath === state.self() || state.moduleStack.includes(target.realPath)) return;
  const parsed = parseBicepCached(target.file.text, false);
  if (parsed.kind !== 'parsed') return;
  state.moduleStack.push(target.realPath);
  try {
    // Shown at the module's path string: `module vm './vm.bicep' = …`.
    const placement = { file: context.file, range: targetRange };
    buildDeployment(target.file, parsed, moduleBinder(body, deployment.evaluator), deployment, module, state, placement);
  } finally {
    state.moduleStack.pop();
  }
}

/** A module's parameters: its `params` object, evaluated where the module is declared. */
function moduleBinder(body: ObjectNode, caller: Evaluator): Binder {
  const params = getProperty(body, 'params')?.value;
  if (params === undefined) return () => undefined;
  if (params.kind === 'object') {
    return (name) => {
      const value = getProperty(params, name)?.value;
      return value === undefined ? undefined : { kind: 'evaluated', value: caller.node(value) };
    };
  }
  const whole = caller.node(params);
  return (name) => {
    if (whole.kind !== 'known') return { kind: 'evaluated', value: unknown('environment', [name]) };
    const value = whole.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const key = Object.keys(value).findLast((candidate) => candidate.toLowerCase() === name.toLowerCase());
    const found = key === undefined ? undefined : value[key];
    return found === undefined ? undefined : { kind: 'evaluated', value: known(found) };
  };
}
