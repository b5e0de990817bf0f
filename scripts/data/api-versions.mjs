// API-version facts for virtualMachineScaleSets / virtualMachines, read from bicep-types-az.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { readIndexJson, readTypesJson, TypeBaseKind } from '@azure/bicep-types';
import { fail } from './fail.mjs';

export const VMSS = 'Microsoft.Compute/virtualMachineScaleSets';
export const VM = 'Microsoft.Compute/virtualMachines';

/** Where Trusted Launch lives in each resource body. */
const SECURITY_PROFILE_PATH = {
  [VMSS]: ['properties', 'virtualMachineProfile', 'securityProfile'],
  [VM]: ['properties', 'securityProfile'],
};
const MAX_SURGE_PATH = ['properties', 'upgradePolicy', 'rollingUpgradePolicy', 'maxSurge'];

/**
 * The `generated/<group>/microsoft.compute` folders of the Compute specs. The `network` group also
 * has a `microsoft.compute` folder, but its versions are Microsoft.Network API versions (VMSS and
 * cloud-service network-interface views), not versions of the Compute provider.
 */
const COMPUTE_GROUP = /^compute(_\d+)?$/;

/**
 * @param {string} generatedDir  bicep-types-az `generated/` folder
 * @returns {{ relativePath: string; version: string; types: import('@azure/bicep-types').BicepType[] }[]}
 */
function readComputeTypeFiles(generatedDir) {
  const files = [];
  for (const group of readdirSync(generatedDir).sort()) {
    if (!COMPUTE_GROUP.test(group)) continue;
    const providerDir = join(generatedDir, group, 'microsoft.compute');
    if (!existsSync(providerDir)) continue;
    for (const version of readdirSync(providerDir).sort()) {
      const relativePath = `${group}/microsoft.compute/${version}/types.json`;
      const types = readTypesJson(readFileSync(join(generatedDir, relativePath), 'utf8'));
      files.push({ relativePath, version, types });
    }
  }
  if (files.length === 0) fail(`no generated/compute*/microsoft.compute/*/types.json under ${generatedDir}`);
  return files;
}

/** Follows a TypeReference within one types.json. */
function deref(types, reference, where) {
  const type = types[reference.index];
  if (type === undefined) fail(`${where}: dangling type reference #/${reference.index}`);
  return type;
}

/** The type at a property path below an object type, or undefined where the path stops. */
function typeAtPath(types, start, path, where) {
  let current = start;
  for (const name of path) {
    if (current.type !== TypeBaseKind.ObjectType) return undefined;
    const property = current.properties[name];
    if (property === undefined) return undefined;
    current = deref(types, property.type, where);
  }
  return current;
}

/** String literals of a (union) type, and whether any other string is allowed too. */
function stringLiterals(types, type, where) {
  const members =
    type.type === TypeBaseKind.UnionType ? type.elements.map((element) => deref(types, element, where)) : [type];
  return {
    literals: members.filter((m) => m.type === TypeBaseKind.StringLiteralType).map((m) => m.value),
    acceptsAnyString: members.some((m) => m.type === TypeBaseKind.StringType),
  };
}

function describeResource(types, resourceType, resourceName, where) {
  const body = deref(types, resourceType.body, where);
  const securityProfile = typeAtPath(types, body, SECURITY_PROFILE_PATH[resourceName], where);
  const property = (name) =>
    securityProfile?.type === TypeBaseKind.ObjectType ? securityProfile.properties[name] : undefined;
  const securityTypeProperty = property('securityType');
  const securityType = securityTypeProperty
    ? stringLiterals(types, deref(types, securityTypeProperty.type, where), where)
    : { literals: [], acceptsAnyString: false };
  return {
    hasSecurityProfile: securityProfile !== undefined,
    hasSecurityType: securityTypeProperty !== undefined,
    securityTypeLiterals: securityType.literals,
    securityTypeAcceptsAnyString: securityType.acceptsAnyString,
    hasUefiSettings: property('uefiSettings') !== undefined,
    hasEncryptionAtHost: property('encryptionAtHost') !== undefined,
    hasMaxSurge: resourceName === VMSS && typeAtPath(types, body, MAX_SURGE_PATH, where) !== undefined,
  };
}

const PREVIEW = /-preview$/i;

/** Compares `yyyy-mm-dd[-suffix]` versions: by date, then a stable version before its previews. */
export function compareApiVersions(a, b) {
  const date = a.slice(0, 10).localeCompare(b.slice(0, 10));
  if (date !== 0) return date;
  return a.length - b.length || a.localeCompare(b);
}

/**
 * @param {string} generatedDir
 */
