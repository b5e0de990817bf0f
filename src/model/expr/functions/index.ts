import { isListFunction } from '../catalog.js';
import { arrayFunctions } from './arrays.js';
import { collectionFunctions } from './collections.js';
import { encodingFunctions } from './encoding.js';
import { logicFunctions } from './logic.js';
import { objectFunctions } from './objects.js';
import { stringFunctions } from './strings.js';
import type { PureFunction } from './types.js';

/** Functions of plain values, by lower-cased name. */
export const pureFunctions: ReadonlyMap<string, PureFunction> = new Map(
  Object.entries({
    ...stringFunctions,
    ...collectionFunctions,
    ...arrayFunctions,
    ...objectFunctions,
    ...logicFunctions,
    ...encodingFunctions,
  }),
);

/**
 * Functions whose value depends on the deployment (its scope, other resources, time, randomness,
 * values supplied at deployment time): their value is unknown 'environment'.
 */
const environmentFunctions: ReadonlySet<string> = new Set([
  'deployer',
  'deployment',
  'environment',
  'externalinputs',
  'extensions',
  'extensionresourceid',
  'guid',
  'managementgroup',
  'managementgroupresourceid',
  'newguid',
  'pickzones',
  'providers',
  'reference',
  'references',
  'resourcegroup',
  'resourceid',
  'roledefinitions',
  'subscription',
  'subscriptionresourceid',
  'tenant',
  'tenantresourceid',
  'tologicalzone',
  'tologicalzones',
  'tophysicalzone',
  'tophysicalzones',
  'uniquestring',
  'utcnow',
]);

export function isEnvironmentFunction(lowerName: string): boolean {
  return environmentFunctions.has(lowerName) || isListFunction(lowerName);
}

/** Valid functions the evaluator does not compute (dates, CIDR, URI parsing): unknown 'unsupported'. */
export const unsupportedFunctions: ReadonlySet<string> = new Set([
  'builduri',
  'cidrhost',
  'cidrsubnet',
  'datetimeadd',
  'datetimefromepoch',
  'datetimetoepoch',
  'parsecidr',
  'parseuri',
]);
