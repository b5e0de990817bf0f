import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FilePlan } from '../../src/cli/plan-command.js';
import { guidanceFor, type Machine } from '../../src/engine/plan.js';
import { repoRoot, runReal } from './real-host.js';
import { tempTree } from './temp-tree.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'plan');

function planJson(stdout: string): { files: FilePlan[]; filesWithoutMachines: number } {
  return JSON.parse(stdout) as { files: FilePlan[]; filesWithoutMachines: number };
}

describe('tl-lint plan on quickstart samples', () => {
  it('--format json: per file and machine, the blockers, costs, commands, rollback and the fixes as a diff', async () => {
    const { code, stdout, stderr } = await runReal(fixtures, ['plan', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const plan = planJson(stdout);
    expect(plan.files.map((f) => f.file)).toEqual(['vm-simple-windows/azuredeploy.json', 'vm-sshkey/azuredeploy.json', 'vmss-win-existing-vnet/azuredeploy.json']);
    expect(plan.filesWithoutMachines).toBe(3);

    const [ready, vm, vmss] = plan.files;
    expect(ready?.machines).toMatchObject([{ label: "VM 'simple-vm'", blockers: [], costs: [], steps: [] }]);
    expect(ready?.machines[0]?.notes.map((n) => n.ruleId)).toEqual(['security-type-overridable']);
    expect(ready?.diff).toBe('');

    expect(vm?.machines).toMatchObject([
      {
        label: "VM 'GEN-UNIQUE-8-vm'",
        type: 'Microsoft.Compute/virtualMachines',
        line: 165,
        blockers: [{ ruleId: 'security-type-not-trusted-launch', level: 'error', line: 165, column: 15, fix: 'safe' }],
        costs: ['The VM must be deallocated for the update: it is down until it starts again.'],
        steps: [
          {
            when: 'before deploying',
            commands: [
              { shell: 'Azure CLI', text: 'az vm deallocate --resource-group <resource-group> --name GEN-UNIQUE-8-vm' },
              { shell: 'Azure PowerShell', text: 'Stop-AzVM -ResourceGroupName <resource-group> -Name GEN-UNIQUE-8-vm -Force' },
            ],
          },
          { when: 'after deploying', commands: [{ text: 'az vm start --resource-group <resource-group> --name GEN-UNIQUE-8-vm' }, { text: 'Start-AzVM -ResourceGroupName <resource-group> -Name GEN-UNIQUE-8-vm' }] },
        ],
      },
    ]);
    expect(vm?.machines[0]?.rollback.join('\n')).toContain('UseStandardSecurityType');
    expect(vm?.diff).toContain('+        "securityProfile": {\n+          "securityType": "TrustedLaunch",');

    const [scaleSet] = vmss?.machines ?? [];
    expect(scaleSet).toMatchObject({ label: "scale set 'GEN-UNIQUE-8'", upgradeModes: ['Manual'], line: 62 });
    expect(scaleSet?.blockers.map((b) => [b.ruleId, b.fix])).toEqual([
      ['security-type-not-trusted-launch', 'safe'],
      ['gen1-image', 'unsafe'],
    ]);
    expect(scaleSet?.notes.map((n) => n.ruleId)).toEqual(['manual-upgrade-policy']);
    expect(scaleSet?.costs[0]).toMatch(/^Changing the image recreates the OS disk of every instance/);
    expect(scaleSet?.steps.flatMap((s) => s.commands.map((c) => c.text))).toEqual([
      "az vmss update-instances --resource-group <resource-group> --name GEN-UNIQUE-8 --instance-ids '*'",
      'Update-AzVmssInstance -ResourceGroupName <resource-group> -VMScaleSetName GEN-UNIQUE-8 -InstanceId (Get-AzVmssVM -ResourceGroupName <resource-group> -VMScaleSetName GEN-UNIQUE-8).InstanceId',
    ]);
    expect(scaleSet?.rollback.join('\n')).toContain('The rollback keeps the Gen2 image');
    expect(vmss?.diff).toContain('-              "sku": "2016-Datacenter",\n+              "sku": "2016-datacenter-gensecond",');
  });

  it('text: readable sections per machine, the diff, and a summary', async () => {
    const { code, stdout } = await runReal(fixtures, ['plan', 'vmss-win-existing-vnet', 'vm-sshkey']);
    expect(code).toBe(0);
    expect(stdout).toContain("  scale set 'GEN-UNIQUE-8' (Microsoft.Compute/virtualMachineScaleSets, line 62)\n    Upgrade policy: Manual\n    Blockers (2):\n");
    expect(stdout).toContain("    After deploying:\n      Update every instance to the new model:\n        az vmss update-instances --resource-group <resource-group> --name GEN-UNIQUE-8 --instance-ids '*'  # Azure CLI\n");
    expect(stdout).toContain('    Before deploying:\n      Deallocate the VM:\n');
    expect(stdout).toContain('  Changes the fixes make (tl-lint --unsafe-fixes; --fix applies the safe ones)\n    --- a/vmss-win-existing-vnet/azuredeploy.json\n');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('2 scale sets and VMs in 2 files: 2 blocked, 0 ready. 2 other files without scale sets, VMs or findings.');
  });

  it('markdown: headings per file and machine, tables, command and diff blocks', async () => {
    const { stdout } = await runReal(fixtures, ['plan', '--format', 'markdown', 'vmss-win-existing-vnet/azuredeploy.json']);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('# Trusted Launch upgrade plan');
    expect(lines).toContain('## `vmss-win-existing-vnet/azuredeploy.json`');
    expect(lines).toContain("### scale set 'GEN-UNIQUE-8'");
    expect(lines).toContain('| Line | Level | Rule | Finding | Fix |');
    expect(lines).toContain('```diff');
    expect(lines).toContain("az vmss update-instances --resource-group <resource-group> --name GEN-UNIQUE-8 --instance-ids '*'  # Azure CLI");
  });

  it('exits 1 and says why for a file that does not parse, and 2 for an unknown plan format', async () => {
    const root = tempTree({ 'broken.json': '{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", ' });
    const broken = await runReal(root, ['plan', 'broken.json']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/^broken\.json\n {2}cannot plan: /);
    expect(await runReal(fixtures, ['plan', '--format', 'sarif'])).toMatchObject({ code: 2, stderr: "tl-lint: Unknown plan format 'sarif'. Formats: text, markdown, json.\n" });
  });
});

describe('guidanceFor', () => {
  const scaleSet: Machine = {
    kind: 'scale-set',
    label: "scale set 'web'",
    type: 'Microsoft.Compute/virtualMachineScaleSets',
    name: 'web',
    typeRange: { start: 0, end: 1 },
    ranges: [],
    upgradeModes: undefined,
    flexible: false,
  };

  it('gives both Manual and Rolling commands when the upgrade mode is not known, each saying when it applies', () => {
    const { steps } = guidanceFor(scaleSet, new Set());
    expect(steps.map((s) => s.description)).toEqual([
      'If the upgrade policy is Manual: update every instance to the new model',
      'If the upgrade policy is Rolling: start a rolling upgrade',
      'If the upgrade policy is Automatic: the platform updates every instance at once; watch it',
    ]);
    expect(steps[1]?.commands.map((c) => c.text)).toEqual(['az vmss rolling-upgrade start --resource-group <resource-group> --name web', 'Start-AzVmssRollingOSUpgrade -ResourceGroupName <resource-group> -VMScaleSetName web']);
  });

  it('names the cost of each kind of change', () => {
    const { costs } = guidanceFor({ ...scaleSet, upgradeModes: ['Rolling'], flexible: true }, new Set(['unsupported-vm-size', 'data-disks-need-rolling-max-surge', 'service-fabric-node-type', 'managed-image-source']));
    expect(costs).toEqual([
      'A size change needs quota for the new size family and recreates the instances (a rolling upgrade can spread it out).',
      'Rolling upgrades with maxSurge create new instances before they delete old ones: the extra instances count toward the core quota and need spare IP addresses and subnet space, and the scale set needs a load balancer health probe or the Application Health extension.',
      'Trusted Launch on an existing Flexible scale set is in preview: register at https://aka.ms/TrustedLaunchUpgrade/FlexPreview first.',
      'Service Fabric node types (and managed clusters) are not supported: there is no in-place upgrade.',
      'Managed images are not supported: the image must move to an Azure Compute Gallery image definition that supports Trusted Launch.',
      'Instances keep their old security settings until they are updated (see the steps after deploying).',
    ]);
  });

  it('tells a Gen1 VM that there is no way back to Gen1', () => {
    const vm: Machine = { ...scaleSet, kind: 'vm', label: "VM 'a'", type: 'Microsoft.Compute/virtualMachines', name: undefined };
    const guidance = guidanceFor(vm, new Set(['gen1-image']));
    expect(guidance.costs[0]).toMatch(/Gen1 to Trusted Launch VM upgrade/);
    expect(guidance.rollback).toContain('A VM upgraded from Gen1 goes back to Gen2 without Trusted Launch, not to Gen1; only a restore from backup brings Gen1 back.');
    expect(guidance.steps[0]?.commands[0]?.text).toBe('az vm deallocate --resource-group <resource-group> --name <name>');
  });
});
