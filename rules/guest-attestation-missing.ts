import { guestAttestationExtension, type JsonValue as DataValue } from '../src/azure/index.js';
import { defineRule, noOptions, type FixSpec, type ResourceView } from '../src/engine/rule.js';
import { printExpression } from '../src/model/expr/index.js';
import type { FixIntent } from '../src/model/fix.js';
import { getProperty, type JsonValue } from '../src/model/value.js';
import { guestAttestationsOf } from './support/attestation.js';
import { computeResources, describe, isScaleSet, isTrustedLaunchCapable } from './support/compute.js';
import { decidingNode, describeChanges, scenariosFor, type Scenario } from './support/scenarios.js';
import { extensionsOf } from './support/extensions.js';
import { decideOs } from './support/os.js';
import { UEFI_FLAGS, flagPath, flagState, isOn, securityProfilePath, trustedLaunchType } from './support/uefi.js';

// Guest attestation (boot integrity monitoring) is the recommended last step of enabling Trusted
// Launch. https://learn.microsoft.com/azure/virtual-machines/boot-integrity-monitoring-overview
export default defineRule({
  meta: {
    id: 'guest-attestation-missing',
    level: 'warn',
    mode: 'both',
    description: 'Recommends the GuestAttestation extension on Trusted Launch scale sets and VMs with Secure Boot and vTPM on.',
    messages: {
      missing: 'The {{resource}} runs Trusted Launch with Secure Boot and vTPM on but has no GuestAttestation extension: nothing attests its boot integrity.',
      missingOverridable:
        'The {{resource}} runs Trusted Launch with Secure Boot and vTPM on but has no GuestAttestation extension: nothing attests its boot integrity. No fix: a parameter can turn Trusted Launch, Secure Boot or vTPM off ({{when}}), so the extension needs a condition that requires all three; add it as a separate extension resource with such a condition.',
      missingUnknownOs:
        'The {{resource}} runs Trusted Launch with Secure Boot and vTPM on but has no GuestAttestation extension: nothing attests its boot integrity. No fix: its OS cannot be told from osDisk.osType, osProfile or the image, so the publisher (Windows or Linux attestation) is unknown.',
    },
    fix: 'unsafe',
    options: noOptions,
  },
  check(context) {
    for (const resource of computeResources(context.template)) {
      if (trustedLaunchType(resource) === undefined) continue;
      if (!UEFI_FLAGS.every((flag) => flagState(resource, flag).state === 'on')) continue;
      if (guestAttestationsOf(resource).length > 0 || hasUnknownExtensions(resource)) continue;
      const os = decideOs(resource);
      const data = { resource: describe(resource) };
      const overridable = offScenario(resource);
      if (overridable) {
        context.report({ messageId: 'missingOverridable', data: { ...data, when: describeChanges(overridable.changes) }, range: resource.typeRange, resource });
        continue;
      }
      if (!os) {
        context.report({ messageId: 'missingUnknownOs', data, range: resource.typeRange, resource });
        continue;
      }
      const extension = guestAttestationExtension(os.os);
      const properties: JsonValue = {
        publisher: extension.publisher,
        type: extension.type,
        typeHandlerVersion: extension.typeHandlerVersion,
        autoUpgradeMinorVersion: extension.autoUpgradeMinorVersion,
        enableAutomaticUpgrade: extension.enableAutomaticUpgrade,
        settings: mutableCopy(extension.settings),
      };
      const intent = addIntent(resource, properties);
      const fixes: FixSpec[] = intent ? [{ title: `Add the ${os.os} GuestAttestation extension`, applicability: 'unsafe', intents: [intent] }] : [];
      context.report({ messageId: 'missing', data, range: resource.typeRange, resource, fixes });
    }
  },
});

/**
 * A deployment in which a parameter turns Trusted Launch or a UEFI flag off: an extension added
 * without a condition would then deploy and fail.
 */
function offScenario(resource: ResourceView): Scenario | undefined {
  const securityType = decidingNode(resource, `${securityProfilePath(resource)}.securityType`);
  const roots = [securityType, ...UEFI_FLAGS.map((flag) => decidingNode(resource, flagPath(resource, flag)))];
  return scenariosFor(resource, roots).find((scenario) => {
    if (scenario.changes.length === 0) return false;
    const type = scenario.valueAt(resource, `${securityProfilePath(resource)}.securityType`);
    if (type?.kind !== 'known' || !isTrustedLaunchCapable(type.value)) return true;
    return UEFI_FLAGS.some((flag) => {
      const value = scenario.valueAt(resource, flagPath(resource, flag));
      return value?.kind !== 'known' || !isOn(value.value);
    });
  });
}

/** Extensions written by an expression that cannot be evaluated may well include GuestAttestation. */
function hasUnknownExtensions(resource: ResourceView): boolean {
  const list = isScaleSet(resource) ? resource.get('properties.virtualMachineProfile.extensionProfile.extensions') : undefined;
  if (list && list.node.kind !== 'array') return true;
  return extensionsOf(resource).some((extension) => extension.type === undefined);
}

const EXTENSION_NAME = 'GuestAttestation';

/**
 * A scale set with a written extensionProfile gets an entry there, as its other extensions are;
 * otherwise (and for VMs) a child extension resource.
 */
function addIntent(resource: ResourceView, properties: JsonValue): FixIntent | undefined {
  const profile = isScaleSet(resource) ? resource.get('properties.virtualMachineProfile.extensionProfile') : undefined;
  if (profile?.node.kind === 'object') {
    const entry = { name: EXTENSION_NAME, properties };
    const list = getProperty(profile.node, 'extensions')?.value;
    if (list?.kind === 'array' && list.copyCount === undefined) return { kind: 'append', array: list, value: entry };
    if (!list) return { kind: 'set', object: profile.node, path: ['extensions'], value: [entry] };
  }
  const apiVersion = resource.apiVersion;
  if (apiVersion.kind !== 'known' || typeof apiVersion.value !== 'string') return undefined;
  // VM extensions need a location (the VM's); scale set extensions have none.
  const location = isScaleSet(resource) ? undefined : writtenLocation(resource);
  if (!isScaleSet(resource) && location === undefined) return undefined;
  const body: Readonly<Record<string, JsonValue>> = location === undefined ? { properties } : { location, properties };
  return { kind: 'add-child-resource', parent: resource.model, childType: 'extensions', name: EXTENSION_NAME, apiVersion: apiVersion.value, body };
}

function writtenLocation(resource: ResourceView): JsonValue | undefined {
  const node = getProperty(resource.node, 'location')?.value;
  if (node?.kind === 'literal') return node.value;
  return node?.kind === 'expression' && node.expr ? `[${printExpression(node.expr)}]` : undefined;
}

/** The data tables hold read-only JSON; fix intents take plain JSON. */
function mutableCopy(value: DataValue): JsonValue {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return (value as readonly DataValue[]).map(mutableCopy);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mutableCopy(item)]));
}
