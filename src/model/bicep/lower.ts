// Bicep expressions lowered to the shared expression tree, as the Bicep compiler writes them in
// ARM JSON: `a == b` → equals(a, b), `c ? a : b` → if(c, a, b), `p` → parameters('p'),
// `'${a}b'` → format('{0}b', a), `vmss.id` → resourceId(…), `x.?y` → tryGet(x, 'y').
// https://learn.microsoft.com/azure/azure-resource-manager/bicep/operators
import type { ExprNode } from '../expr/ast.js';
import type { TextRange } from '../source.js';
import {
  deployableShape,
  objectProperties,
  resourceTypeText,
  type ModuleSymbol,
  type ResourceSymbol,
  type Symbols,
} from './declarations.js';
import {
  callExpr,
  copyIndex,
  lambdaVariable,
  numberExpr,
  opaque,
  parametersRef,
  stringExpr,
  USER_FUNCTION_NAMESPACE,
  variablesRef,
} from './exprs.js';
import type { ShimNotes } from './shim.js';
import { plainString, stringParts } from './strings.js';
import { firstNamed, hasToken, namedChildren, rangeOf, type SyntaxNode } from './syntax.js';

/** What an identifier stands for inside a loop, a lambda or a function body. */
export type Locals = ReadonlyMap<string, (range: TextRange) => ExprNode>;
export const noLocals: Locals = new Map();

export function withLocals(outer: Locals, added: readonly (readonly [string | undefined, (range: TextRange) => ExprNode])[]): Locals {
  const locals = new Map(outer);
  for (const [name, value] of added) if (name !== undefined) locals.set(name, value);
  return locals;
}

const BINARY: Readonly<Record<string, string>> = {
  '==': 'equals',
  '<': 'less',
  '<=': 'lessOrEquals',
  '>': 'greater',
  '>=': 'greaterOrEquals',
  '+': 'add',
  '-': 'sub',
  '*': 'mul',
  '/': 'div',
  '%': 'mod',
  '&&': 'and',
  '||': 'or',
  '??': 'coalesce',
};

/** Bicep functions evaluated by the compiler (file loads) or outside ARM: their value is unknown here. */
const COMPILE_TIME_FUNCTIONS = new Set([
  'loadtextcontent',
  'loadjsoncontent',
  'loadyamlcontent',
  'loadfileasbase64',
  'loaddirectoryfileinfo',
  'readenvironmentvariable',
  'externalinput',
  'getsecret',
]);

/** Scope functions with arguments name a deployment scope (`scope: resourceGroup('rg')`), not an ARM call. */
const SCOPE_FUNCTIONS: Readonly<Record<string, number>> = { resourcegroup: 0, subscription: 0, managementgroup: 1, tenant: 0 };

const RESOURCE_DEPLOYMENTS = 'Microsoft.Resources/deployments';

function replaced(children: readonly SyntaxNode[], index: number, child: SyntaxNode): SyntaxNode[] {
  return children.map((existing, i) => (i === index ? child : existing));
}

/**
 * tree-sitter-bicep binds `!` and `-` tighter than `.` and `[…]` (`!a.b` reads as `(!a).b`);
 * Bicep applies them to the whole access. The access is moved inside the operator.
 */
function hoistUnary(node: SyntaxNode): SyntaxNode {
  if (node.type !== 'member_expression' && node.type !== 'subscript_expression') return node;
  const objectIndex = node.children.findIndex((child) => child.named);
  const object = node.children[objectIndex];
  if (object === undefined) return node;
  const inner = hoistUnary(object);
  if (inner.type !== 'unary_expression') return inner === object ? node : { ...node, children: replaced(node.children, objectIndex, inner) };
  const argumentIndex = inner.children.findIndex((child) => child.named);
  const argument = inner.children[argumentIndex];
  if (argument === undefined) return node;
  const access = hoistUnary({ ...node, start: argument.start, children: replaced(node.children, objectIndex, argument) });
  return { ...inner, end: node.end, children: replaced(inner.children, argumentIndex, access) };
}

