import type { BoundValue, ParameterDecl, ScopeDecls, UserFunctionDecl } from '../scope.js';
import type { ObjectNode, ValueNode } from '../value.js';
import { getProperty } from '../value.js';
import { isCopyLoopProperty } from './copy.js';

/** Keys of the declaration maps: ARM names are case-insensitive. */
export function declKey(name: string): string {
  return name.toLowerCase();
}

/** Keys of `ScopeDecls.functions` and of the user-function set given to `checkExpression`. */
export function userFunctionKey(namespace: string, name: string): string {
  return `${namespace}.${name}`.toLowerCase();
}

export type Binder = (parameterName: string) => BoundValue | undefined;

/** What a template object declares: parameters (with bound values), variables and user functions. */
export function templateDecls(template: ObjectNode, bind: Binder, inherited?: ScopeDecls): ScopeDecls {
  const variablesNode = objectAt(template, 'variables');
  const functions = new Map<string, UserFunctionDecl>(inherited?.functions ?? []);
  for (const fn of userFunctions(template)) functions.set(userFunctionKey(fn.namespace, fn.name), fn);
  return {
    parameters: parameterDecls(template, bind),
    variables: variableDecls(variablesNode),
    functions,
    ...(variablesNode ? { variablesNode } : {}),
  };
}

function objectAt(object: ObjectNode, key: string): ObjectNode | undefined {
  const value = getProperty(object, key)?.value;
  return value?.kind === 'object' ? value : undefined;
}

function parameterDecls(template: ObjectNode, bind: Binder): Map<string, ParameterDecl> {
  const decls = new Map<string, ParameterDecl>();
  for (const property of objectAt(template, 'parameters')?.properties ?? []) {
    const declaration = property.value;
    const { type, defaultValue, allowedValues: allowed } = declarationFields(declaration);
    const bound = bind(property.key);
    decls.set(declKey(property.key), {
      name: property.key,
      node: declaration,
      type: type?.kind === 'literal' && typeof type.value === 'string' ? type.value : undefined,
      defaultValue,
      allowedValues: allowed?.kind === 'array' ? allowed : undefined,
      ...(bound ? { bound } : {}),
    });
  }
  return decls;
}

interface DeclarationFields {
  type?: ValueNode;
  defaultValue?: ValueNode;
  allowedValues?: ValueNode;
}

/** A parameter declaration's fields, in one pass (keys case-insensitive, the last duplicate winning, as `getProperty`). */
function declarationFields(declaration: ValueNode): DeclarationFields {
  const fields: DeclarationFields = {};
  if (declaration.kind !== 'object') return fields;
  for (const { key, value } of declaration.properties) {
    if (key.length < 4 || key.length > 13) continue;
    const lower = key.toLowerCase();
    if (lower === 'type') fields.type = value;
    else if (lower === 'defaultvalue') fields.defaultValue = value;
    else if (lower === 'allowedvalues') fields.allowedValues = value;
  }
  return fields;
}

function variableDecls(variables: ObjectNode | undefined): Map<string, ValueNode> {
  const decls = new Map<string, ValueNode>();
  for (const property of variables?.properties ?? []) {
    if (!isCopyLoopProperty(property)) decls.set(declKey(property.key), property.value);
  }
  return decls;
}

/** `functions: [{ namespace, members: { name: { parameters: [{ name }], output: { value } } } }]`. */
function userFunctions(template: ObjectNode): UserFunctionDecl[] {
  const declared: UserFunctionDecl[] = [];
  const namespaces = getProperty(template, 'functions')?.value;
  if (namespaces?.kind !== 'array') return declared;
  for (const entry of namespaces.items) {
    if (entry.kind !== 'object') continue;
    const namespace = literalString(getProperty(entry, 'namespace')?.value);
    const members = objectAt(entry, 'members');
    if (namespace === undefined || members === undefined) continue;
    for (const member of members.properties) {
      if (member.value.kind !== 'object') continue;
      const parameters = getProperty(member.value, 'parameters')?.value;
      const output = objectAt(member.value, 'output');
      declared.push({
        namespace,
        name: member.key,
        parameterNames:
          parameters?.kind === 'array'
            ? parameters.items.flatMap((p) => {
                const name = p.kind === 'object' ? literalString(getProperty(p, 'name')?.value) : undefined;
                return name === undefined ? [] : [name];
              })
            : [],
        output: output ? getProperty(output, 'value')?.value : undefined,
      });
    }
  }
  return declared;
}

export function literalString(node: ValueNode | undefined): string | undefined {
  return node?.kind === 'literal' && typeof node.value === 'string' ? node.value : undefined;
}
