import { defineRule, noOptions, type PropertyView, type ResourceView } from '../src/engine/rule.js';
import { possibleValues } from '../src/model/evaluated.js';
import { computeResources, describe, isScaleSet, VM } from './support/compute.js';
import { decidedAt } from './support/origin.js';

// The seed article (2024 revision) did not support Flexible scale sets; the current revision says the
// upgrade is "currently in preview" (registration: https://aka.ms/TrustedLaunchUpgrade/FlexPreview).
// https://learn.microsoft.com/azure/virtual-machines/trusted-launch-existing-vmss
export default defineRule({
  meta: {
    id: 'flexible-orchestration',
    level: 'error',
    mode: 'upgrade',
    description: 'Reports scale sets with Flexible orchestration, whose Trusted Launch upgrade is unsupported in the seed article and in preview in the current docs.',
    messages: {
      flexible:
        "The {{resource}} has orchestrationMode '{{value}}': enabling Trusted Launch on an existing Flexible scale set is not supported by the seed article and only in preview in the current docs (register at https://aka.ms/TrustedLaunchUpgrade/FlexPreview); the orchestration mode of a scale set cannot be changed.",
      memberVms:
        'The {{resource}} is a Flexible scale set (VMs join it through virtualMachineScaleSet.id): enabling Trusted Launch on an existing Flexible scale set is not supported by the seed article and only in preview in the current docs (register at https://aka.ms/TrustedLaunchUpgrade/FlexPreview).',
    },
    fix: 'none',
    options: noOptions,
  },
  check(context) {
    for (const resource of computeResources(context.template).filter(isScaleSet)) {
      const data = { resource: describe(resource) };
      const view = resource.get('properties.orchestrationMode');
      if (!view) {
        const member = memberReference(resource);
        const related = member ? [{ file: member.node.file, range: member.node.range, message: 'A VM joins the scale set here' }] : [];
        if (member) context.report({ messageId: 'memberVms', data, range: resource.typeRange, resource, related });
        continue;
      }
      const values = possibleValues(view.value) ?? [];
      const flexible = values.filter((value): value is string => typeof value === 'string' && value.toLowerCase() === 'flexible');
      const [value] = flexible;
      if (value === undefined || flexible.length !== values.length) continue;
      const related = decidedAt(view, 'The orchestration mode');
      context.report({ messageId: 'flexible', data: { ...data, value }, range: view.node.range, resource, related });
    }
  },
});

/**
 * A VM of this template that joins the scale set: only Flexible scale sets take VMs that way, so
 * it tells the mode when orchestrationMode is not written.
 * https://learn.microsoft.com/azure/virtual-machine-scale-sets/virtual-machine-scale-sets-orchestration-modes
 */
function memberReference(resource: ResourceView): PropertyView | undefined {
  const name = resource.name.kind === 'known' && typeof resource.name.value === 'string' ? resource.name.value.toLowerCase() : undefined;
  const tied = resource.related(VM);
  for (const vm of resource.template.ofType(VM)) {
    const id = vm.get('properties.virtualMachineScaleSet.id');
    if (!id) continue;
    const value = id.value.kind === 'known' && typeof id.value.value === 'string' ? id.value.value.toLowerCase() : undefined;
    const matches = value !== undefined && name !== undefined ? value.endsWith(`/virtualmachinescalesets/${name}`) : tied.includes(vm);
    if (matches) return id;
  }
  return undefined;
}