export class Lowerer {
  private readonly nameExprs = new Map<ResourceSymbol | ModuleSymbol, ExprNode | 'pending'>();
  private readonly localsOf = new Map<ResourceSymbol | ModuleSymbol, Locals>();

  constructor(
    readonly text: string,
    readonly notes: ShimNotes,
    readonly symbols: Symbols,
  ) {}

  lower(written: SyntaxNode, locals: Locals): ExprNode {
    const node = hoistUnary(written);
    const range = rangeOf(node);
    switch (node.type) {
      case 'number':
        return numberExpr(Number(this.text.slice(node.start, node.end)), range);
      case 'boolean':
        return callExpr(this.text.slice(node.start, node.end) === 'true' ? 'true' : 'false', [], range);
      case 'null':
        return callExpr('null', [], range);
      case 'string':
        return this.string(node, locals);
      case 'identifier':
        return this.identifier(this.text.slice(node.start, node.end), range, locals);
      case 'parenthesized_expression': {
        const inner = namedChildren(node);
        const [only] = inner;
        return inner.length === 1 && only !== undefined ? this.lower(only, locals) : opaque('tuple', range);
      }
      case 'unary_expression':
        return this.unary(node, locals);
      case 'binary_expression':
        return this.binary(node, locals);
      case 'ternary_expression': {
        const [condition, whenTrue, whenFalse] = namedChildren(node).map((child) => this.lower(child, locals));
        if (condition === undefined || whenTrue === undefined || whenFalse === undefined) return opaque('ternary', range);
        return callExpr('if', [condition, whenTrue, whenFalse], range);
      }
      case 'member_expression':
        return this.member(node, locals);
      case 'subscript_expression':
        return this.subscript(node, locals);
      case 'call_expression':
        return this.call(node, locals);
      case 'resource_expression': {
        const symbol = this.nestedSymbol(node);
        return symbol ? this.symbolValue(symbol, range) : opaque('resource', range);
      }
      case 'object':
        return this.object(node, locals);
      case 'array':
        return this.array(node, locals);
      case 'for_statement':
        return this.forExpression(node, locals);
      case 'lambda_expression':
        return this.lambda(node, locals);
      default:
        return opaque(node.type, range);
    }
  }

  // ---- Literals ------------------------------------------------------------------------------

  private string(node: SyntaxNode, locals: Locals): ExprNode {
    const range = rangeOf(node);
    const parts = stringParts(this.text, node, this.notes);
    if (parts.opaque) return opaque('interpolation', range);
    const [only] = parts.literals;
    if (parts.holes.length === 0) return stringExpr(only ?? '', range);
    // Bicep writes interpolations as format(): literal braces are doubled in its pattern.
    const pattern = parts.literals
      .map((literal, i) => literal.replace(/[{}]/g, (brace) => brace + brace) + (i < parts.holes.length ? `{${String(i)}}` : ''))
      .join('');
    return callExpr('format', [stringExpr(pattern, range), ...parts.holes.map((hole) => this.lower(hole, locals))], range);
  }

  private object(node: SyntaxNode, locals: Locals): ExprNode {
    const range = rangeOf(node);
    const { properties, spreads } = objectProperties(this.text, node, this.notes);
    if (spreads.length === 0) {
      const args = properties.flatMap((property) => [stringExpr(property.key, rangeOf(property.keyNode)), this.lower(property.value, locals)]);
      return callExpr('createObject', args, range);
    }
    // `{ ...a, b: 1 }`: the spread objects and the written properties merged, later ones winning.
    const parts = this.inOrder(node, locals, (child) => (child.type === 'object_property' && this.isSpread(child) ? namedChildren(child)[1] : undefined), (written) =>
      callExpr('createObject', written.flatMap((child) => this.propertyArgs(child, locals)), range),
    );
    return callExpr('shallowMerge', [callExpr('createArray', parts, range)], range);
  }

  private isSpread(property: SyntaxNode): boolean {
    const key = namedChildren(property)[0];
    return key !== undefined && this.notes.spreads.has(key.start);
  }

