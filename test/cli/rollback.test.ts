import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rollbackFile } from '../../src/engine/rollback.js';
import { parseSource } from '../../src/model/frontends.js';
import { createSourceFile } from '../../src/model/source.js';
import { repoRoot, runReal } from './real-host.js';
import { tempTree } from './temp-tree.js';

const seed = readFileSync(join(repoRoot, 'test', 'fixtures', 'seed', 'full-template.json'), 'utf8');
const simpleWindows = join(repoRoot, 'test', 'fixtures', 'plan', 'vm-simple-windows');

interface JsonResult {
  readonly messages: readonly { readonly ruleId: string | null; readonly messageId?: string; readonly message: string; readonly severity: number }[];
}

async function lintJson(cwd: string, path: string): Promise<JsonResult['messages']> {
  const { stdout } = await runReal(cwd, ['--format', 'json', path]);
  return (JSON.parse(stdout) as JsonResult[]).flatMap((r) => r.messages);
}

const schema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

/** A Trusted Launch scale set whose GuestAttestation is an extensionProfile entry, next to a health extension. */
function profileTemplate(extensions: unknown): string {
  const vmss = {
    type: 'Microsoft.Compute/virtualMachineScaleSets',
    apiVersion: '2024-07-01',
    name: 'web',
    location: 'westeurope',
    sku: { name: 'Standard_D2s_v5', capacity: 2 },
    properties: {
      upgradePolicy: { mode: 'Manual' },
      virtualMachineProfile: {
        securityProfile: { encryptionAtHost: true, securityType: 'TrustedLaunch', uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } },
        storageProfile: { osDisk: { osType: 'Linux', createOption: 'FromImage' } },
        extensionProfile: { extensions },
      },
    },
  };
  return `${JSON.stringify({ $schema: schema, contentVersion: '1.0.0.0', parameters: { port: { type: 'int', defaultValue: 80 } }, resources: [vmss] }, null, 2)}\n`;
}

const health = { name: 'health', properties: { publisher: 'Microsoft.ManagedServices', type: 'ApplicationHealthLinux', typeHandlerVersion: '1.0', settings: { protocol: 'tcp', port: "[parameters('port')]", path: '[[literal]' } } };
const attestation = { name: 'GuestAttestation', properties: { publisher: 'Microsoft.Azure.Security.LinuxAttestation', type: 'GuestAttestation', typeHandlerVersion: '1.0' } };

