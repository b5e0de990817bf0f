import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  apiVersionInfo,
  compareApiVersions,
  computeApiVersion,
  computeResourceType,
  isComputeApiVersion,
  latestApiVersion,
  minimumApiVersion,
  TRUSTED_LAUNCH_MINIMUM_API_VERSION,
  VM_TYPE,
  VMSS_TYPE,
} from '../../src/azure/index.js';
import { readSharedJson } from './paths.js';

interface SharedEntry {
  readonly resourceType: string;
  readonly apiVersion: string;
  readonly preview: boolean;
  readonly hasSecurityProfile: boolean;
  readonly hasSecurityType: boolean;
  readonly securityTypeLiterals: readonly string[];
  readonly acceptsAnyString: boolean;
  readonly hasUefiSettings: boolean;
  readonly hasEncryptionAtHost: boolean;
  readonly hasRollingMaxSurge?: boolean;
}
interface SharedApiVersions {
  readonly minimumApiVersionForTrustedLaunch: { readonly value: string };
  readonly newestStableAtSourceCommit: { readonly value: string };
  readonly entries: readonly SharedEntry[];
}
const shared = readSharedJson('data/api-versions.json') as SharedApiVersions;

describe('apiVersionInfo', () => {
  it.each([
    // version, hasSecurityProfile, hasSecurityType, literals, hasUefiSettings, hasEncryptionAtHost, hasMaxSurge
    ['2019-12-01', false, false, [], false, false, false],
    ['2020-06-01', true, false, [], false, true, false],
    ['2020-12-01', true, true, ['TrustedLaunch'], true, true, false],
    ['2021-11-01', true, true, ['TrustedLaunch', 'ConfidentialVM'], true, true, false],
    ['2022-08-01', true, true, ['TrustedLaunch', 'ConfidentialVM'], true, true, false],
    ['2022-11-01', true, true, ['TrustedLaunch', 'ConfidentialVM'], true, true, true],
    ['2025-11-01', true, true, ['Standard', 'TrustedLaunch', 'ConfidentialVM'], true, true, true],
  ] as const)('scale set %s (facts §1.2)', (version, profile, securityType, literals, uefi, encryption, maxSurge) => {
    expect(apiVersionInfo(VMSS_TYPE, version)).toMatchObject({
      apiVersion: version,
      definesType: true,
      preview: false,
      hasSecurityProfile: profile,
      hasSecurityType: securityType,
      securityTypeLiterals: literals,
      hasUefiSettings: uefi,
      hasEncryptionAtHost: encryption,
      hasMaxSurge: maxSurge,
    });
  });

  it('marks the only preview version that defines scale sets', () => {
    expect(apiVersionInfo(VMSS_TYPE, '2016-04-30-preview')).toMatchObject({ definesType: true, preview: true });
  });

  it('has securityType as a union with string from 2020-12-01', () => {
    expect(apiVersionInfo(VMSS_TYPE, '2020-12-01')?.securityTypeAcceptsAnyString).toBe(true);
    expect(apiVersionInfo(VMSS_TYPE, '2020-06-01')?.securityTypeAcceptsAnyString).toBe(false);
  });

  it('gives VMs the same securityType facts and never maxSurge', () => {
    expect(apiVersionInfo(VM_TYPE, '2020-12-01')).toMatchObject({ definesType: true, hasSecurityType: true, hasUefiSettings: true });
    expect(apiVersionInfo(VM_TYPE, '2022-11-01')).toMatchObject({ hasSecurityType: true, hasMaxSurge: false });
  });

  it.each([
    '2018-09-30', '2019-11-01', '2020-05-01', '2020-06-30', '2021-08-01', '2021-12-01', '2022-03-02', '2022-07-02',
    '2023-01-02', '2023-04-02', '2023-10-02', '2024-03-02', '2025-01-02', '2026-03-02', '2020-09-30', '2021-10-01',
    '2022-01-03', '2022-03-03', '2022-08-03', '2023-07-03', '2024-03-03', '2025-03-03', '2025-12-03', '2022-04-04',
    '2022-09-04', '2024-11-04', '2025-06-05', '2026-06-06',
  ])('knows %s as a Microsoft.Compute version that does not define scale sets or VMs (facts §1.2)', (version) => {
    expect(isComputeApiVersion(version)).toBe(true);
    for (const type of [VMSS_TYPE, VM_TYPE]) {
      expect(apiVersionInfo(type, version)).toMatchObject({ apiVersion: version, definesType: false, hasSecurityType: false });
    }
  });

  it('says what a version is for when it does not define the type', () => {
    // restorePointCollections: disk versions carry a resource function of restore-point disks.
    expect(computeApiVersion('2023-04-02')?.resourceTypes).toEqual([
      'diskAccesses',
      'diskEncryptionSets',
      'disks',
      'restorePointCollections',
      'snapshots',
    ]);
    expect(computeApiVersion('2026-06-06')?.resourceTypes).toEqual(['locations']);
    expect(computeApiVersion('2020-10-01-preview')).toEqual({ version: '2020-10-01-preview', preview: true, resourceTypes: ['cloudServices'] });
  });

  it('returns undefined for versions no Microsoft.Compute type uses, and for other types', () => {
    expect(apiVersionInfo(VMSS_TYPE, '2020-11-01')).toBeUndefined();
    // A Microsoft.Network version that only the VMSS network-interface views use.
    expect(apiVersionInfo(VMSS_TYPE, '2019-04-01')).toBeUndefined();
    expect(isComputeApiVersion('2019-04-01')).toBe(false);
    expect(apiVersionInfo('Microsoft.Compute/disks', '2023-04-02')).toBeUndefined();
  });

  it('compares type and version case-insensitively', () => {
    expect(computeResourceType('microsoft.compute/VIRTUALMACHINESCALESETS')).toBe(VMSS_TYPE);
    expect(computeResourceType('Microsoft.Compute/virtualMachineScaleSets/extensions')).toBeUndefined();
    expect(apiVersionInfo('MICROSOFT.COMPUTE/virtualmachines', '2016-04-30-PREVIEW')?.apiVersion).toBe('2016-04-30-preview');
  });

  it('agrees with ../shared/data/api-versions.json on every entry', () => {
    for (const entry of shared.entries) {
      expect(apiVersionInfo(entry.resourceType, entry.apiVersion), `${entry.resourceType}@${entry.apiVersion}`).toEqual({
        apiVersion: entry.apiVersion,
        definesType: true,
        preview: entry.preview,
        hasSecurityProfile: entry.hasSecurityProfile,
        hasSecurityType: entry.hasSecurityType,
        securityTypeLiterals: entry.securityTypeLiterals,
        securityTypeAcceptsAnyString: entry.acceptsAnyString,
        hasUefiSettings: entry.hasUefiSettings,
        hasEncryptionAtHost: entry.hasEncryptionAtHost,
        hasMaxSurge: entry.hasRollingMaxSurge ?? false,
      });
    }
    const sharedVersions = (type: string) => shared.entries.filter((e) => e.resourceType === type).map((e) => e.apiVersion);
    for (const type of [VMSS_TYPE, VM_TYPE]) {
      const ours = [...new Set([...sharedVersions(VMSS_TYPE), '2023-04-02', '2019-04-01'])].filter(
        (v) => apiVersionInfo(type, v)?.definesType === true,
      );
      expect(ours.sort()).toEqual(sharedVersions(type).sort());
    }
  });
});