  private propertyArgs(property: SyntaxNode, locals: Locals): ExprNode[] {
    const [keyNode, value] = namedChildren(property);
    if (keyNode === undefined || value === undefined || keyNode.type === 'resource_declaration') return [];
    const key = keyNode.type === 'string' ? plainString(this.text, keyNode, this.notes) : this.text.slice(keyNode.start, keyNode.end).replace(/\?$/, '');
    return key === undefined ? [] : [stringExpr(key, rangeOf(keyNode)), this.lower(value, locals)];
  }

  private array(node: SyntaxNode, locals: Locals): ExprNode {
    const range = rangeOf(node);
    const items = node.children.filter((child) => child.named && child.type !== 'decorators');
    if (!items.some((item) => this.notes.spreads.has(item.start - 3))) return callExpr('createArray', items.map((item) => this.lower(item, locals)), range);
    const parts = this.inOrder(node, locals, (child) => (child.named && this.notes.spreads.has(child.start - 3) ? child : undefined), (written) =>
      callExpr('createArray', written.map((item) => this.lower(item, locals)), range),
    );
    return callExpr('concat', parts, range);
  }

  /** The children of an object or array as alternating runs of written members and spread values. */
  private inOrder(
    node: SyntaxNode,
    locals: Locals,
    spreadOf: (child: SyntaxNode) => SyntaxNode | undefined,
    run: (written: SyntaxNode[]) => ExprNode,
  ): ExprNode[] {
    const parts: ExprNode[] = [];
    let written: SyntaxNode[] = [];
    for (const child of node.children) {
      if (!child.named || child.type === 'decorators') continue;
      const spread = spreadOf(child);
      if (spread === undefined) {
        written.push(child);
        continue;
      }
      if (written.length > 0) parts.push(run(written));
      written = [];
      parts.push(this.lower(spread, locals));
    }
    if (written.length > 0) parts.push(run(written));
    return parts;
  }

  // ---- Operators -----------------------------------------------------------------------------

  private unary(node: SyntaxNode, locals: Locals): ExprNode {
    const range = rangeOf(node);
    const operand = namedChildren(node)[0];
    if (operand === undefined) return opaque('unary', range);
    const argument = this.lower(operand, locals);
    if (hasToken(node, '!')) return callExpr('not', [argument], range);
    if (argument.kind === 'number') return numberExpr(-argument.value, range);
    return callExpr('sub', [numberExpr(0, range), argument], range);
  }

  private binary(node: SyntaxNode, locals: Locals): ExprNode {
    const range = rangeOf(node);
    const [leftNode, rightNode] = namedChildren(node);
    const operator = node.children.find((child) => !child.named)?.type ?? '';
    if (leftNode === undefined || rightNode === undefined) return opaque('binary', range);
    const left = this.lower(leftNode, locals);
    const right = this.lower(rightNode, locals);
    const lower = (e: ExprNode): ExprNode => callExpr('toLower', [e], e.range);
    switch (operator) {
      case '!=':
        return callExpr('not', [callExpr('equals', [left, right], range)], range);
      case '=~':
        return callExpr('equals', [lower(left), lower(right)], range);
      case '!~':
        return callExpr('not', [callExpr('equals', [lower(left), lower(right)], range)], range);
      default: {
        const name = BINARY[operator];
        return name === undefined ? opaque('operator', range, [left, right]) : callExpr(name, [left, right], range);
      }
    }
  }

  // ---- Names ---------------------------------------------------------------------------------

  private identifier(name: string, range: TextRange, locals: Locals): ExprNode {
    const local = locals.get(name);
    if (local) return local(range);
    const { symbols } = this;
    if (symbols.params.has(name)) return parametersRef(name, range);
    if (symbols.vars.has(name)) return variablesRef(name, range);
    const resource = symbols.resources.get(name);
    if (resource) return this.symbolValue(resource, range);
    const module = symbols.modules.get(name);
    if (module) return this.symbolValue(module, range);
    return opaque(name, range);
  }

  /** A resource or module used as a value: what `reference()` gives at deployment time. */
  private symbolValue(symbol: ResourceSymbol | ModuleSymbol, range: TextRange): ExprNode {
    return callExpr('reference', [stringExpr(symbol.name, range)], range);
  }

