// `tl-lint plan`: per scale set and VM, what blocks Trusted Launch, what the fixes cost, what to run
// after deploying and how to go back. Facts: ../shared/reference/trusted-launch-facts.md §2–§5.
import { extensionsOf } from '../../rules/support/extensions.js';
import { computeResources, describe, isScaleSet } from '../../rules/support/compute.js';
import { upgradeMode } from '../../rules/support/upgrade-policy.js';
import { possibleValues } from '../model/evaluated.js';
import type { TextRange } from '../model/source.js';
import type { TemplateModel } from '../model/template.js';
import type { LintMessage } from './result.js';
import type { ResourceView } from './rule.js';
import { createTemplateView } from './view.js';

export interface Machine {
  readonly kind: 'scale-set' | 'vm';
  /** "scale set 'web'", "VM 'vm1'". */
  readonly label: string;
  readonly type: string;
  /** The evaluated name, when known. */
  readonly name: string | undefined;
  readonly typeRange: TextRange;
  /** The resource and its extension resources: findings inside them belong to this machine. */
  readonly ranges: readonly TextRange[];
  /** Scale sets: the possible `upgradePolicy.mode` values (absent is Manual); undefined when unknown. */
  readonly upgradeModes: readonly string[] | undefined;
  readonly flexible: boolean;
}

/** The scale sets and VMs a template deploys, in source order. */
export function machinesOf(model: TemplateModel): Machine[] {
  return computeResources(createTemplateView(model)).map(machine);
}

function machine(resource: ResourceView): Machine {
  const scaleSet = isScaleSet(resource);
  const name = resource.name.kind === 'known' && typeof resource.name.value === 'string' ? resource.name.value : undefined;
  const extensionRanges = extensionsOf(resource).flatMap((e) => (e.resource ? [e.resource.node.range] : []));
  const orchestration = resource.get('properties.orchestrationMode');
  const modes = orchestration && possibleValues(orchestration.value);
  return {
    kind: scaleSet ? 'scale-set' : 'vm',
    label: describe(resource),
    type: resource.type,
    name,
    typeRange: resource.typeRange,
    ranges: [resource.node.range, ...extensionRanges],
    upgradeModes: scaleSet ? upgradeMode(resource).values : undefined,
    flexible: modes?.some((m) => typeof m === 'string' && m.toLowerCase() === 'flexible') === true,
  };
}

/** The machine a finding belongs to: the innermost machine whose resource (or extension resource) holds its range. */
export function machineOf(machines: readonly Machine[], message: Pick<LintMessage, 'offset' | 'length'>): Machine | undefined {
  let best: { machine: Machine; size: number } | undefined;
  for (const candidate of machines) {
    for (const range of candidate.ranges) {
      if (range.start > message.offset || range.end < message.offset + message.length) continue;
      const size = range.end - range.start;
      if (!best || size < best.size) best = { machine: candidate, size };
    }
  }
  return best?.machine;
}

export interface Command {
  readonly shell: 'Azure CLI' | 'Azure PowerShell';
  readonly text: string;
}

export interface Step {
  readonly when: 'before deploying' | 'after deploying';
  readonly description: string;
  readonly commands: readonly Command[];
}

export interface MachineGuidance {
  /** What the changes cost: recreated disks, quota, downtime. */
  readonly costs: readonly string[];
  readonly steps: readonly Step[];
  readonly rollback: readonly string[];
}

const RG = '<resource-group>';

/**
 * Costs, commands and the way back for a machine, from the rules that found something on it.
 * https://learn.microsoft.com/azure/virtual-machines/trusted-launch-existing-vmss
 * https://learn.microsoft.com/azure/virtual-machines/trusted-launch-existing-vm
 */
export function guidanceFor(target: Machine, ruleIds: ReadonlySet<string>): MachineGuidance {
  const name = target.name ?? '<name>';
  const costs: string[] = [];
  const scaleSet = target.kind === 'scale-set';
  if (ruleIds.has('gen1-image')) {
    costs.push(
      scaleSet
        ? 'Changing the image recreates the OS disk of every instance: data and custom configuration on the OS disks are lost. Back them up first.'
        : 'The VM runs a Gen1 image: it needs the Gen1 to Trusted Launch VM upgrade (a supported OS; on Windows, MBR2GPT converts the OS disk), and it cannot go back to Gen1 except by restoring a backup.',
    );
  }
  if (ruleIds.has('unsupported-vm-size')) {
    costs.push(
      scaleSet
        ? 'A size change needs quota for the new size family and recreates the instances (a rolling upgrade can spread it out).'
        : 'A size change needs quota for the new size family; the VM is resized while it is deallocated.',
    );
  }
  if (ruleIds.has('data-disks-need-rolling-max-surge')) {
    costs.push(
      'Rolling upgrades with maxSurge create new instances before they delete old ones: the extra instances count toward the core quota and need spare IP addresses and subnet space, and the scale set needs a load balancer health probe or the Application Health extension.',
    );
  }
  if (target.flexible || ruleIds.has('flexible-orchestration')) {
    costs.push('Trusted Launch on an existing Flexible scale set is in preview: register at https://aka.ms/TrustedLaunchUpgrade/FlexPreview first.');
  }
  if (ruleIds.has('service-fabric-node-type')) costs.push('Service Fabric node types (and managed clusters) are not supported: there is no in-place upgrade.');
  if (ruleIds.has('managed-image-source')) costs.push('Managed images are not supported: the image must move to an Azure Compute Gallery image definition that supports Trusted Launch.');
  if (scaleSet) costs.push('Instances keep their old security settings until they are updated (see the steps after deploying).');
  else costs.push('The VM must be deallocated for the update: it is down until it starts again.');
  return { costs, steps: scaleSet ? scaleSetSteps(target, name) : vmSteps(name), rollback: rollbackSteps(target, name, ruleIds) };
}

