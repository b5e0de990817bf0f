// The shapes of Bicep declarations in the syntax tree, and the file's symbol table.
// https://learn.microsoft.com/azure/azure-resource-manager/bicep/file
import type { ShimNotes } from './shim.js';
import { plainString } from './strings.js';
import { firstNamed, hasToken, namedChildren, type SyntaxNode } from './syntax.js';

export interface ResourceSymbol {
  readonly kind: 'resource';
  readonly name: string;
  readonly declaration: SyntaxNode;
  /** The resource whose body declares this one. */
  readonly nestedIn: ResourceSymbol | undefined;
  readonly nested: Map<string, ResourceSymbol>;
}

export interface ModuleSymbol {
  readonly kind: 'module';
  readonly name: string;
  readonly declaration: SyntaxNode;
}

export interface Symbols {
  readonly params: ReadonlyMap<string, SyntaxNode>;
  readonly vars: ReadonlyMap<string, SyntaxNode>;
  /** Every resource, nested ones included (by their own name, as their parent's body sees them). */
  readonly resources: ReadonlyMap<string, ResourceSymbol>;
  readonly topLevelResources: readonly ResourceSymbol[];
  readonly modules: ReadonlyMap<string, ModuleSymbol>;
  readonly functions: ReadonlyMap<string, SyntaxNode>;
  readonly outputs: readonly SyntaxNode[];
  /** Names brought in by `import` (not followed: their values are unknown). */
  readonly imported: ReadonlySet<string>;
  /** Decorators written before each declaration. */
  readonly decorators: ReadonlyMap<SyntaxNode, readonly SyntaxNode[]>;
}

export function declarationName(text: string, declaration: SyntaxNode): string {
  const identifier = firstNamed(declaration, 'identifier');
  return identifier === undefined ? '' : text.slice(identifier.start, identifier.end);
}

/** A resource's or module's loop: `[for x in xs: …]`, `[for (x, i) in xs: …]`. */
export interface LoopShape {
  readonly node: SyntaxNode;
  readonly item: string | undefined;
  readonly index: string | undefined;
  readonly iterable: SyntaxNode;
  readonly body: SyntaxNode;
}

export interface DeployableShape {
  /** The type string of a resource, the path string of a module. */
  readonly target: SyntaxNode | undefined;
  readonly body: SyntaxNode | undefined;
  /** The expression inside `if (…)`. */
  readonly condition: SyntaxNode | undefined;
  readonly loop: LoopShape | undefined;
  readonly existing: boolean;
}

export function loopShape(text: string, node: SyntaxNode): LoopShape | undefined {
  const [head, iterable, body] = namedChildren(node);
  if (head === undefined || iterable === undefined || body === undefined) return undefined;
  if (head.type === 'for_loop_parameters') {
    const item = firstNamed(head, 'loop_variable');
    const index = firstNamed(head, 'loop_enumerator');
    return {
      node,
      item: item && text.slice(item.start, item.end),
      index: index && text.slice(index.start, index.end),
      iterable,
      body,
    };
  }
  return { node, item: text.slice(head.start, head.end), index: undefined, iterable, body };
}

/** The expression of `if (…)`: the parenthesized expression's only element. */
export function ifCondition(ifStatement: SyntaxNode): SyntaxNode | undefined {
  const parenthesized = firstNamed(ifStatement, 'parenthesized_expression');
  return parenthesized && firstNamed(parenthesized);
}

const shapes = new WeakMap<SyntaxNode, DeployableShape>();

/** Body, condition and loop of a resource or module declaration (`= {…}`, `= if (…) {…}`, `= [for …: …]`). */
export function deployableShape(text: string, declaration: SyntaxNode): DeployableShape {
  let shape = shapes.get(declaration);
  if (shape === undefined) {
    shape = readShape(text, declaration);
    shapes.set(declaration, shape);
  }
  return shape;
}

function readShape(text: string, declaration: SyntaxNode): DeployableShape {
  const named = namedChildren(declaration);
  const target = named.find((child) => child.type === 'string');
  const value = named.at(-1);
  const existing = hasToken(declaration, 'existing');
  let loop: LoopShape | undefined;
  let inner = value;
  if (value?.type === 'for_statement') {
    loop = loopShape(text, value);
    inner = loop?.body;
  }
  let condition: SyntaxNode | undefined;
  if (inner?.type === 'if_statement') {
    condition = ifCondition(inner);
    inner = firstNamed(inner, 'object');
  }
  return { target, body: inner?.type === 'object' ? inner : undefined, condition, loop, existing };
}

/** `type@version` of a resource type string. */
export interface ResourceTypeText {
  readonly type: string;
  readonly version: string | undefined;
  /** Offsets of the version inside the file. */
  readonly versionStart: number;
}

export function resourceTypeText(text: string, node: SyntaxNode | undefined, notes: ShimNotes): ResourceTypeText | undefined {
  const value = plainString(text, node, notes);
  if (value === undefined || node === undefined) return undefined;
  const at = value.lastIndexOf('@');
  if (at < 0) return { type: value, version: undefined, versionStart: node.end - 1 };
  const written = text.slice(node.start, node.end);
  const writtenAt = written.lastIndexOf('@');
  return { type: value.slice(0, at), version: value.slice(at + 1), versionStart: node.start + writtenAt + 1 };
}

