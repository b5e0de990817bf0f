// What a Bicep file declares, for the evaluator (ScopeDecls) and for rules, which read parameter
// declarations from the deployment's template object in the ARM layout that compiled Bicep has:
// `{ parameters: { x: { type, defaultValue, allowedValues } }, variables: { … } }`.
// https://learn.microsoft.com/azure/azure-resource-manager/bicep/parameters
import type { BoundValue, ParameterDecl, ScopeDecls, UserFunctionDecl } from '../scope.js';
import type { TextRange } from '../source.js';
import type { ArrayNode, LiteralNode, ObjectNode, PropertyNode, ValueNode } from '../value.js';
import { decoratorCall, type Symbols } from './declarations.js';
import { parametersRef, USER_FUNCTION_NAMESPACE } from './exprs.js';
import { userFunctionKey } from '../expr/catalog.js';
import { ALLOWED, BicepLocator, DEFAULT, VALUE } from './locator.js';
import { noLocals, withLocals } from './lower.js';
import { firstNamed, namedChildren, type SyntaxNode } from './syntax.js';
import { editable, nodeSpan, toValue, type ValueContext } from './values.js';

export type Binder = (parameterName: string) => BoundValue | undefined;

export interface FileScope {
  readonly decls: ScopeDecls;
  /** The file as an ARM-layout template object (synthetic: nothing in it can be edited as a whole). */
  readonly node: ObjectNode;
}

export function fileScope(symbols: Symbols, context: ValueContext, bind: Binder): FileScope {
  const { file } = context;
  const whole: TextRange = { start: 0, end: file.text.length };
  const parameters = new Map<string, ParameterDecl>();
  const parameterProperties: PropertyNode[] = [];
  for (const [name, declaration] of symbols.params) {
    const decl = parameterDecl(name, declaration, symbols.decorators.get(declaration) ?? [], context, bind(name));
    parameters.set(name.toLowerCase(), decl);
    parameterProperties.push(syntheticProperty(name, decl.node, nodeSpan(context, declaration)));
  }
  const variables = new Map<string, ValueNode>();
  const variableProperties: PropertyNode[] = [];
  for (const [name, declaration] of symbols.vars) {
    const valueNode = namedChildren(declaration)[1];
    if (valueNode === undefined) continue;
    const value = toValue(valueNode, BicepLocator.declaration('var', name), noLocals, context, name);
    variables.set(name.toLowerCase(), value);
    variableProperties.push({ key: name, keyRange: nodeSpan(context, declaration), value, range: nodeSpan(context, declaration) });
  }
  const functions = new Map<string, UserFunctionDecl>();
  for (const [name, declaration] of symbols.functions) {
    const fn = userFunction(name, declaration, context);
    functions.set(userFunctionKey(fn.namespace, fn.name), fn);
  }
  const synthetic = (properties: PropertyNode[]): ObjectNode => ({ kind: 'object', file, range: whole, locator: undefined, properties });
  const variablesNode = synthetic(variableProperties);
  const node = synthetic([
    syntheticProperty('parameters', synthetic(parameterProperties), whole),
    syntheticProperty('variables', variablesNode, whole),
  ]);
  return { decls: { parameters, variables, functions, variablesNode }, node };
}

function syntheticProperty(key: string, value: ValueNode, range: TextRange): PropertyNode {
  return { key, keyRange: range, value, range };
}

