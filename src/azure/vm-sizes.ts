// VM size classification for Trusted Launch (see generated/vm-sizes.ts). Size families:
// https://learn.microsoft.com/azure/virtual-machines/trusted-launch#virtual-machines-sizes
import { vmSizeTable } from './generated/vm-sizes.js';
import type { Confidence, SizeFamilyRow, SizeStatus, WorkloadClass } from './types.js';

export interface VmSizeStatus {
  readonly status: SizeStatus;
  readonly family: string;
  readonly gen1Only: boolean;
  readonly arm64: boolean;
  readonly workloadClass: WorkloadClass;
  readonly confidence: Confidence;
  readonly notes: string;
  readonly source: string;
}

export interface SizeSuggestion {
  readonly size: string;
  readonly family: string;
  /** `premiumTwin`: the same size with premium storage (Gen1 and Gen2); else an example of the class. */
  readonly reason: 'premiumTwin' | 'sameWorkloadClass';
  readonly source: string;
}

const families = vmSizeTable.families.map((row) => ({ row, pattern: new RegExp(row.namePattern, 'i') }));
const classes = vmSizeTable.workloadClasses.map((row) => ({ id: row.id, pattern: new RegExp(row.namePattern, 'i') }));
const twins = vmSizeTable.premiumTwins.map((row) => ({ row, pattern: new RegExp(row.namePattern, 'i') }));

/**
 * Size names are a few dozen characters. Some family patterns backtrack quadratically on long
 * input (`^Standard_NC\d+[a-z_0-9]*_v\d+$`): a longer name, which matches no size anyway, is not tried.
 */
const MAX_SIZE_NAME = 128;

function familyOf(sizeName: string): SizeFamilyRow | undefined {
  if (sizeName.length > MAX_SIZE_NAME) return undefined;
  return families.find(({ pattern }) => pattern.test(sizeName))?.row;
}

/**
 * The Trusted Launch status of a size name (case-insensitive; first matching family wins).
 * Undefined when no family matches (e.g. `Standard_D2`, `Standard_F2`): unknown, verify with the
 * Resource SKUs API (`TrustedLaunchDisabled` capability).
 */
export function vmSizeStatus(sizeName: string): VmSizeStatus | undefined {
  const row = familyOf(sizeName);
  if (!row) return undefined;
  const { status, family, gen1Only, arm64, workloadClass, confidence, notes, source } = row;
  return { status, family, gen1Only, arm64, workloadClass, confidence, notes, source };
}

/** The workload class (general purpose, memory optimized, GPU…) a size name belongs to. */
export function workloadClassOf(sizeName: string): WorkloadClass | undefined {
  if (sizeName.length > MAX_SIZE_NAME) return undefined;
  return classes.find(({ pattern }) => pattern.test(sizeName))?.id;
}

/**
 * Supported sizes to suggest instead of `sizeName`: its premium-storage twin when that is
 * supported (`Standard_D2_v3` → `Standard_D2s_v3`), then one documented example per supported
 * family of the same workload class and CPU architecture.
 */
export function supportedSizesLike(sizeName: string): readonly SizeSuggestion[] {
  const suggestions: SizeSuggestion[] = [];
  if (sizeName.length > MAX_SIZE_NAME) return suggestions;
  const add = (suggestion: SizeSuggestion) => {
    const taken = suggestions.some((s) => s.size.toLowerCase() === suggestion.size.toLowerCase());
    if (!taken && suggestion.size.toLowerCase() !== sizeName.toLowerCase()) suggestions.push(suggestion);
  };
  for (const { row, pattern } of twins) {
    if (!pattern.test(sizeName)) continue;
    const size = sizeName.replace(pattern, row.replacement);
    const twin = familyOf(size);
    if (twin?.status === 'supported') add({ size, family: twin.family, reason: 'premiumTwin', source: row.source });
  }
  const own = familyOf(sizeName);
  const workloadClass = own?.workloadClass ?? workloadClassOf(sizeName);
  const arm64 = own?.arm64 ?? false;
  for (const { row } of families) {
    const example = row.examples[0];
    const alike = row.workloadClass === workloadClass && row.arm64 === arm64;
    if (example !== undefined && alike && row.status === 'supported' && row.confidence === 'documented') {
      add({ size: example, family: row.family, reason: 'sameWorkloadClass', source: row.source });
    }
  }
  return suggestions;
}
