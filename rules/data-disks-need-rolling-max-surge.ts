import { defineRule, type ResourceView, type RuleContext } from '../src/engine/rule.js';
import { computeResources, describe, isScaleSet } from './support/compute.js';
import { dataDisksOf, describeDataDisks } from './support/data-disks.js';
import { decidedAt } from './support/origin.js';
import { rollingUpgradeFix } from './support/rolling-fix.js';
import { hasHealthSignal, isMode, maxSurgeOn, upgradeMode, type UpgradeMode } from './support/upgrade-policy.js';

interface Options {
  /** false: the seed article's rule, where any data disk blocks Trusted Launch. */
  readonly allowRollingMaxSurge: boolean;
}

// Current docs: a scale set with data disks "requires upgrade mode set to Rolling upgrade with max
// surge"; the 2024 revision (the seed article) did not support data disks at all.
// https://learn.microsoft.com/azure/virtual-machines/trusted-launch-existing-vmss
export default defineRule<Options>({
  meta: {
    id: 'data-disks-need-rolling-max-surge',
    level: 'error',
    mode: 'upgrade',
    description: 'Requires a scale set with data disks to use Rolling upgrades with maxSurge before Trusted Launch is enabled.',
    messages: {
      needsRollingMaxSurge:
        'The {{resource}} has {{disks}} and upgradePolicy {{policy}}: with data disks, Trusted Launch can only be enabled through Rolling upgrades with maxSurge (mode Rolling, rollingUpgradePolicy.maxSurge true).',
      needsRollingMaxSurgeAndHealth:
        'The {{resource}} has {{disks}} and upgradePolicy {{policy}}: with data disks, Trusted Launch can only be enabled through Rolling upgrades with maxSurge (mode Rolling, rollingUpgradePolicy.maxSurge true), and Rolling upgrades need an application health extension or a load balancer health probe, which it lacks.',
      dataDisksUnsupported:
        'The {{resource}} has {{disks}}: the seed article does not support enabling Trusted Launch on a scale set with data disks (allowRollingMaxSurge is false).',
    },
    fix: 'unsafe',
    options: {
      schema: {
        type: 'object',
        properties: {
          allowRollingMaxSurge: {
            type: 'boolean',
            description: 'Accept data disks on a scale set with Rolling upgrades and maxSurge (current docs); false makes any data disk a blocker (the seed article).',
          },
        },
        additionalProperties: false,
      },
      defaults: { allowRollingMaxSurge: true },
    },
  },
  check(context) {
    for (const resource of computeResources(context.template).filter(isScaleSet)) checkResource(context, resource);
  },
});

const canBeRolling = (mode: UpgradeMode) => mode.values === undefined || mode.values.some((value) => isMode(value, 'Rolling'));

function describePolicy(mode: UpgradeMode): string {
  if (!mode.view) return 'without a mode (Manual)';
  if (mode.values === undefined) return 'without maxSurge';
  const written = `mode '${mode.values.join("' or '")}'`;
  return canBeRolling(mode) ? `${written} without maxSurge` : written;
}

function checkResource(context: RuleContext<Options>, resource: ResourceView): void {
  const disks = dataDisksOf(resource);
  if (!disks) return;
  const data = { resource: describe(resource), disks: describeDataDisks(disks) };
  if (!context.options.allowRollingMaxSurge) {
    context.report({ messageId: 'dataDisksUnsupported', data, range: disks.node.range, resource });
    return;
  }
  const mode = upgradeMode(resource);
  if (canBeRolling(mode) && maxSurgeOn(resource) !== false) return;
  const healthy = hasHealthSignal(resource);
  const fix = rollingUpgradeFix(resource);
  const fixes = fix ? [fix] : [];
  context.report({
    messageId: healthy ? 'needsRollingMaxSurge' : 'needsRollingMaxSurgeAndHealth',
    data: { ...data, policy: describePolicy(mode) },
    range: disks.node.range,
    resource,
    related: mode.view ? [{ file: mode.view.node.file, range: mode.view.node.range, message: 'The upgrade mode is set here' }, ...decidedAt(mode.view, 'The upgrade mode')] : [],
    fixes: healthy ? fixes : [...fixes, { title: 'Add an application health extension or a load balancer health probe', applicability: 'display-only', intents: [] }],
  });
}
