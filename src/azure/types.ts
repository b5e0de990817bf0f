// Shapes of the generated tables in ./generated (written by scripts/generate-data.mjs).
// tsc checks every generated literal against these types.

export type OsType = 'Windows' | 'Linux';

/** How a fact is known (trusted-launch-facts.md, "Confidence labels"). */
export type Confidence = 'documented' | 'convention' | 'uncertain' | 'conflicting';

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export interface SourcedValue {
  readonly value: string;
  readonly source: string;
}

/** Fields every generated table starts with. */
export interface GeneratedHeader {
  readonly $comment: string;
  /** The research date of ../shared (trusted-launch-facts.md). */
  readonly dataDate: string;
}

// ---- API versions -------------------------------------------------------------------------

/** What one API version of virtualMachineScaleSets / virtualMachines can express. */
export interface ApiVersionRow {
  readonly apiVersion: string;
  readonly preview: boolean;
  readonly hasSecurityProfile: boolean;
  readonly hasSecurityType: boolean;
  readonly securityTypeLiterals: readonly string[];
  /** The Bicep type is a union with string: other values are not rejected client-side. */
  readonly securityTypeAcceptsAnyString: boolean;
  readonly hasUefiSettings: boolean;
  readonly hasEncryptionAtHost: boolean;
  /** `upgradePolicy.rollingUpgradePolicy.maxSurge` (scale sets only; always false for VMs). */
  readonly hasMaxSurge: boolean;
}

/**
 * An API version of the Microsoft.Compute provider and the top-level types (`disks`, `galleries`,
 * `locations`…) it defines resources or resource functions (`list*` actions) for.
 */
export interface ComputeApiVersionRow {
  readonly version: string;
  readonly preview: boolean;
  readonly resourceTypes: readonly string[];
}

export interface ApiVersionTable extends GeneratedHeader {
  readonly source: string;
  readonly sourceCommit: string;
  readonly sourceCommitDate: string;
  readonly minimumTrustedLaunch: SourcedValue;
  readonly computeApiVersions: readonly ComputeApiVersionRow[];
  readonly resources: {
    readonly 'Microsoft.Compute/virtualMachineScaleSets': readonly ApiVersionRow[];
    readonly 'Microsoft.Compute/virtualMachines': readonly ApiVersionRow[];
  };
}

// ---- VM sizes ------------------------------------------------------------------------------

export type SizeStatus = 'supported' | 'currentlyNotSupported' | 'notSupported' | 'uncertain';

export type WorkloadClass =
  | 'generalPurpose'
  | 'computeOptimized'
  | 'memoryOptimized'
  | 'storageOptimized'
  | 'gpu'
  | 'hpc';

export interface SizeFamilyRow {
  readonly family: string;
  /** Case-insensitive; the first matching row wins. */
  readonly namePattern: string;
  readonly status: SizeStatus;
  readonly gen1Only: boolean;
  readonly arm64: boolean;
  readonly workloadClass: WorkloadClass;
  readonly examples: readonly string[];
  readonly confidence: Confidence;
  readonly notes: string;
  readonly source: string;
}

export interface WorkloadClassRow {
  readonly id: WorkloadClass;
  readonly label: string;
  readonly namePattern: string;
  readonly source: string;
}

/** A Gen1-only size whose premium-storage twin (same vCPUs) supports Trusted Launch. */
export interface PremiumTwinRow {
  readonly family: string;
  readonly namePattern: string;
  /** `String.prototype.replace` replacement for `namePattern`. */
  readonly replacement: string;
  readonly source: string;
}

export interface VmSizeTable extends GeneratedHeader {
  readonly authoritativeCheck: { readonly api: string; readonly rule: string; readonly source: string };
  readonly families: readonly SizeFamilyRow[];
  readonly workloadClasses: readonly WorkloadClassRow[];
  readonly premiumTwins: readonly PremiumTwinRow[];
}

// ---- Images --------------------------------------------------------------------------------

export interface OfferSku {
  readonly offer: string;
  readonly sku: string;
}

export interface ImagePairRow {
  readonly os: string;
  readonly publisher: string;
  /** null: the OS has no Gen1 image (Gen2-only SKUs). */
  readonly gen1: OfferSku | null;
  /** null: no Gen2 SKU name is known. */
  readonly gen2: OfferSku | null;
  /** Whether the OS is on the Trusted Launch list; null when that cannot be told. */
  readonly trustedLaunchSupportedOs: boolean | null;
  readonly confidence: Confidence;
  readonly notes: string;
  readonly source: string;
}

export interface ImageTable extends GeneratedHeader {
  readonly authoritativeCheck: { readonly command: string; readonly rule: string; readonly source: string };
  readonly pairs: readonly ImagePairRow[];
}

// ---- Extensions ----------------------------------------------------------------------------

export type ExtensionRole =
  | 'guestAttestation'
  | 'serviceFabricNode'
  | 'azureDiskEncryption'
  | 'applicationHealth'
  | 'nvidiaGpuDriver';

/** The properties of an extension the fixes write (publisher and type aside). */
export interface ExtensionTemplate {
  readonly typeHandlerVersion: string;
  readonly autoUpgradeMinorVersion: boolean;
  readonly enableAutomaticUpgrade: boolean;
  readonly settings: JsonValue;
}

export interface ExtensionRow {
  readonly role: ExtensionRole;
  readonly publisher: string;
  readonly type: string;
  readonly os: OsType;
  readonly purpose: string;
  readonly template?: ExtensionTemplate;
  readonly source: string;
}

export interface ExtensionTable extends GeneratedHeader {
  readonly extensions: readonly ExtensionRow[];
}

// ---- Operating systems ---------------------------------------------------------------------

export interface PublisherListRow {
  readonly os: OsType;
  readonly names: readonly string[];
  readonly source: string;
}

/** An image whose OS follows from its offer; publisher `*` is any publisher. */
export interface OfferRuleRow {
  readonly publisher: string;
  /** Case-insensitive. */
  readonly offerPattern: string;
  readonly os: OsType;
  readonly source: string;
}

export interface SupportedOsRow {
  readonly os: string;
  readonly versions2025: string;
  readonly versions2023: string;
  readonly source: string;
}

export interface OsTable extends GeneratedHeader {
  readonly publishers: readonly PublisherListRow[];
  readonly offerRules: readonly OfferRuleRow[];
  readonly supportedOs: readonly SupportedOsRow[];
  readonly arm64Note: { readonly text: string; readonly source: string };
  readonly gen1UpgradeExclusions: { readonly text: string; readonly source: string };
}

// ---- Limitations ---------------------------------------------------------------------------

export interface LimitationRow {
  readonly id: string;
  readonly title: string;
  readonly appliesTo: readonly ('vm' | 'vmss')[];
  readonly status: string;
  readonly templateDetectable: boolean;
  readonly source: string;
}

export interface LimitationTable extends GeneratedHeader {
  readonly limitations: readonly LimitationRow[];
}

// ---- Data version --------------------------------------------------------------------------

export interface DataVersionTable extends GeneratedHeader {
  readonly factsResearchDate: string;
  readonly bicepTypesAz: { readonly repository: string; readonly commit: string; readonly commitDate: string };
  readonly version: string;
}