describe('minimumApiVersion / latestApiVersion', () => {
  it('gives the documented minimum, raised by maxSurge and ConfidentialVM', () => {
    expect(TRUSTED_LAUNCH_MINIMUM_API_VERSION).toBe('2020-12-01');
    expect(minimumApiVersion(VMSS_TYPE)).toBe('2020-12-01');
    expect(minimumApiVersion(VMSS_TYPE, { maxSurge: true })).toBe('2022-11-01');
    expect(minimumApiVersion(VMSS_TYPE, { confidentialVm: true })).toBe('2021-11-01');
    expect(minimumApiVersion(VMSS_TYPE, { maxSurge: true, confidentialVm: true })).toBe('2022-11-01');
    expect(minimumApiVersion(VM_TYPE)).toBe(shared.minimumApiVersionForTrustedLaunch.value);
  });

  it('gives the newest stable version at the source commit', () => {
    expect(latestApiVersion(VMSS_TYPE)).toBe(shared.newestStableAtSourceCommit.value);
    expect(latestApiVersion('microsoft.compute/virtualmachines')).toBe(shared.newestStableAtSourceCommit.value);
  });

  it('throws for types that are neither scale sets nor VMs', () => {
    expect(() => latestApiVersion('Microsoft.Compute/disks')).toThrow(RangeError);
    expect(() => minimumApiVersion('Microsoft.Network/virtualNetworks')).toThrow(RangeError);
    expect(() => minimumApiVersion(VM_TYPE, { maxSurge: true })).toThrow(RangeError);
  });
});

describe('compareApiVersions', () => {
  it('orders by date, a stable version before its previews', () => {
    const versions = ['2022-11-01', '2016-04-30-preview', '2016-04-30', '2020-12-01'];
    expect([...versions].sort(compareApiVersions)).toEqual(['2016-04-30', '2016-04-30-preview', '2020-12-01', '2022-11-01']);
  });

  it('is antisymmetric and agrees with the date order', () => {
    const date = fc
      .tuple(fc.integer({ min: 2015, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
      .map(([y, m, d]) => `${String(y)}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const version = fc.tuple(date, fc.constantFrom('', '-preview', '-beta')).map(([d, suffix]) => d + suffix);
    fc.assert(
      fc.property(version, version, (a, b) => {
        expect(Math.sign(compareApiVersions(a, b))).toBe(-Math.sign(compareApiVersions(b, a)));
        if (a.slice(0, 10) < b.slice(0, 10)) expect(compareApiVersions(a, b)).toBeLessThan(0);
        if (a === b) expect(compareApiVersions(a, b)).toBe(0);
      }),
    );
  });
});