  private nestedSymbol(node: SyntaxNode): ResourceSymbol | undefined {
    const [object, resource] = namedChildren(node);
    if (object === undefined || resource === undefined) return undefined;
    const parent = object.type === 'resource_expression' ? this.nestedSymbol(object) : this.symbols.resources.get(this.text.slice(object.start, object.end));
    return parent?.nested.get(this.text.slice(resource.start, resource.end));
  }

  /** The resource or module symbol a node names (`vmss`, `vnet::subnet`), if any. */
  symbolOf(node: SyntaxNode): ResourceSymbol | ModuleSymbol | undefined {
    if (node.type === 'resource_expression') return this.nestedSymbol(node);
    if (node.type !== 'identifier') return undefined;
    const name = this.text.slice(node.start, node.end);
    return this.symbols.resources.get(name) ?? this.symbols.modules.get(name);
  }

  private member(node: SyntaxNode, locals: Locals): ExprNode {
    const range = rangeOf(node);
    const [objectNode, propertyNode] = namedChildren(node);
    if (objectNode === undefined || propertyNode === undefined) return opaque('member', range);
    const property = this.text.slice(propertyNode.start, propertyNode.end);
    const symbol = locals.has(this.text.slice(objectNode.start, objectNode.end)) ? undefined : this.symbolOf(objectNode);
    if (symbol !== undefined) {
      const known = this.symbolMember(symbol, property, range);
      if (known !== undefined) return known;
    }
    const object = this.lower(objectNode, locals);
    if (hasToken(node, '.?')) return callExpr('tryGet', [object, stringExpr(property, rangeOf(propertyNode))], range);
    return { kind: 'property', object, name: property, range };
  }

  /** `vmss.name`, `vmss.id`, `vmss.type`, `vmss.apiVersion` are known when written; the rest is the deployed resource's. */
  private symbolMember(symbol: ResourceSymbol | ModuleSymbol, property: string, range: TextRange): ExprNode | undefined {
    if (property === 'name') return this.nameExpr(symbol) ?? opaque('name', range);
    if (symbol.kind === 'module') return undefined;
    if (property === 'id') return this.resourceIdExpr(symbol, range);
    if (property === 'type') {
      const type = this.resourceType(symbol);
      return type === undefined ? undefined : stringExpr(type, range);
    }
    if (property === 'apiVersion') {
      const version = this.apiVersion(symbol);
      return version === undefined ? undefined : stringExpr(version, range);
    }
    return undefined;
  }

  private subscript(node: SyntaxNode, locals: Locals): ExprNode {
    const range = rangeOf(node);
    const [objectNode, indexNode] = namedChildren(node);
    if (objectNode === undefined || indexNode === undefined) return opaque('index', range);
    const object = this.lower(objectNode, locals);
    const index = this.lower(indexNode, locals);
    const safe = hasToken(node, '?');
    const between = { start: objectNode.end, end: indexNode.start };
    const fromEnd = [...this.notes.fromEnd].some((offset) => offset >= between.start && offset < between.end);
    if (fromEnd) return callExpr(safe ? 'tryIndexFromEnd' : 'indexFromEnd', [object, index], range);
    if (safe) return callExpr('tryGet', [object, index], range);
    return { kind: 'index', object, index, range };
  }