function scaleSetSteps(target: Machine, name: string): Step[] {
  const modes = target.upgradeModes?.map((m) => m.toLowerCase());
  const steps: Step[] = [];
  const may = (mode: string) => modes === undefined || modes.includes(mode);
  const either = modes === undefined || new Set(modes).size > 1;
  if (may('manual')) {
    steps.push({
      when: 'after deploying',
      description: `${either ? 'If the upgrade policy is Manual: u' : 'U'}pdate every instance to the new model`,
      commands: [
        { shell: 'Azure CLI', text: `az vmss update-instances --resource-group ${RG} --name ${name} --instance-ids '*'` },
        { shell: 'Azure PowerShell', text: `Update-AzVmssInstance -ResourceGroupName ${RG} -VMScaleSetName ${name} -InstanceId (Get-AzVmssVM -ResourceGroupName ${RG} -VMScaleSetName ${name}).InstanceId` },
      ],
    });
  }
  if (may('rolling')) {
    steps.push({
      when: 'after deploying',
      description: `${either ? 'If the upgrade policy is Rolling: s' : 'S'}tart a rolling upgrade`,
      commands: [
        { shell: 'Azure CLI', text: `az vmss rolling-upgrade start --resource-group ${RG} --name ${name}` },
        { shell: 'Azure PowerShell', text: `Start-AzVmssRollingOSUpgrade -ResourceGroupName ${RG} -VMScaleSetName ${name}` },
      ],
    });
  }
  if (may('automatic')) {
    steps.push({
      when: 'after deploying',
      description: `${either ? 'If the upgrade policy is Automatic: t' : 'T'}he platform updates every instance at once; watch it`,
      commands: [{ shell: 'Azure CLI', text: `az vmss get-instance-view --resource-group ${RG} --name ${name} --instance-id '*'` }],
    });
  }
  return steps;
}

function vmSteps(name: string): Step[] {
  return [
    {
      when: 'before deploying',
      description: 'Deallocate the VM',
      commands: [
        { shell: 'Azure CLI', text: `az vm deallocate --resource-group ${RG} --name ${name}` },
        { shell: 'Azure PowerShell', text: `Stop-AzVM -ResourceGroupName ${RG} -Name ${name} -Force` },
      ],
    },
    {
      when: 'after deploying',
      description: 'Start the VM',
      commands: [
        { shell: 'Azure CLI', text: `az vm start --resource-group ${RG} --name ${name}` },
        { shell: 'Azure PowerShell', text: `Start-AzVM -ResourceGroupName ${RG} -Name ${name}` },
      ],
    },
  ];
}

function rollbackSteps(target: Machine, name: string, ruleIds: ReadonlySet<string>): string[] {
  const steps = [
    'Run `tl-lint rollback <file>`: it sets securityType to Standard and uefiSettings to null and disables the GuestAttestation extension, keeping everything else.',
    target.kind === 'scale-set'
      ? 'Deploy the rolled-back template, then update the instances as above (rolling back with the Azure CLI instead needs version 2.62.0 or later).'
      : `Register the feature first (\`az feature register --namespace Microsoft.Compute --name UseStandardSecurityType\`), then deallocate, deploy the rolled-back template and start the VM, as above.`,
  ];
  if (ruleIds.has('gen1-image')) {
    steps.push(
      target.kind === 'scale-set'
        ? 'The rollback keeps the Gen2 image: restore the old imageReference too if you need it (that recreates the OS disks again).'
        : 'A VM upgraded from Gen1 goes back to Gen2 without Trusted Launch, not to Gen1; only a restore from backup brings Gen1 back.',
    );
  }
  steps.push(`If GuestAttestation was installed, remove it: \`az ${target.kind === 'scale-set' ? 'vmss' : 'vm'} extension delete --resource-group ${RG} ${target.kind === 'scale-set' ? '--vmss-name' : '--vm-name'} ${name} --name GuestAttestation\`.`);
  return steps;
}
