import { guestAttestationExtension } from '../../src/azure/index.js';
import type { ResourceView } from '../../src/engine/rule.js';
import type { TextRange } from '../../src/model/source.js';
import { getProperty, type ObjectNode } from '../../src/model/value.js';
import { extensionsOf, type ExtensionView } from './extensions.js';

// Extension type `GuestAttestation`, whichever publisher (a wrong one is attestation-publisher-mismatch's
// business). https://learn.microsoft.com/azure/virtual-machines/boot-integrity-monitoring-overview
const GUEST_ATTESTATION_TYPE = guestAttestationExtension('Windows').type.toLowerCase();

export const isGuestAttestationExtension = (extension: ExtensionView) => extension.type?.toLowerCase() === GUEST_ATTESTATION_TYPE;

function knownString(scope: ResourceView, properties: ObjectNode | undefined, key: string) {
  const node = properties && getProperty(properties, key)?.value;
  const value = node && scope.eval(node);
  return { node, value: value?.kind === 'known' && typeof value.value === 'string' ? value.value : undefined };
}

function propertiesOf(resource: ResourceView): ObjectNode | undefined {
  const node = getProperty(resource.node, 'properties')?.value;
  return node?.kind === 'object' ? node : undefined;
}

/**
 * Extension resources that no scale set or VM claims by name or dependsOn: looped machines whose
 * looped extensions name them through `copyIndex()` (quickstart `multi-vm-lb-zones`) or depend on
 * the copy loop's name. They belong to the machine when it is the only one of its type in the deployment.
 */
function unclaimedExtensions(resource: ResourceView): ExtensionView[] {
  const extensionType = `${resource.type}/extensions`.toLowerCase();
  const sameDeployment = (other: ResourceView) => other.model.deployment === resource.model.deployment;
  // Stops at the second owner: asked once per machine, a full count would scan every machine.
  let owners = 0;
  for (const other of resource.template.ofType(resource.type)) if (sameDeployment(other) && ++owners > 1) return [];
  if (owners !== 1) return [];
  const claimed = new Set(resource.template.ofType(resource.type).flatMap((owner) => owner.related(extensionType)));
  return resource.template.resources
    .filter((other) => other.type.toLowerCase() === extensionType && sameDeployment(other) && other.parent === undefined && !claimed.has(other))
    .map((other) => {
      const properties = propertiesOf(other);
      const publisher = knownString(other, properties, 'publisher');
      const type = knownString(other, properties, 'type').value;
      return { node: other.node, properties, publisher: publisher.value, publisherNode: publisher.node, type, resource: other, condition: other.condition, where: 'top-level resource' };
    });
}

/** The GuestAttestation extensions of a scale set or VM, wherever they are declared. */
export function guestAttestationsOf(resource: ResourceView): ExtensionView[] {
  return [...extensionsOf(resource), ...unclaimedExtensions(resource)].filter(isGuestAttestationExtension);
}

/** Where a finding about an extension points: a resource's type, an extensionProfile entry's `type`. */
export function extensionRange(extension: ExtensionView): TextRange {
  if (extension.resource) return extension.resource.typeRange;
  const type = extension.properties && getProperty(extension.properties, 'type');
  return (type?.value ?? extension.node).range;
}
