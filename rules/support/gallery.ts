import type { FixSpec, Mode, ResourceView } from '../../src/engine/rule.js';
import { possibleValues } from '../../src/model/evaluated.js';
import type { FixIntent } from '../../src/model/fix.js';
import type { TextRange } from '../../src/model/source.js';
import { getProperty, type ArrayNode, type JsonValue, type ValueNode } from '../../src/model/value.js';

/** SecurityType feature values that let a gallery image boot Trusted Launch VMs (or Confidential VMs only). */
const ALLOWS_TRUSTED_LAUNCH = new Set(['trustedlaunchsupported', 'trustedlaunch', 'trustedlaunchandconfidentialvmsupported', 'confidentialvm']);

// `allowUpdateImage` ("must be set to true if the gallery image features are being updated") first
// appears in Microsoft.Compute 2024-03-03 (bicep-types-az generated/compute_1/microsoft.compute/2024-03-03).
const ALLOW_UPDATE_IMAGE_SINCE = '2024-03-03';

export interface Generation {
  /** `V1` or `V2` (upper-cased); `V1` when absent, the documented default. */
  readonly value: string;
  readonly range: TextRange;
}

/** The Hyper-V generation of a gallery image definition; undefined when it cannot be evaluated. */
export function hyperVGenerationOf(definition: ResourceView): Generation | undefined {
  const property = definition.get('properties.hyperVGeneration');
  if (!property) return { value: 'V1', range: definition.typeRange };
  const values = possibleValues(property.value)?.map((v) => (typeof v === 'string' ? v.toUpperCase() : undefined));
  if (!values || values.length === 0 || values.includes(undefined)) return undefined;
  return { value: values.includes('V2') ? 'V2' : (values[0] ?? 'V1'), range: property.node.range };
}

export interface SecurityTypeFeature {
  /** The feature's value; undefined when the definition has no SecurityType feature. */
  readonly value: string | undefined;
  readonly allowsTrustedLaunch: boolean;
  readonly range: TextRange;
  /** The written value of the feature, for a fix that replaces it. */
  readonly valueNode: ValueNode | undefined;
  /** The written `features` array, for a fix that appends to it. */
  readonly features: ArrayNode | undefined;
}

/** A member of an evaluated object, matched case-insensitively as ARM does. */
function member(item: JsonValue | undefined, key: string): JsonValue | undefined {
  if (item === null || item === undefined || typeof item !== 'object' || Array.isArray(item)) return undefined;
  const found = Object.keys(item).findLast((k) => k.toLowerCase() === key);
  return found === undefined ? undefined : item[found];
}

const isSecurityType = (item: JsonValue) => {
  const name = member(item, 'name');
  return typeof name === 'string' && name.toLowerCase() === 'securitytype';
};

/** The SecurityType entry of `properties.features`; undefined when the features cannot be evaluated. */
export function securityTypeOf(definition: ResourceView): SecurityTypeFeature | undefined {
  const property = definition.get('properties.features');
  if (!property) return { value: undefined, allowsTrustedLaunch: false, range: definition.typeRange, valueNode: undefined, features: undefined };
  if (property.value.kind !== 'known' || !Array.isArray(property.value.value)) return undefined;
  const items = property.value.value;
  const index = items.findIndex(isSecurityType);
  const value = member(items[index], 'value');
  const features = property.node.kind === 'array' ? property.node : undefined;
  const written = features?.items[index];
  const valueNode = written?.kind === 'object' ? getProperty(written, 'value')?.value : undefined;
  return {
    value: typeof value === 'string' ? value : undefined,
    allowsTrustedLaunch: typeof value === 'string' && ALLOWS_TRUSTED_LAUNCH.has(value.toLowerCase()),
    range: valueNode?.range ?? property.node.range,
    valueNode,
    features,
  };
}

/** ConfidentialVmSupported keeps its Confidential VM support; anything else becomes TrustedLaunchSupported (Gen2 and Trusted Launch VMs). */
function target(current: string | undefined): string {
  return current?.toLowerCase() === 'confidentialvmsupported' ? 'TrustedLaunchAndConfidentialVmSupported' : 'TrustedLaunchSupported';
}

function featureIntent(definition: ResourceView, feature: SecurityTypeFeature, value: string): FixIntent | undefined {
  if (feature.valueNode) return { kind: 'replace', node: feature.valueNode, value };
  if (feature.features) return { kind: 'append', array: feature.features, value: { name: 'SecurityType', value } };
  if (definition.get('properties.features')) return undefined;
  const at = definition.deepestObject('properties.features');
  return at && { kind: 'set', object: at.object, path: at.rest, value: [{ name: 'SecurityType', value }] };
}

/**
 * Sets the SecurityType feature. Updating the features of a definition that already exists needs
 * `allowUpdateImage: true` (API 2024-03-03 and later), so upgrade mode adds it when the API has it.
 */
export function galleryImageFeatureFix(definition: ResourceView, feature: SecurityTypeFeature, mode: Mode): FixSpec[] {
  const value = target(feature.value);
  const intent = featureIntent(definition, feature, value);
  if (!intent) return [];
  const intents: FixIntent[] = [intent];
  const { apiVersion } = definition;
  const canAllowUpdate = apiVersion.kind === 'known' && typeof apiVersion.value === 'string' && apiVersion.value >= ALLOW_UPDATE_IMAGE_SINCE;
  const allowAt = mode === 'upgrade' && canAllowUpdate && !definition.get('properties.allowUpdateImage') ? definition.deepestObject('properties.allowUpdateImage') : undefined;
  if (allowAt) intents.push({ kind: 'set', object: allowAt.object, path: allowAt.rest, value: true });
  return [{ title: `Set the SecurityType feature to ${value}${allowAt ? ' with allowUpdateImage' : ''}`, applicability: 'unsafe', intents }];
}
