import { defineRule, noOptions } from '../src/engine/rule.js';
import { computeResources, describe, isScaleSet } from './support/compute.js';
import { decidedAt } from './support/origin.js';
import { isMode, UPGRADE_POLICY, upgradeMode } from './support/upgrade-policy.js';

// With a Manual upgrade policy, a changed scale set model reaches the instances only when they are
// updated: https://learn.microsoft.com/azure/virtual-machines/trusted-launch-existing-vmss (update the instances)
export default defineRule({
  meta: {
    id: 'manual-upgrade-policy',
    level: 'info',
    mode: 'upgrade',
    description: 'Notes scale sets with a Manual upgrade policy, whose instances must be updated after the Trusted Launch deployment.',
    messages: {
      manual:
        "The {{resource}} has upgradePolicy mode '{{mode}}': after deploying the Trusted Launch change, update its instances (Update-AzVmssInstance or az vmss update-instances), or they keep running without Trusted Launch.",
      absent:
        'The {{resource}} has no upgradePolicy mode, so it is Manual: after deploying the Trusted Launch change, update its instances (Update-AzVmssInstance or az vmss update-instances), or they keep running without Trusted Launch.',
      keepsExisting:
        'This partial update of the {{resource}} does not set upgradePolicy mode, so the scale set keeps its own: if that is Manual (the default), update its instances after deploying (Update-AzVmssInstance or az vmss update-instances), or they keep running without Trusted Launch.',
    },
    fix: 'none',
    options: noOptions,
  },
  check(context) {
    for (const resource of computeResources(context.template).filter(isScaleSet)) {
      // Without a scale set model (a Flexible scale set of separately declared VMs) there is nothing to roll out.
      if (!resource.get('properties.virtualMachineProfile')) continue;
      const mode = upgradeMode(resource);
      const data = { resource: describe(resource) };
      const range = resource.get(UPGRADE_POLICY)?.node.range ?? resource.typeRange;
      if (!mode.view) {
        context.report({ messageId: mode.values ? 'absent' : 'keepsExisting', data, range, resource });
        continue;
      }
      if (!mode.values || mode.values.length === 0 || !mode.values.every((value) => isMode(value, 'Manual'))) continue;
      const value = String(mode.values[0]);
      context.report({ messageId: 'manual', data: { ...data, mode: value }, range: mode.view.node.range, resource, related: decidedAt(mode.view, 'The upgrade mode') });
    }
  },
});