function parameterDecl(name: string, declaration: SyntaxNode, decorators: readonly SyntaxNode[], context: ValueContext, bound: BoundValue | undefined): ParameterDecl {
  const { file, lowerer } = context;
  const { text } = lowerer;
  const locator = BicepLocator.declaration('param', name);
  const [, typeNode, defaultNode] = namedChildren(declaration);
  const calls = decorators.flatMap((decorator) => decoratorCall(text, decorator) ?? []);
  const secure = calls.some((call) => call.name === 'secure');
  const info = typeInfo(text, typeNode, lowerer.notes.derivedTypes);
  const allowedArg = calls.findLast((call) => call.name === 'allowed')?.args[0];
  let allowedValues: ArrayNode | undefined;
  if (allowedArg !== undefined) {
    const value = toValue(allowedArg, locator.child(ALLOWED), noLocals, context);
    allowedValues = value.kind === 'array' ? value : undefined;
  } else if (info.literals !== undefined && typeNode !== undefined) {
    allowedValues = {
      kind: 'array',
      file,
      range: nodeSpan(context, typeNode),
      locator: undefined,
      items: info.literals.map((literal) => toValue(literal, locator.child(ALLOWED), noLocals, context)),
    };
  }
  const defaultValue = defaultNode && toValue(defaultNode, locator.child(DEFAULT), noLocals, context, name);
  const type = secure && info.type === 'string' ? 'securestring' : secure && info.type === 'object' ? 'secureObject' : info.type;
  const properties: PropertyNode[] = [];
  if (type !== undefined && typeNode !== undefined) {
    const typeLiteral: LiteralNode = { kind: 'literal', file, range: nodeSpan(context, typeNode), locator: undefined, value: type };
    properties.push(syntheticProperty('type', typeLiteral, typeLiteral.range));
  }
  if (defaultValue) properties.push(syntheticProperty('defaultValue', defaultValue, defaultValue.range));
  if (allowedValues) properties.push(syntheticProperty('allowedValues', allowedValues, allowedValues.range));
  const node: ObjectNode = { kind: 'object', file, range: nodeSpan(context, declaration), locator: editable(context, locator), properties };
  return { name, node, type, defaultValue, allowedValues, ...(bound ? { bound } : {}) };
}

interface TypeInfo {
  /** The ARM type the compiler writes; undefined for user-defined and resource-derived types. */
  readonly type: string | undefined;
  /** A union of literals (`'Standard' | 'TrustedLaunch'`) compiles to allowedValues. */
  readonly literals?: readonly SyntaxNode[];
}

const PRIMITIVES: Readonly<Record<string, string>> = {
  string: 'string',
  int: 'int',
  bool: 'bool',
  array: 'array',
  object: 'object',
  secureString: 'securestring',
  secureObject: 'secureObject',
};

const LITERAL_TYPES: Readonly<Record<string, string>> = { string: 'string', number: 'int', boolean: 'bool' };

function typeInfo(text: string, node: SyntaxNode | undefined, derived: readonly TextRange[]): TypeInfo {
  if (node === undefined) return { type: undefined };
  switch (node.type) {
    case 'type':
    case 'nullable_type':
    case 'parenthesized_type':
      return typeInfo(text, firstNamed(node), derived);
    case 'primitive_type':
      return { type: PRIMITIVES[text.slice(node.start, node.end)] };
    case 'array_type':
      return { type: 'array' };
    case 'object':
      return { type: 'object' };
    case 'parameterized_type':
      // `resource<'type@version'>` parameters hold resource ids.
      return { type: 'string' };
    case 'string':
    case 'number':
    case 'boolean':
      return { type: LITERAL_TYPES[node.type], literals: [node] };
    case 'union_type': {
      const members = namedChildren(node);
      const kinds = new Set(members.map((member) => member.type));
      const [only] = [...kinds];
      const type = kinds.size === 1 && only !== undefined ? LITERAL_TYPES[only] : undefined;
      return type === undefined ? { type: undefined } : { type, literals: members };
    }
    default:
      return { type: undefined };
  }
}

function userFunction(name: string, declaration: SyntaxNode, context: ValueContext): UserFunctionDecl {
  const { text } = context.lowerer;
  const parameterList = firstNamed(declaration, 'parameters');
  const parameterNames = (parameterList ? namedChildren(parameterList) : []).flatMap((parameter) => {
    const identifier = firstNamed(parameter, 'identifier');
    return identifier ? [text.slice(identifier.start, identifier.end)] : [];
  });
  const body = namedChildren(declaration).at(-1);
  // Inside the function its parameters are read with parameters(), as the compiled JSON does.
  const locals = withLocals(
    noLocals,
    parameterNames.map((parameter) => [parameter, (range: TextRange) => parametersRef(parameter, range)] as const),
  );
  const output = body && body !== parameterList ? toValue(body, BicepLocator.declaration('func', name).child(VALUE), locals, context) : undefined;
  return { namespace: USER_FUNCTION_NAMESPACE, name, parameterNames, output };
}