  private call(node: SyntaxNode, locals: Locals): ExprNode {
    const range = rangeOf(node);
    const callee = namedChildren(node)[0];
    const argumentsNode = firstNamed(node, 'arguments');
    const argNodes = argumentsNode ? namedChildren(argumentsNode) : [];
    if (callee === undefined) return opaque('call', range);
    const args = (): ExprNode[] => argNodes.map((arg) => this.lower(arg, locals));
    if (callee.type === 'identifier') return this.functionCall(this.text.slice(callee.start, callee.end), rangeOf(callee), argNodes, args, range, locals);
    if (callee.type === 'member_expression') {
      const [target, methodNode] = namedChildren(callee);
      if (target === undefined || methodNode === undefined) return opaque('call', range);
      const method = this.text.slice(methodNode.start, methodNode.end);
      const targetName = this.text.slice(target.start, target.end);
      if (target.type === 'identifier' && (targetName === 'az' || targetName === 'sys')) {
        return this.functionCall(method, rangeOf(methodNode), argNodes, args, range, locals, true);
      }
      const symbol = this.symbolOf(target);
      if (symbol?.kind === 'resource' && /^list/i.test(method)) {
        // `stg.listKeys()` reads with the resource's own apiVersion; arguments, when given, start with one.
        const id = this.resourceIdExpr(symbol, rangeOf(target));
        const given = args();
        const version = given.length > 0 ? given : [stringExpr(this.apiVersion(symbol) ?? '', rangeOf(target))];
        return callExpr(method, [id, ...version], range, rangeOf(methodNode));
      }
      return opaque(method, range, args());
    }
    return opaque('call', range, args());
  }

  private functionCall(
    name: string,
    nameRange: TextRange,
    argNodes: readonly SyntaxNode[],
    args: () => ExprNode[],
    range: TextRange,
    locals: Locals,
    builtinOnly = false,
  ): ExprNode {
    const lower = name.toLowerCase();
    if (!builtinOnly && this.symbols.functions.has(name)) return callExpr(name, args(), range, nameRange, USER_FUNCTION_NAMESPACE);
    if (!builtinOnly && this.symbols.imported.has(name)) return opaque(name, range, args());
    const [first] = argNodes;
    // `any(x)` only changes the type the compiler checks.
    if (lower === 'any' && argNodes.length === 1 && first !== undefined) return this.lower(first, locals);
    if (lower === 'nameof' && first !== undefined) return stringExpr(this.text.slice(first.start, first.end).split(/\.|::/).at(-1) ?? '', range);
    if (COMPILE_TIME_FUNCTIONS.has(lower)) return opaque(name, range, args());
    const scopeArity = SCOPE_FUNCTIONS[lower];
    if (scopeArity !== undefined && argNodes.length > scopeArity) return opaque(name, range, args());
    return callExpr(name, args(), range, nameRange);
  }

  // ---- Loops and lambdas ---------------------------------------------------------------------

  /** `[for x in xs: body]` inside an expression: map(xs, lambda('x', body)); `if (c)` filters first. */
  private forExpression(node: SyntaxNode, locals: Locals): ExprNode {
    const range = rangeOf(node);
    const [head, iterableNode, bodyNode] = namedChildren(node);
    if (head === undefined || iterableNode === undefined || bodyNode === undefined) return opaque('for', range);
    const names =
      head.type === 'for_loop_parameters'
        ? namedChildren(head).map((child) => this.text.slice(child.start, child.end))
        : [this.text.slice(head.start, head.end)];
    const inner = withLocals(
      locals,
      names.map((name) => [name, (r: TextRange) => lambdaVariable(name, r)] as const),
    );
    const lambdaOf = (body: ExprNode): ExprNode => callExpr('lambda', [...names.map((name) => stringExpr(name, rangeOf(head))), body], range);
    let iterable = this.lower(iterableNode, locals);
    let body = bodyNode;
    if (bodyNode.type === 'if_statement') {
      const condition = namedChildren(bodyNode)[0];
      const object = firstNamed(bodyNode, 'object');
      if (condition === undefined || object === undefined) return opaque('for', range);
      iterable = callExpr('filter', [iterable, lambdaOf(this.lower(condition, inner))], range);
      body = object;
    }
    return callExpr('map', [iterable, lambdaOf(this.lower(body, inner))], range);
  }

  private lambda(node: SyntaxNode, locals: Locals): ExprNode {
    const range = rangeOf(node);
    const [parameters, bodyNode] = namedChildren(node);
    if (parameters === undefined || bodyNode === undefined) return opaque('lambda', range);
    const names = (parameters.type === 'identifier' ? [parameters] : namedChildren(parameters)).map((p) => this.text.slice(p.start, p.end));
    const inner = withLocals(
      locals,
      names.map((name) => [name, (r: TextRange) => lambdaVariable(name, r)] as const),
    );
    return callExpr('lambda', [...names.map((name) => stringExpr(name, rangeOf(parameters))), this.lower(bodyNode, inner)], range);
  }

