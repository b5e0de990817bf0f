import { extensionRole } from '../../src/azure/index.js';
import type { PropertyView, ResourceView } from '../../src/engine/rule.js';
import { possibleValues } from '../../src/model/evaluated.js';
import { extensionsOf } from './extensions.js';
import { isPartialUpdate } from './partial.js';

export const UPGRADE_POLICY = 'properties.upgradePolicy';
export const UPGRADE_MODE = `${UPGRADE_POLICY}.mode`;
export const ROLLING_UPGRADE_POLICY = `${UPGRADE_POLICY}.rollingUpgradePolicy`;
export const MAX_SURGE = `${ROLLING_UPGRADE_POLICY}.maxSurge`;

export type UpgradeModeName = 'Manual' | 'Automatic' | 'Rolling';

export interface UpgradeMode {
  /** The written `upgradePolicy.mode`; undefined when absent. */
  readonly view: PropertyView | undefined;
  /**
   * The modes it can take (absent counts as Manual); undefined when it cannot be evaluated, or when
   * a partial update leaves it out (the existing scale set keeps its mode).
   */
  readonly values: readonly string[] | undefined;
}

export const isMode = (value: string, mode: UpgradeModeName): boolean => value.toLowerCase() === mode.toLowerCase();

/**
 * A scale set's upgrade mode. Without `upgradePolicy.mode` a scale set is Manual:
 * https://learn.microsoft.com/azure/virtual-machine-scale-sets/virtual-machine-scale-sets-upgrade-policy
 */
export function upgradeMode(resource: ResourceView): UpgradeMode {
  const view = resource.get(UPGRADE_MODE);
  if (!view) return { view, values: isPartialUpdate(resource) ? undefined : ['Manual'] };
  const values = possibleValues(view.value);
  return { view, values: values?.map((value) => (value === null ? 'Manual' : typeof value === 'string' ? value : JSON.stringify(value))) };
}

/**
 * Whether `rollingUpgradePolicy.maxSurge` can be true (the maxSurge doc's own sample writes the
 * string "true"); undefined when it cannot be evaluated or a partial update leaves it out.
 * https://learn.microsoft.com/azure/virtual-machine-scale-sets/virtual-machine-scale-sets-maxsurge
 */
export function maxSurgeOn(resource: ResourceView): boolean | undefined {
  const view = resource.get(MAX_SURGE);
  if (!view) return isPartialUpdate(resource) ? undefined : false;
  const values = possibleValues(view.value);
  return values?.some((value) => value === true || (typeof value === 'string' && value.toLowerCase() === 'true'));
}

/**
 * An application health extension or a load balancer health probe: Rolling upgrades need one.
 * https://learn.microsoft.com/azure/virtual-machine-scale-sets/virtual-machine-scale-sets-maxsurge
 */
export function hasHealthSignal(resource: ResourceView): boolean {
  if (resource.get('properties.virtualMachineProfile.networkProfile.healthProbe')) return true;
  return extensionsOf(resource).some((e) => e.publisher !== undefined && e.type !== undefined && extensionRole(e.publisher, e.type)?.role === 'applicationHealth');
}
