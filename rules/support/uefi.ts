import type { PropertyView, RelatedLocation, ResourceView } from '../../src/engine/rule.js';
import { possibleValues } from '../../src/model/evaluated.js';
import type { FixIntent } from '../../src/model/fix.js';
import type { JsonValue } from '../../src/model/value.js';
import { isTrustedLaunchCapable, profilePath } from './compute.js';
import { declaredVariableName } from './template-scope.js';

// The Trusted Launch shape: securityType plus uefiSettings.secureBootEnabled and vTpmEnabled.
// https://learn.microsoft.com/azure/virtual-machines/trusted-launch-existing-vmss

export interface UefiFlag {
  readonly key: 'secureBootEnabled' | 'vTpmEnabled';
  readonly feature: 'Secure Boot' | 'vTPM';
}

export const SECURE_BOOT: UefiFlag = { key: 'secureBootEnabled', feature: 'Secure Boot' };
export const VTPM: UefiFlag = { key: 'vTpmEnabled', feature: 'vTPM' };
export const UEFI_FLAGS: readonly UefiFlag[] = [SECURE_BOOT, VTPM];

export const securityProfilePath = (resource: ResourceView) => `${profilePath(resource)}.securityProfile`;
export const flagPath = (resource: ResourceView, flag: UefiFlag) => `${securityProfilePath(resource)}.uefiSettings.${flag.key}`;

/** ARM reads the string 'true' as a boolean too. */
export function isOn(value: JsonValue): boolean {
  return value === true || (typeof value === 'string' && value.toLowerCase() === 'true');
}

/** "Secure Boot and vTPM". */
export const featureList = (flags: readonly UefiFlag[], joiner = ' and ') => flags.map((f) => f.feature).join(joiner);

/**
 * The securityType when every value it can take is TrustedLaunch or ConfidentialVM (the types
 * that have UEFI settings); undefined otherwise.
 */
export function trustedLaunchType(resource: ResourceView): string | undefined {
  const view = resource.get(`${securityProfilePath(resource)}.securityType`);
  const values = view && possibleValues(view.value);
  if (!values || values.length === 0 || !values.every(isTrustedLaunchCapable)) return undefined;
  return values.map(String).join("' or '");
}

export type FlagState =
  | { readonly state: 'on' }
  | { readonly state: 'unknown' }
  | { readonly state: 'missing' }
  | { readonly state: 'off'; readonly view: PropertyView; readonly value: JsonValue };

/** Whether a flag is on with the current values: a flag that is absent or null is missing. */
export function flagState(resource: ResourceView, flag: UefiFlag): FlagState {
  const view = resource.get(flagPath(resource, flag));
  if (!view) return { state: 'missing' };
  const { value } = view;
  if (value.kind === 'known' && value.value === null) return { state: 'missing' };
  if (value.kind !== 'known') return possibleValues(value)?.every(isOn) ? { state: 'on' } : { state: 'unknown' };
  return isOn(value.value) ? { state: 'on' } : { state: 'off', view, value: value.value };
}

export interface TurnOn {
  readonly intents: readonly FixIntent[];
  /** The value is decided by a parameter default or a variable that other resources may read. */
  readonly shared: boolean;
  /** Where the value is decided, when that is not the flag itself. */
  readonly related: readonly RelatedLocation[];
}

/**
 * Sets a flag true where its value is decided: the flag, the parameter default or the variable it
 * comes from, or a new property. Undefined when it cannot be written there (an expression, a
 * parameter file, an object built by an expression).
 */
export function turnOn(resource: ResourceView, flag: UefiFlag): TurnOn | undefined {
  const path = flagPath(resource, flag);
  const view = resource.get(path);
  if (!view) return createFlags(resource, [flag]);
  if (view.value.kind !== 'known') return undefined;
  const origin = view.value.origin;
  const node = origin?.node ?? view.node;
  if (node.kind !== 'literal' || origin?.via === 'parameter-file') return undefined;
  const shared = origin !== undefined && origin.via !== 'literal';
  const where = origin?.parameter !== undefined ? `the default of parameter '${origin.parameter}'` : `variable '${declaredVariableName(resource.model.deployment, origin?.variable ?? '')}'`;
  const related = shared ? [{ file: node.file, range: node.range, message: `${flag.key} is decided by ${where} here` }] : [];
  return { intents: [{ kind: 'replace', node, value: true }], shared, related };
}

/** Sets several flags true: one object when uefiSettings has to be written, else flag by flag. */
export function turnOnAll(resource: ResourceView, flags: readonly UefiFlag[]): TurnOn | undefined {
  const uefi = resource.get(`${securityProfilePath(resource)}.uefiSettings`);
  const written = uefi !== undefined && !(uefi.node.kind === 'literal' && uefi.node.value === null);
  if (!written) return createFlags(resource, flags);
  const each = flags.map((flag) => turnOn(resource, flag));
  if (each.some((t) => t === undefined)) return undefined;
  const done = each.filter((t) => t !== undefined);
  return { intents: done.flatMap((t) => t.intents), shared: done.some((t) => t.shared), related: done.flatMap((t) => t.related) };
}

/** Writes the flags where uefiSettings is missing, or replaces a `"uefiSettings": null` written on the resource. */
function createFlags(resource: ResourceView, flags: readonly UefiFlag[]): TurnOn | undefined {
  const uefiPath = `${securityProfilePath(resource)}.uefiSettings`;
  const uefi = resource.get(uefiPath);
  const value = Object.fromEntries(flags.map((flag) => [flag.key, true]));
  if (uefi?.node.kind === 'literal' && uefi.node.value === null && uefi.value.kind === 'known' && uefi.value.origin?.via === 'literal') {
    return { intents: [{ kind: 'replace', node: uefi.node, value }], shared: false, related: [] };
  }
  if (uefi) {
    const [flag] = flags;
    const at = flags.length === 1 && flag ? resource.deepestObject(flagPath(resource, flag)) : undefined;
    return at ? { intents: [{ kind: 'set', object: at.object, path: at.rest, value: true }], shared: false, related: [] } : undefined;
  }
  const at = resource.deepestObject(uefiPath);
  return at ? { intents: [{ kind: 'set', object: at.object, path: at.rest, value }], shared: false, related: [] } : undefined;
}