  // ---- Resources -----------------------------------------------------------------------------

  resourceType(symbol: ResourceSymbol): string | undefined {
    const { target } = deployableShape(this.text, symbol.declaration);
    const written = resourceTypeText(this.text, target, this.notes)?.type;
    if (written === undefined || symbol.nestedIn === undefined || written.includes('/')) return written;
    const parentType = this.resourceType(symbol.nestedIn);
    return parentType === undefined ? undefined : `${parentType}/${written}`;
  }

  /** A nested resource written without `@version` deploys with its parent's. */
  apiVersion(symbol: ResourceSymbol): string | undefined {
    const { target } = deployableShape(this.text, symbol.declaration);
    const version = resourceTypeText(this.text, target, this.notes)?.version;
    return version ?? (symbol.nestedIn && this.apiVersion(symbol.nestedIn));
  }

  /** The identifiers a resource's or module's body sees: its loop's item and index, and its parents'. */
  localsFor(symbol: ResourceSymbol | ModuleSymbol): Locals {
    const cached = this.localsOf.get(symbol);
    if (cached) return cached;
    const outer = symbol.kind === 'resource' && symbol.nestedIn ? this.localsFor(symbol.nestedIn) : noLocals;
    const { loop } = deployableShape(this.text, symbol.declaration);
    let locals = outer;
    if (loop) {
      const iterable = this.lower(loop.iterable, outer);
      locals = withLocals(outer, [
        [loop.item, (range) => ({ kind: 'index', object: iterable, index: copyIndex(undefined, range), range })],
        [loop.index, (range) => copyIndex(undefined, range)],
      ]);
    }
    this.localsOf.set(symbol, locals);
    return locals;
  }

  /** The expression of the `name` a resource or module declares (undefined when absent or circular). */
  nameExpr(symbol: ResourceSymbol | ModuleSymbol): ExprNode | undefined {
    const cached = this.nameExprs.get(symbol);
    if (cached === 'pending') return undefined;
    if (cached) return cached;
    this.nameExprs.set(symbol, 'pending');
    const { body } = deployableShape(this.text, symbol.declaration);
    const nameNode = body && objectProperties(this.text, body, this.notes).properties.findLast((p) => p.key === 'name')?.value;
    const expr = nameNode && this.lower(nameNode, this.localsFor(symbol));
    if (expr === undefined) this.nameExprs.delete(symbol);
    else this.nameExprs.set(symbol, expr);
    return expr;
  }

  /** The resource a `parent:` property names. */
  declaredParent(symbol: ResourceSymbol): ResourceSymbol | undefined {
    const { body } = deployableShape(this.text, symbol.declaration);
    const parentNode = body && objectProperties(this.text, body, this.notes).properties.findLast((p) => p.key === 'parent')?.value;
    const parent = parentNode && this.symbolOf(parentNode);
    return parent?.kind === 'resource' && parent !== symbol ? parent : undefined;
  }

  /** `resourceId('<type>', <parent names…>, <name>)`, as the compiler writes `symbol.id`. */
  resourceIdExpr(symbol: ResourceSymbol, range: TextRange): ExprNode {
    const type = this.resourceType(symbol);
    const names: ExprNode[] = [];
    const seen = new Set<ResourceSymbol>();
    for (let at: ResourceSymbol | undefined = symbol; at !== undefined; at = at.nestedIn ?? this.declaredParent(at)) {
      const name = this.nameExpr(at);
      if (name === undefined || seen.has(at)) return opaque('resourceId', range);
      seen.add(at);
      names.unshift(name);
    }
    if (type === undefined) return opaque('resourceId', range);
    return callExpr('resourceId', [stringExpr(type, range), ...names], range);
  }

  /** The type of what a module deploys. */
  static readonly moduleType = RESOURCE_DEPLOYMENTS;
}