/** Object properties with their key text; nested resource declarations are returned apart. */
export interface PropertySyntax {
  readonly key: string;
  readonly keyNode: SyntaxNode;
  readonly value: SyntaxNode;
  readonly node: SyntaxNode;
}

export interface ObjectSyntax {
  readonly properties: readonly PropertySyntax[];
  /** Nested resource declarations. */
  readonly resources: readonly SyntaxNode[];
  /** The values of `...x` members. */
  readonly spreads: readonly SyntaxNode[];
}

const objects = new WeakMap<SyntaxNode, ObjectSyntax>();

/** The members of an object node (read once per node: nodes of a text never change). */
export function objectProperties(text: string, object: SyntaxNode, notes: ShimNotes): ObjectSyntax {
  let found = objects.get(object);
  if (found === undefined) {
    found = readObject(text, object, notes);
    objects.set(object, found);
  }
  return found;
}

function readObject(text: string, object: SyntaxNode, notes: ShimNotes): ObjectSyntax {
  const properties: PropertySyntax[] = [];
  const resources: SyntaxNode[] = [];
  const spreads: SyntaxNode[] = [];
  for (const child of object.children) {
    if (child.type !== 'object_property') continue;
    const named = namedChildren(child);
    const [keyNode, value] = named;
    if (keyNode?.type === 'resource_declaration') {
      resources.push(keyNode);
      continue;
    }
    if (keyNode === undefined || value === undefined) continue;
    if (notes.spreads.has(keyNode.start)) {
      spreads.push(value);
      continue;
    }
    const key = propertyKey(text, keyNode, notes);
    if (key !== undefined) properties.push({ key, keyNode, value, node: child });
  }
  return { properties, resources, spreads };
}

function propertyKey(text: string, node: SyntaxNode, notes: ShimNotes): string | undefined {
  if (node.type === 'string') return plainString(text, node, notes);
  const written = text.slice(node.start, node.end);
  return node.type === 'compatible_identifier' ? written.replace(/\?$/, '') : written;
}

/** Reads the top-level declarations of a file into a symbol table. */
export function collectSymbols(text: string, root: SyntaxNode, notes: ShimNotes): Symbols {
  const params = new Map<string, SyntaxNode>();
  const vars = new Map<string, SyntaxNode>();
  const resources = new Map<string, ResourceSymbol>();
  const topLevelResources: ResourceSymbol[] = [];
  const modules = new Map<string, ModuleSymbol>();
  const functions = new Map<string, SyntaxNode>();
  const outputs: SyntaxNode[] = [];
  const decorators = new Map<SyntaxNode, SyntaxNode[]>();
  let pending: SyntaxNode[] = [];
  const addResource = (declaration: SyntaxNode, nestedIn: ResourceSymbol | undefined): ResourceSymbol => {
    const symbol: ResourceSymbol = { kind: 'resource', name: declarationName(text, declaration), declaration, nestedIn, nested: new Map() };
    if (!resources.has(symbol.name)) resources.set(symbol.name, symbol);
    const { body } = deployableShape(text, declaration);
    for (const inner of body ? objectProperties(text, body, notes).resources : []) {
      const child = addResource(inner, symbol);
      symbol.nested.set(child.name, child);
    }
    return symbol;
  };
  for (const statement of root.children) {
    if (statement.type === 'decorators') {
      pending.push(...statement.children.filter((child) => child.type === 'decorator'));
      continue;
    }
    if (!statement.named) continue;
    if (pending.length > 0) decorators.set(statement, pending);
    pending = [];
    const name = declarationName(text, statement);
    switch (statement.type) {
      case 'parameter_declaration':
        params.set(name, statement);
        break;
      case 'variable_declaration':
        vars.set(name, statement);
        break;
      case 'resource_declaration':
        topLevelResources.push(addResource(statement, undefined));
        break;
      case 'module_declaration':
        modules.set(name, { kind: 'module', name, declaration: statement });
        break;
      case 'user_defined_function':
        functions.set(name, statement);
        break;
      case 'output_declaration':
        outputs.push(statement);
        break;
      default:
        break;
    }
  }
  return { params, vars, resources, topLevelResources, modules, functions, outputs, imported: notes.imported, decorators };
}

/** The decorator's name (`allowed`, `secure`, with any `sys.` dropped) and its argument nodes. */
export function decoratorCall(text: string, decorator: SyntaxNode): { name: string; args: SyntaxNode[] } | undefined {
  const call = firstNamed(decorator, 'call_expression');
  const callee = call && firstNamed(call);
  const args = call && firstNamed(call, 'arguments');
  if (callee === undefined || args === undefined) return undefined;
  const written = text.slice(callee.start, callee.end);
  return { name: written.replace(/^sys\./, ''), args: namedChildren(args) };
}
