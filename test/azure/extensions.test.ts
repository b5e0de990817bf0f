import { describe, expect, it } from 'vitest';
import {
  attestationPublisher,
  attestationPublisherOs,
  extensionRole,
  guestAttestationExtension,
  isGuestAttestation,
  isNvidiaLinuxDriver,
  isServiceFabricNode,
  limitation,
} from '../../src/azure/index.js';

describe('extensions', () => {
  it('names the GuestAttestation publisher by OS, and the OS by publisher', () => {
    expect(attestationPublisher('Windows')).toBe('Microsoft.Azure.Security.WindowsAttestation');
    expect(attestationPublisher('Linux')).toBe('Microsoft.Azure.Security.LinuxAttestation');
    expect(attestationPublisherOs('microsoft.azure.security.linuxattestation')).toBe('Linux');
    expect(attestationPublisherOs('Microsoft.Azure.Security')).toBeUndefined();
  });

  it.each([
    ['Microsoft.Azure.Security.WindowsAttestation', 'GuestAttestation', true],
    ['MICROSOFT.AZURE.SECURITY.LINUXATTESTATION', 'guestattestation', true],
    ['Microsoft.Azure.Security', 'GuestAttestation', false],
    ['Microsoft.Azure.Security.WindowsAttestation', 'AzureDiskEncryption', false],
  ] as const)('isGuestAttestation(%s, %s) is %s', (publisher, type, expected) => {
    expect(isGuestAttestation(publisher, type)).toBe(expected);
  });

  it('gives the GuestAttestation properties a fix writes', () => {
    expect(guestAttestationExtension('Linux')).toEqual({
      publisher: 'Microsoft.Azure.Security.LinuxAttestation',
      type: 'GuestAttestation',
      typeHandlerVersion: '1.0',
      autoUpgradeMinorVersion: true,
      enableAutomaticUpgrade: true,
      settings: { AttestationConfig: { MaaSettings: { maaEndpoint: '', maaTenantName: 'GuestAttestation' } } },
    });
  });

  it('recognises Service Fabric node extensions of both OSes', () => {
    expect(isServiceFabricNode('Microsoft.Azure.ServiceFabric', 'ServiceFabricNode')).toBe(true);
    expect(isServiceFabricNode('microsoft.azure.servicefabric', 'ServiceFabricLinuxNode')).toBe(true);
    expect(isServiceFabricNode('Microsoft.Azure.ServiceFabric', 'ServiceFabricMC')).toBe(false);
  });

  it('tells the Linux NVIDIA driver extension from the Windows one', () => {
    expect(isNvidiaLinuxDriver('Microsoft.HpcCompute', 'NvidiaGpuDriverLinux')).toBe(true);
    expect(isNvidiaLinuxDriver('Microsoft.HpcCompute', 'NvidiaGpuDriverWindows')).toBe(false);
    expect(isNvidiaLinuxDriver('Contoso', 'NvidiaGpuDriverLinux')).toBe(false);
  });

  it('splits the application health entry into its two types', () => {
    expect(extensionRole('Microsoft.ManagedServices', 'ApplicationHealthLinux')).toMatchObject({ role: 'applicationHealth', os: 'Linux' });
    expect(extensionRole('Microsoft.ManagedServices', 'ApplicationHealthWindows')).toMatchObject({ role: 'applicationHealth', os: 'Windows' });
  });
});

describe('limitation', () => {
  it('finds a limitation with its status and source', () => {
    expect(limitation('service-fabric')).toMatchObject({ appliesTo: ['vmss'], status: 'blocker', templateDetectable: true });
    expect(limitation('service-fabric')?.source).toContain('service-fabric-cluster-nodetypes.md');
    expect(limitation('no-such-limitation')).toBeUndefined();
  });
});
