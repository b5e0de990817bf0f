import { defineRule, noOptions } from '../src/engine/rule.js';
import { possibleValues } from '../src/model/evaluated.js';
import { computeResources, describe } from './support/compute.js';
import { decidedAt } from './support/origin.js';
import { decideOs } from './support/os.js';

// Hibernation of Linux VMs is an unsupported feature of Trusted Launch:
// https://learn.microsoft.com/azure/virtual-machines/trusted-launch#unsupported-features
// Both VMs and scale sets carry it in properties.additionalCapabilities (bicep-types-az: from
// 2021-07-01, and never under a scale set's virtualMachineProfile).
export default defineRule({
  meta: {
    id: 'linux-hibernation',
    level: 'error',
    mode: 'both',
    description: 'Reports Linux VMs and scale sets with hibernation enabled, which Trusted Launch does not support.',
    messages: {
      hibernation: 'The {{resource}} enables hibernation (additionalCapabilities.hibernationEnabled) on Linux ({{signal}}): Trusted Launch does not support hibernation of Linux VMs.',
    },
    fix: 'none',
    options: noOptions,
  },
  check(context) {
    for (const resource of computeResources(context.template)) {
      const view = resource.get('properties.additionalCapabilities.hibernationEnabled');
      const values = view && possibleValues(view.value);
      if (!view || !values || values.length === 0 || !values.every((value) => value === true)) continue;
      const os = decideOs(resource);
      if (os?.os !== 'Linux') continue;
      context.report({
        messageId: 'hibernation',
        data: { resource: describe(resource), signal: os.signal },
        range: view.node.range,
        resource,
        related: decidedAt(view, 'hibernationEnabled'),
      });
    }
  },
});
