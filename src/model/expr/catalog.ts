// Every ARM template function with its arity, from the function reference:
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions
// Where the reference and the engine disagree on an optional argument, the wider range is kept:
// a false "wrong arity" on a template that deploys is worse than a missed one.

export interface FunctionSignature {
  /** The name as the reference spells it. */
  readonly name: string;
  readonly minArgs: number;
  readonly maxArgs: number;
}

const many = Number.POSITIVE_INFINITY;

const signatures: readonly (readonly [string, number, number])[] = [
  // Array functions
  ['array', 1, 1],
  ['concat', 0, many],
  ['contains', 2, 2],
  ['createArray', 0, many],
  ['distinct', 1, 1],
  ['empty', 1, 1],
  ['first', 1, 1],
  ['flatten', 1, 1],
  ['indexFromEnd', 2, 2],
  ['indexOf', 2, 2],
  ['intersection', 2, many],
  ['last', 1, 1],
  ['lastIndexOf', 2, 2],
  ['length', 1, 1],
  ['max', 1, many],
  ['min', 1, many],
  ['range', 2, 2],
  ['skip', 2, 2],
  ['take', 2, 2],
  ['tryGet', 2, many],
  ['tryIndexFromEnd', 2, 2],
  ['union', 2, many],
  // CIDR functions (namespace sys)
  ['parseCidr', 1, 1],
  ['cidrSubnet', 3, 3],
  ['cidrHost', 2, 2],
  // Comparison functions
  ['coalesce', 1, many],
  ['equals', 2, 2],
  ['greater', 2, 2],
  ['greaterOrEquals', 2, 2],
  ['less', 2, 2],
  ['lessOrEquals', 2, 2],
  // Date functions
  ['dateTimeAdd', 2, 3],
  ['dateTimeFromEpoch', 0, 1],
  ['dateTimeToEpoch', 0, 1],
  ['utcNow', 0, 1],
  // Deployment value functions
  ['deployer', 0, 0],
  ['deployment', 0, 0],
  ['environment', 0, 0],
  // Bicep parameter files compile `externalInput()` to this.
  ['externalInputs', 1, 1],
  // Bicep `fail()`: stops the deployment with a message.
  ['fail', 1, 1],
  ['parameters', 1, 1],
  ['variables', 1, 1],
  // Lambda functions
  ['filter', 2, 2],
  ['groupBy', 2, 3],
  ['lambda', 1, many],
  ['lambdaVariables', 1, 1],
  ['map', 2, 2],
  ['mapValues', 2, 2],
  ['reduce', 3, 3],
  ['sort', 2, 2],
  ['toObject', 2, 3],
  // Logical functions
  ['and', 2, many],
  ['bool', 1, 1],
  ['false', 0, 0],
  ['if', 3, 3],
  ['not', 1, 1],
  ['or', 2, many],
  ['true', 0, 0],
  // Numeric functions
  ['add', 2, 2],
  ['copyIndex', 0, 2],
  ['div', 2, 2],
  ['float', 1, 1],
  ['int', 1, 1],
  ['mod', 2, 2],
  ['mul', 2, 2],
  ['sub', 2, 2],
  // Object functions
  ['createObject', 0, many],
  ['items', 1, 1],
  ['json', 1, 1],
  ['null', 0, 0],
  ['objectKeys', 1, 1],
  ['shallowMerge', 1, 1],
  // Resource functions
  // languageVersion 2.0 extension configuration (Bicep `extension` declarations).
  ['extensions', 1, 1],
  ['extensionResourceId', 3, many],
  ['managementGroupResourceId', 2, many],
  ['pickZones', 3, 5],
  ['providers', 1, 2],
  ['reference', 1, 3],
  ['references', 1, 2],
  ['resourceId', 2, many],
  ['subscriptionResourceId', 2, many],
  ['tenantResourceId', 2, many],
  // Bicep runtime functions that compile to ARM calls of the same name (Bicep's function
  // catalog, src/Bicep.Core.Samples baselines Functions/az.json and sys.json).
  ['roleDefinitions', 1, 1],
  ['toLogicalZone', 3, 3],
  ['toLogicalZones', 3, 3],
  ['toPhysicalZone', 3, 3],
  ['toPhysicalZones', 3, 3],
  // Scope functions
  ['managementGroup', 0, 1],
  ['resourceGroup', 0, 0],
  ['subscription', 0, 0],
  ['tenant', 0, 0],
  // String functions
  ['base64', 1, 1],
  ['base64ToJson', 1, 1],
  ['base64ToString', 1, 1],
  ['buildUri', 1, 1],
  ['dataUri', 1, 1],
  ['dataUriToString', 1, 1],
  ['endsWith', 2, 2],
  ['format', 1, many],
  ['guid', 1, many],
  ['join', 2, 2],
  ['like', 2, 2],
  ['newGuid', 0, 0],
  ['padLeft', 2, 3],
  ['parseUri', 1, 1],
  ['replace', 3, 3],
  ['split', 2, 2],
  ['startsWith', 2, 2],
  ['string', 1, 1],
  ['substring', 1, 3],
  ['toLower', 1, 1],
  ['toUpper', 1, 1],
  ['trim', 1, 1],
  ['uniqueString', 1, many],
  ['uri', 2, 2],
  ['uriComponent', 1, 1],
  ['uriComponentToString', 1, 1],
];

const byLowerName = new Map<string, FunctionSignature>(
  signatures.map(([name, minArgs, maxArgs]) => [name.toLowerCase(), { name, minArgs, maxArgs }]),
);

/**
 * `list*` resource functions: any name starting with `list` (listKeys, listSecrets, listAccountSas…),
 * called with a resource id, an API version and optional request content.
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-resource#list
 */
const listSignature = (name: string): FunctionSignature => ({ name, minArgs: 2, maxArgs: 3 });

export function isListFunction(name: string): boolean {
  return name.toLowerCase().startsWith('list');
}

/**
 * The built-in function a call names, or undefined. Names are case-insensitive; the CIDR
 * functions may be written with their `sys` namespace.
 */
export function lookupBuiltin(namespace: string | undefined, name: string): FunctionSignature | undefined {
  if (namespace !== undefined && namespace.toLowerCase() !== 'sys') return undefined;
  const found = byLowerName.get(name.toLowerCase());
  if (found) return found;
  return isListFunction(name) ? listSignature(name) : undefined;
}

export function userFunctionKey(namespace: string, name: string): string {
  return `${namespace}.${name}`.toLowerCase();
}
