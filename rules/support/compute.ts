import type { FixIntent } from '../../src/model/fix.js';
import type { ResourceView, TemplateView } from '../../src/engine/rule.js';

export const VMSS = 'Microsoft.Compute/virtualMachineScaleSets';
export const VM = 'Microsoft.Compute/virtualMachines';

export const isScaleSet = (resource: ResourceView) => resource.type.toLowerCase() === VMSS.toLowerCase();

/** Scale sets and VMs this template deploys (not `existing` references). */
export function computeResources(template: TemplateView): readonly ResourceView[] {
  return template.ofType(VMSS, VM);
}

/**
 * Where the VM settings live: a scale set's `virtualMachineProfile`, a VM's `properties`.
 * https://learn.microsoft.com/azure/virtual-machines/trusted-launch-existing-vmss
 */
export function profilePath(resource: ResourceView): string {
  return isScaleSet(resource) ? 'properties.virtualMachineProfile' : 'properties';
}

/** "scale set 'web'" / "VM 'vm1'", with the name when it can be evaluated. */
export function describe(resource: ResourceView): string {
  const kind = isScaleSet(resource) ? 'scale set' : 'VM';
  const { name } = resource;
  if (name.kind === 'known' && typeof name.value === 'string') return `${kind} '${name.value}'`;
  return resource.symbolicName ? `${kind} '${resource.symbolicName}'` : kind;
}

/** The values of securityType that are not Trusted Launch's blockers. */
export function isTrustedLaunchCapable(value: unknown): boolean {
  return typeof value === 'string' && ['trustedlaunch', 'confidentialvm'].includes(value.toLowerCase());
}

/**
 * Intents that complete the Trusted Launch shape: securityType, then each UEFI flag that is
 * missing. Flags that are present stay as they are (a false Secure Boot can be deliberate:
 * unsigned drivers need it off), and other securityProfile keys such as encryptionAtHost are kept.
 */
export function trustedLaunchShapeIntents(resource: ResourceView): FixIntent[] | undefined {
  const base = `${profilePath(resource)}.securityProfile`;
  const uefi = resource.get(`${base}.uefiSettings`);
  const flags = { secureBootEnabled: true, vTpmEnabled: true };
  const intents: FixIntent[] = [];
  const typeAt = resource.deepestObject(`${base}.securityType`);
  if (!typeAt) return undefined;
  intents.push({ kind: 'set', object: typeAt.object, path: typeAt.rest, value: 'TrustedLaunch' });
  if (uefi?.node.kind !== 'object') {
    // An expression (e.g. `if(…, variables('uefiSettingsJson'), null())`) is the author's choice: keep it.
    if (uefi && uefi.node.kind !== 'literal') return intents;
    const at = resource.deepestObject(base);
    if (!at) return undefined;
    intents.push({ kind: 'set', object: at.object, path: [...at.rest, 'uefiSettings'], value: flags });
    return intents;
  }
  for (const [flag, value] of Object.entries(flags)) {
    if (!resource.get(`${base}.uefiSettings.${flag}`)) intents.push({ kind: 'set', object: uefi.node, path: [flag], value });
  }
  return intents;
}
