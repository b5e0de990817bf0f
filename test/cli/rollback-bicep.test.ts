import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { rollbackFile } from '../../src/engine/rollback.js';
import { prepareFrontend } from '../../src/model/frontends.js';
import { createSourceFile } from '../../src/model/source.js';
import { createParser } from '../../src/cli/command-support.js';

const bicep = `param location string = resourceGroup().location

// The web tier: Trusted Launch since 2024.
resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {
  name: 'web'
  location: location
  sku: { name: 'Standard_D2s_v5', capacity: 2 }
  properties: {
    upgradePolicy: { mode: 'Rolling' }
    virtualMachineProfile: {
      storageProfile: { osDisk: { osType: 'Linux', createOption: 'FromImage' } }
      securityProfile: {
        securityType: 'TrustedLaunch'
        uefiSettings: { secureBootEnabled: true, vTpmEnabled: true }
      }
    }
  }
}

resource attestation 'Microsoft.Compute/virtualMachineScaleSets/extensions@2024-07-01' = {
  parent: vmss
  name: 'GuestAttestation'
  properties: {
    publisher: 'Microsoft.Azure.Security.LinuxAttestation'
    type: 'GuestAttestation'
    typeHandlerVersion: '1.0'
  }
}
`;

describe('rollback on Bicep', () => {
  it('writes the rollback shape in Bicep syntax, and the lint then sees Standard security', async () => {
    const path = '/repo/main.bicep';
    await prepareFrontend(path);
    const result = rollbackFile(createSourceFile(path, bicep), { unsafe: false, parse: createParser('/repo', undefined) });
    expect(result.kind).toBe('template');
    expect(result.text).toContain("securityType: 'Standard'");
    expect(result.text).toContain('uefiSettings: null');
    expect(result.text).toContain('// The web tier: Trusted Launch since 2024.');
    const lint = await (await createEngine({ cwd: '/repo' })).lintFile(path, result.text);
    expect(lint.kind).toBe('template');
    expect(lint.messages.map((m) => m.ruleId)).toContain('security-type-not-trusted-launch');
    expect(lint.messages.map((m) => m.ruleId)).not.toContain('attestation-requires-secure-boot-and-vtpm');
  });
});
