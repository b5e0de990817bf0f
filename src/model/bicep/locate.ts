// Finding a node again, by its locator path, in a (possibly edited) file's syntax tree.
import { deployableShape, objectProperties, declarationName, decoratorCall } from './declarations.js';
import type { DeclarationStep, Step } from './locator.js';
import type { ShimNotes } from './shim.js';
import { namedChildren, type SyntaxNode } from './syntax.js';

const DECLARATION_TYPES: Readonly<Record<DeclarationStep['declaration'], string>> = {
  param: 'parameter_declaration',
  var: 'variable_declaration',
  resource: 'resource_declaration',
  module: 'module_declaration',
  output: 'output_declaration',
  func: 'user_defined_function',
};

export interface Located {
  readonly node: SyntaxNode;
  /** The declaration the path starts from. */
  readonly declaration: SyntaxNode;
}

export function findDeclaration(text: string, root: SyntaxNode, step: DeclarationStep): SyntaxNode | undefined {
  const type = DECLARATION_TYPES[step.declaration];
  return root.children.find((child) => child.type === type && declarationName(text, child) === step.name);
}

/** The node at `path`, or undefined when the text no longer has it. */
export function locate(text: string, root: SyntaxNode, notes: ShimNotes, path: readonly Step[]): Located | undefined {
  const [first, ...rest] = path;
  if (first === undefined || typeof first !== 'object' || !('declaration' in first)) return undefined;
  const declaration = findDeclaration(text, root, first);
  if (declaration === undefined) return undefined;
  // A variable's path starts at its value.
  let node: SyntaxNode | undefined = first.declaration === 'var' ? namedChildren(declaration)[1] : declaration;
  let owner = declaration;
  for (const step of rest) {
    if (node === undefined) return undefined;
    const next: SyntaxNode | undefined = stepInto(text, root, notes, node, step);
    if (next?.type === 'resource_declaration') owner = next;
    node = next;
  }
  return node && { node, declaration: owner };
}

function stepInto(text: string, root: SyntaxNode, notes: ShimNotes, node: SyntaxNode, step: Step): SyntaxNode | undefined {
  if (typeof step === 'number') {
    if (node.type !== 'array') return undefined;
    return node.children.filter((child) => child.named && child.type !== 'decorators')[step];
  }
  if (typeof step === 'string') {
    if (node.type !== 'object') return undefined;
    const wanted = step.toLowerCase();
    return objectProperties(text, node, notes).properties.findLast((property) => property.key.toLowerCase() === wanted)?.value;
  }
  if ('declaration' in step) return undefined;
  switch (step.special) {
    case 'body':
      return deployableShape(text, node).body;
    case 'condition':
      return deployableShape(text, node).condition;
    case 'version':
      return deployableShape(text, node).target;
    case 'default':
      return node.type === 'parameter_declaration' ? namedChildren(node)[2] : undefined;
    case 'allowed':
      return allowedList(text, root, node);
    case 'value':
      return namedChildren(node).at(-1);
    case 'loop-body': {
      if (node.type !== 'for_statement') return undefined;
      const body = namedChildren(node)[2];
      return body?.type === 'if_statement' ? namedChildren(body).find((child) => child.type === 'object') : body;
    }
    case 'nested':
      if (node.type !== 'object') return undefined;
      return objectProperties(text, node, notes).resources.find((resource) => declarationName(text, resource) === step.name);
  }
}

/** The array of the `@allowed([…])` written before a parameter. */
function allowedList(text: string, root: SyntaxNode, declaration: SyntaxNode): SyntaxNode | undefined {
  const index = root.children.indexOf(declaration);
  const before = index > 0 ? root.children[index - 1] : undefined;
  if (before?.type !== 'decorators') return undefined;
  const decorators = before.children.filter((child) => child.type === 'decorator');
  for (const decorator of decorators.reverse()) {
    const call = decoratorCall(text, decorator);
    if (call?.name === 'allowed') return call.args[0];
  }
  return undefined;
}