describe('tl-lint rollback', () => {
  it('rolls the seed scale set back to the documented shape, and the lint then reports security-type-not-trusted-launch', async () => {
    const root = tempTree({ 'vmss.json': seed });
    const before = await lintJson(root, 'vmss.json');
    expect(before.filter((m) => m.severity === 2)).toEqual([]);

    const { code, stdout, stderr } = await runReal(root, ['rollback', 'vmss.json']);
    expect(code).toBe(0);
    expect(stderr).toBe('Rolled back 1 file.\n');
    expect(stdout).toBe(
      [
        'vmss.json',
        '  scale set (line 278): rolled back',
        '    - Set securityType to Standard and uefiSettings to null',
        '    - Disable the GuestAttestation extension (condition false)',
        '    note: An incremental deployment does not delete an extension it no longer deploys: if GuestAttestation is installed, remove it with `az vmss extension delete --resource-group <resource-group> --vmss-name <name> --name GuestAttestation`.',
        '',
      ].join('\n'),
    );
    const expected = seed
      .replace(`"securityType": "[parameters('securityType')]",`, '"securityType": "Standard",')
      .replace(`"uefiSettings": "[if(equals(parameters('securityType'), 'TrustedLaunch'), variables('uefiSettingsJson'), null())]"`, '"uefiSettings": "[null()]"')
      .replace(
        `"condition": "[and(equals(parameters('securityType'), 'TrustedLaunch'), and(equals(variables('uefiSettingsJson').secureBootEnabled, true()), equals(variables('uefiSettingsJson').vTpmEnabled, true())))]",`,
        '"condition": false,',
      );
    expect(readFileSync(join(root, 'vmss.json'), 'utf8')).toBe(expected);

    const after = await lintJson(root, 'vmss.json');
    expect(after.filter((m) => m.severity === 2).map((m) => [m.ruleId, m.messageId])).toEqual([['security-type-not-trusted-launch', 'notTrustedLaunch']]);
    expect(after.find((m) => m.ruleId === 'security-type-not-trusted-launch')?.message).toContain("securityType 'Standard'");
  });

  it('leaves a shared declaration alone without --unsafe-fixes, and rolls the VM back with it', async () => {
    const root = tempTree({ 'vm.json': readFileSync(join(simpleWindows, 'azuredeploy.json')) });
    const original = readFileSync(join(root, 'vm.json'), 'utf8');
    const refused = await runReal(root, ['rollback', 'vm.json']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("VM 'simple-vm' (line 250): not rolled back: it edits a variable or parameter default that other resources may share; rerun with --unsafe-fixes to apply:");
    expect(readFileSync(join(root, 'vm.json'), 'utf8')).toBe(original);

    const applied = await runReal(root, ['rollback', '--unsafe-fixes', 'vm.json']);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain("VM 'simple-vm' (line 250): rolled back");
    const after = await lintJson(root, 'vm.json');
    expect(after.filter((m) => m.severity === 2).map((m) => m.ruleId)).toEqual(['security-type-not-trusted-launch']);
  });

  it('removes the GuestAttestation entry of extensionProfile and keeps the other entries and profile keys as they were', async () => {
    const root = tempTree({ 'vmss.json': profileTemplate([health, attestation]) });
    expect((await runReal(root, ['rollback', 'vmss.json'])).code).toBe(0);
    const rolled = JSON.parse(readFileSync(join(root, 'vmss.json'), 'utf8')) as { resources: { properties: { virtualMachineProfile: { securityProfile: unknown; extensionProfile: unknown } } }[] };
    const profile = rolled.resources[0]?.properties.virtualMachineProfile;
    expect(profile?.securityProfile).toEqual({ encryptionAtHost: true, securityType: 'Standard', uefiSettings: '[null()]' });
    expect(profile?.extensionProfile).toEqual({ extensions: [health] });
    const after = await lintJson(root, 'vmss.json');
    expect(after.filter((m) => m.severity === 2).map((m) => m.ruleId)).toEqual(['security-type-not-trusted-launch']);
  });

  it('--dry-run prints the diff and writes nothing; a second rollback finds nothing to do', async () => {
    const root = tempTree({ 'vmss.json': seed });
    const dry = await runReal(root, ['rollback', '--dry-run', 'vmss.json']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('--- a/vmss.json\n+++ b/vmss.json\n');
    expect(dry.stdout).toContain('+            "securityType": "Standard",\n+            "uefiSettings": "[null()]"\n');
    expect(dry.stderr).toBe('Dry run: nothing written.\n');
    expect(readFileSync(join(root, 'vmss.json'), 'utf8')).toBe(seed);

    await runReal(root, ['rollback', 'vmss.json']);
    const again = await runReal(root, ['rollback', 'vmss.json']);
    expect(again).toEqual({
      code: 0,
      stdout: 'vmss.json\n  scale set (line 278): unchanged, already Standard, with no GuestAttestation extension that can deploy\n',
      stderr: 'Rolled back 0 files.\n',
    });
  });

  it('exits 1 and changes nothing when the extension list is a copy loop it cannot rewrite', async () => {
    const looped = profileTemplate([]).replace('"extensions": []', '"copy": [{ "name": "extensions", "count": 1, "input": { "name": "GuestAttestation", "properties": { "publisher": "Microsoft.Azure.Security.LinuxAttestation", "type": "GuestAttestation" } } }]');
    const root = tempTree({ 'vmss.json': looped });
    const { code, stdout } = await runReal(root, ['rollback', 'vmss.json']);
    expect(code).toBe(1);
    expect(stdout).toContain("scale set 'web' (line 12): not rolled back: The GuestAttestation entry of extensionProfile is in an array built by an expression or a copy loop: remove it by hand.");
    expect(readFileSync(join(root, 'vmss.json'), 'utf8')).toBe(looped);
  });

  it('leaves confidential VMs and non-templates alone, and a scan shows only templates with machines', async () => {
    const confidential = profileTemplate([]).replace('"TrustedLaunch"', '"ConfidentialVM"');
    const root = tempTree({ 'cvm.json': confidential, 'package.json': '{ "name": "x" }', 'other.json': JSON.stringify({ $schema: schema, resources: [] }) });
    const { code, stdout } = await runReal(root, ['rollback', '.']);
    expect(code).toBe(0);
    expect(stdout).toBe("cvm.json\n  scale set 'web' (line 12): unchanged, A confidential VM is not rolled back to Standard: the rollback is for Trusted Launch.\n");
    expect(readFileSync(join(root, 'cvm.json'), 'utf8')).toBe(confidential);
  });

  it('needs files to rewrite', async () => {
    const root = tempTree({ 'a.json': '{}' });
    expect(await runReal(root, ['rollback'])).toMatchObject({ code: 2, stderr: "tl-lint: 'rollback' rewrites files: name them (tl-lint rollback <paths or globs...>).\n" });
  });
});

describe('rollbackFile', () => {
  const parse = (file: ReturnType<typeof createSourceFile>) => parseSource(file, {});

  it('rolls back two scale sets that share a securityProfile variable, in two passes', () => {
    const shared = { securityType: 'TrustedLaunch', uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } };
    const vmss = (name: string) => ({
      type: 'Microsoft.Compute/virtualMachineScaleSets',
      apiVersion: '2024-07-01',
      name,
      properties: { virtualMachineProfile: { securityProfile: "[variables('tl')]", storageProfile: { osDisk: { osType: 'Linux' } } } },
    });
    const text = JSON.stringify({ $schema: schema, variables: { tl: shared }, resources: [vmss('a'), vmss('b')] }, null, 2);
    const refused = rollbackFile(createSourceFile('/t.json', text), { unsafe: false, parse });
    expect(refused.text).toBe(text);
    expect(refused.machines.map((m) => m.outcome.kind)).toEqual(['needs-unsafe', 'needs-unsafe']);
    const result = rollbackFile(createSourceFile('/t.json', text), { unsafe: true, parse });
    expect(result.machines.map((m) => m.outcome)).toEqual([
      { kind: 'rolled-back', changes: ["Set securityType to Standard and uefiSettings to null in the variable 'tl' (line 4) that decides them"] },
      { kind: 'rolled-back', changes: ["Set securityType to Standard and uefiSettings to null in the variable 'tl' (line 4) that decides them"] },
    ]);
    expect((JSON.parse(result.text) as { variables: unknown }).variables).toEqual({ tl: { securityType: 'Standard', uefiSettings: '[null()]' } });
  });

  it('says why it cannot read a file', () => {
    expect(rollbackFile(createSourceFile('/t.json', '{ "a": '), { unsafe: false, parse })).toMatchObject({ kind: 'fatal', machines: [] });
    expect(rollbackFile(createSourceFile('/t.json', '{ "a": 1 }'), { unsafe: false, parse })).toMatchObject({ kind: 'not-a-template', machines: [] });
  });
});