export function extractApiVersions(generatedDir) {
  const files = readComputeTypeFiles(generatedDir);
  const index = readIndexJson(readFileSync(join(generatedDir, 'index.microsoft.compute.derived.json'), 'utf8'));
  /** @type {Map<string, { version: string; preview: boolean; resourceTypes: Map<string, string> }>} */
  const versions = new Map();
  const rows = { [VMSS]: [], [VM]: [] };
  const seenResources = new Set();

  for (const { relativePath, version, types } of files) {
    const entry = versions.get(version) ?? { version, preview: PREVIEW.test(version), resourceTypes: new Map() };
    versions.set(version, entry);
    types.forEach((type, position) => {
      const where = `${relativePath}#/${position}`;
      let fullName;
      if (type.type === TypeBaseKind.ResourceType) {
        const [name, typeVersion] = type.name.split('@');
        if (typeVersion !== version) fail(`${where}: ${type.name} sits in the ${version} folder`);
        checkIndexed(index, type.name, relativePath, position);
        seenResources.add(type.name);
        fullName = name;
        const rowsOfType = Object.hasOwn(rows, name) ? rows[name] : undefined;
        if (rowsOfType) rowsOfType.push({ apiVersion: version, preview: entry.preview, ...describeResource(types, type, name, where) });
      } else if (type.type === TypeBaseKind.ResourceFunctionType) {
        if (type.apiVersion !== version) fail(`${where}: function of ${type.apiVersion} sits in the ${version} folder`);
        fullName = type.resourceType;
      } else {
        return;
      }
      const topLevel = fullName.split('/')[1];
      if (topLevel === undefined) fail(`${where}: unexpected resource type name ${fullName}`);
      // Resource types are named in their own casing; function targets are lower-cased.
      const key = topLevel.toLowerCase();
      if (!entry.resourceTypes.has(key) || type.type === TypeBaseKind.ResourceType) entry.resourceTypes.set(key, topLevel);
    });
  }

  for (const [name, reference] of Object.entries(index.resources)) {
    if (COMPUTE_GROUP.test(reference.relativePath.split('/')[0] ?? '') && !seenResources.has(name)) {
      fail(`index.microsoft.compute.derived.json lists ${name} (${reference.relativePath}), which no types.json defines`);
    }
  }

  const computeApiVersions = [...versions.values()]
    .filter((entry) => entry.resourceTypes.size > 0)
    .sort((a, b) => compareApiVersions(a.version, b.version))
    .map((entry) => ({
      version: entry.version,
      preview: entry.preview,
      resourceTypes: [...entry.resourceTypes.values()].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
    }));
  for (const list of Object.values(rows)) list.sort((a, b) => compareApiVersions(a.apiVersion, b.apiVersion));
  return { computeApiVersions, resources: rows };
}

function checkIndexed(index, name, relativePath, position) {
  const reference = index.resources[name];
  if (reference === undefined) fail(`${relativePath}#/${position}: ${name} is missing from the derived index`);
  if (reference.relativePath !== relativePath || reference.index !== position) {
    fail(`derived index points ${name} at ${reference.relativePath}#/${reference.index}, types.json has it at ${relativePath}#/${position}`);
  }
}

/**
 * Fails loudly where the extraction and ../shared/data/api-versions.json disagree.
 * @param {ReturnType<typeof extractApiVersions>} extracted
 * @param {any} shared  parsed api-versions.json
 */
export function crossCheckApiVersions(extracted, shared) {
  const problems = [];
  for (const resourceName of [VMSS, VM]) {
    const ours = new Map(extracted.resources[resourceName].map((row) => [row.apiVersion, row]));
    const theirs = new Map(
      shared.entries.filter((e) => e.resourceType === resourceName).map((e) => [e.apiVersion, e]),
    );
    for (const version of new Set([...ours.keys(), ...theirs.keys()])) {
      const a = ours.get(version);
      const b = theirs.get(version);
      const where = `${resourceName}@${version}`;
      if (!a || !b) {
        problems.push(`${where}: ${a ? 'not in api-versions.json' : 'not defined in bicep-types-az'}`);
        continue;
      }
      const pairs = [
        ['preview', a.preview, b.preview],
        ['hasSecurityProfile', a.hasSecurityProfile, b.hasSecurityProfile],
        ['hasSecurityType', a.hasSecurityType, b.hasSecurityType],
        ['securityTypeLiterals', [...a.securityTypeLiterals].sort().join(), [...b.securityTypeLiterals].sort().join()],
        ['acceptsAnyString', a.securityTypeAcceptsAnyString, b.acceptsAnyString],
        ['hasUefiSettings', a.hasUefiSettings, b.hasUefiSettings],
        ['hasEncryptionAtHost', a.hasEncryptionAtHost, b.hasEncryptionAtHost],
        ['trustedLaunchCapable', a.hasSecurityType && a.hasUefiSettings, b.trustedLaunchCapable],
      ];
      if (resourceName === VMSS) pairs.push(['hasRollingMaxSurge', a.hasMaxSurge, b.hasRollingMaxSurge]);
      for (const [field, mine, shared] of pairs) {
        if (mine !== shared) problems.push(`${where}: ${field} is ${JSON.stringify(mine)} in bicep-types-az, ${JSON.stringify(shared)} in api-versions.json`);
      }
    }
  }
  const minimum = firstTrustedLaunchVersion(extracted.resources[VMSS]);
  if (minimum !== shared.minimumApiVersionForTrustedLaunch.value) {
    problems.push(`minimum Trusted Launch version: ${minimum} in bicep-types-az, ${shared.minimumApiVersionForTrustedLaunch.value} in api-versions.json`);
  }
  const newest = extracted.resources[VMSS].filter((row) => !row.preview).at(-1)?.apiVersion;
  if (newest !== shared.newestStableAtSourceCommit.value) {
    problems.push(`newest stable version: ${newest} in bicep-types-az, ${shared.newestStableAtSourceCommit.value} in api-versions.json`);
  }
  if (problems.length > 0) fail(`bicep-types-az and ../shared/data/api-versions.json disagree:\n  ${problems.join('\n  ')}`);
}

export function firstTrustedLaunchVersion(rows) {
  return rows.find((row) => !row.preview && row.hasSecurityType && row.hasUefiSettings)?.apiVersion;
}
