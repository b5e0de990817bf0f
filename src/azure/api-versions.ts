// API-version lookups for scale sets and VMs, from bicep-types-az (see generated/api-versions.ts).
// Trusted Launch needs 2020-12-01 or later:
// https://learn.microsoft.com/azure/virtual-machines/trusted-launch-existing-vmss
import { apiVersionTable } from './generated/api-versions.js';
import type { ApiVersionRow, ComputeApiVersionRow } from './types.js';

export const VMSS_TYPE = 'Microsoft.Compute/virtualMachineScaleSets';
export const VM_TYPE = 'Microsoft.Compute/virtualMachines';
export type ComputeResourceType = typeof VMSS_TYPE | typeof VM_TYPE;

/** The lowest API version with `securityType` and `uefiSettings` (documented, and checked against the types). */
export const TRUSTED_LAUNCH_MINIMUM_API_VERSION: string = apiVersionTable.minimumTrustedLaunch.value;

/** What an API version says about a scale set or VM type. */
export interface ApiVersionInfo extends ApiVersionRow {
  /** False for a Microsoft.Compute version that does not define the type (e.g. disks-only 2023-04-02). */
  readonly definesType: boolean;
}

/** Extra properties the resource uses, each of which raises the minimum version. */
export interface ApiVersionNeeds {
  /** `upgradePolicy.rollingUpgradePolicy.maxSurge` (scale sets). */
  readonly maxSurge?: boolean;
  /** `securityType: ConfidentialVM`. */
  readonly confidentialVm?: boolean;
}

const rowsByType = new Map<ComputeResourceType, ReadonlyMap<string, ApiVersionRow>>(
  ([VMSS_TYPE, VM_TYPE] as const).map((type) => [
    type,
    new Map(apiVersionTable.resources[type].map((row) => [row.apiVersion.toLowerCase(), row])),
  ]),
);
const computeVersions = new Map(apiVersionTable.computeApiVersions.map((row) => [row.version.toLowerCase(), row]));

/** The scale set or VM type named by `type` (case-insensitive), or undefined for any other type. */
export function computeResourceType(type: string): ComputeResourceType | undefined {
  const lower = type.toLowerCase();
  if (lower === VMSS_TYPE.toLowerCase()) return VMSS_TYPE;
  if (lower === VM_TYPE.toLowerCase()) return VM_TYPE;
  return undefined;
}

function requireComputeType(type: string): ComputeResourceType {
  const known = computeResourceType(type);
  if (!known) throw new RangeError(`${type} is neither ${VMSS_TYPE} nor ${VM_TYPE}`);
  return known;
}

/** Orders `yyyy-mm-dd[-suffix]` API versions by date; a stable version sorts before its previews. */
export function compareApiVersions(a: string, b: string): number {
  const byDate = a.slice(0, 10).localeCompare(b.slice(0, 10));
  if (byDate !== 0) return byDate;
  return a.length - b.length || a.localeCompare(b);
}

/**
 * What `version` of a scale set or VM type can express. Undefined when the type is neither, or
 * when no Microsoft.Compute type uses the version at all; `definesType: false` when the version
 * exists for other Microsoft.Compute types only.
 */
export function apiVersionInfo(type: string, version: string): ApiVersionInfo | undefined {
  const known = computeResourceType(type);
  if (!known) return undefined;
  const row = rowsByType.get(known)?.get(version.toLowerCase());
  if (row) return { ...row, definesType: true };
  const compute = computeVersions.get(version.toLowerCase());
  if (!compute) return undefined;
  return {
    apiVersion: compute.version,
    preview: compute.preview,
    definesType: false,
    hasSecurityProfile: false,
    hasSecurityType: false,
    securityTypeLiterals: [],
    securityTypeAcceptsAnyString: false,
    hasUefiSettings: false,
    hasEncryptionAtHost: false,
    hasMaxSurge: false,
  };
}

function stableRows(type: string): readonly ApiVersionRow[] {
  return apiVersionTable.resources[requireComputeType(type)].filter((row) => !row.preview);
}

/**
 * The oldest stable version of the type that carries Trusted Launch and everything in `needs`
 * (2020-12-01; 2022-11-01 with maxSurge; 2021-11-01 with ConfidentialVM).
 * @throws RangeError when `type` is not a scale set or VM type, or no version has all of `needs`
 * (maxSurge on a VM type).
 */
export function minimumApiVersion(type: string, needs: ApiVersionNeeds = {}): string {
  const row = stableRows(type).find(
    (candidate) =>
      candidate.hasSecurityType &&
      candidate.hasUefiSettings &&
      (needs.maxSurge !== true || candidate.hasMaxSurge) &&
      (needs.confidentialVm !== true || candidate.securityTypeLiterals.includes('ConfidentialVM')),
  );
  if (!row) throw new RangeError(`no ${type} API version has ${JSON.stringify(needs)}`);
  return row.apiVersion;
}

/**
 * The newest stable (non-preview) version of the type at the data's bicep-types-az commit.
 * @throws RangeError when `type` is not a scale set or VM type.
 */
export function latestApiVersion(type: string): string {
  const row = stableRows(type).at(-1);
  if (!row) throw new RangeError(`no stable ${type} API version`);
  return row.apiVersion;
}

/** Whether any Microsoft.Compute resource type uses `version` (case-insensitive). */
export function isComputeApiVersion(version: string): boolean {
  return computeVersions.has(version.toLowerCase());
}

/** A Microsoft.Compute API version and the top-level types it defines ("disks", "galleries"…). */
export function computeApiVersion(version: string): ComputeApiVersionRow | undefined {
  return computeVersions.get(version.toLowerCase());
}
