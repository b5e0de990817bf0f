import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { supportedSizesLike, vmSizeStatus, workloadClassOf } from '../../src/azure/index.js';
import { readSharedJson } from './paths.js';

interface SharedFamily {
  readonly family: string;
  readonly status: string;
  readonly examples: readonly string[];
}
const sharedFamilies = (readSharedJson('data/vm-size-families.json') as { entries: readonly SharedFamily[] }).entries;

describe('vmSizeStatus', () => {
  it.each([
    ['Standard_D2s_v3', 'supported', 'Dsv3-series', false],
    ['Standard_D2_v3', 'notSupported', 'Dv3-series', true],
    ['standard_d2_V3', 'notSupported', 'Dv3-series', true],
    ['Standard_DS2_v2', 'supported', 'DSv2-series', false],
    ['Standard_D2_v2_Promo', 'notSupported', 'Dv2-series', true],
    ['Basic_A1', 'notSupported', 'A-family', true],
    ['Standard_E2_v3', 'notSupported', 'Ev3-series', true],
    ['Standard_NC6', 'notSupported', 'NC-series (v1', true],
    ['Standard_M64s', 'currentlyNotSupported', 'M-family', false],
    ['Standard_D2ps_v5', 'currentlyNotSupported', 'Dpsv5', false],
    ['Standard_ND96asr_v4', 'currentlyNotSupported', 'NDasrA100_v4', false],
    ['Standard_B2ps_v2', 'uncertain', 'Bpsv2', false],
    ['Standard_B2s', 'supported', 'B-family', false],
    ['Standard_D4ads_v5', 'supported', 'D-family v4', false],
    ['Standard_NC6s_v3', 'supported', 'NC-family v2+', false],
    ['Standard_HB120rs_v3', 'supported', 'HPC', false],
  ] as const)('%s is %s (%s)', (size, status, family, gen1Only) => {
    const found = vmSizeStatus(size);
    expect(found?.status).toBe(status);
    expect(found?.family.startsWith(family)).toBe(true);
    expect(found?.gen1Only).toBe(gen1Only);
    expect(found?.source).toMatch(/trusted-launch\.md|series/);
  });

  it('keeps the conflicting confidence of the DC family', () => {
    expect(vmSizeStatus('Standard_DC2as_v5')).toMatchObject({ status: 'notSupported', confidence: 'conflicting' });
  });

  it.each(['Standard_D2', 'Standard_DS2', 'Standard_F2', 'Standard_F2s', 'Standard_H16r', 'Standard_D2_v3 ', ''])(
    'does not classify %j (unknown, verify)',
    (size) => {
      expect(vmSizeStatus(size)).toBeUndefined();
    },
  );

  it('classifies every example of ../shared/data/vm-size-families.json under its own family', () => {
    for (const entry of sharedFamilies) {
      for (const example of entry.examples) {
        expect(vmSizeStatus(example), example).toMatchObject({ family: entry.family, status: entry.status });
      }
    }
  });

  it('knows the workload class of a size', () => {
    expect(workloadClassOf('Standard_E8s_v5')).toBe('memoryOptimized');
    expect(workloadClassOf('Standard_NV12s_v3')).toBe('gpu');
    expect(workloadClassOf('Custom_X1')).toBeUndefined();
  });
});

describe('supportedSizesLike', () => {
  it.each([
    ['Standard_D2_v3', 'Standard_D2s_v3'],
    ['Standard_D11_v2', 'Standard_DS11_v2'],
    ['Standard_E64i_v3', 'Standard_E64is_v3'],
  ])('suggests the premium twin of %s first', (size, twin) => {
    expect(supportedSizesLike(size)[0]).toMatchObject({ size: twin, reason: 'premiumTwin' });
  });

  it('suggests supported sizes of the same workload class', () => {
    expect(supportedSizesLike('Standard_NC6').map((s) => s.size)).toEqual(['Standard_NC6s_v3', 'Standard_ND40rs_v2', 'Standard_NV12s_v3']);
    expect(supportedSizesLike('Standard_M64s').map((s) => s.size)).toEqual(['Standard_E2s_v3', 'Standard_E2s_v5']);
  });

  it('stays on Arm64 for an Arm64 size', () => {
    expect(supportedSizesLike('Standard_D2ps_v5').map((s) => s.size)).toEqual(['Standard_D2ps_v6']);
  });

  it('suggests only supported sizes of the same class and architecture, never the size itself', () => {
    const names = fc.oneof(
      fc.constantFrom(...sharedFamilies.flatMap((e) => e.examples)),
      fc.string(),
      fc.stringMatching(/^Standard_[A-Z]{1,3}\d{1,3}[a-z]{0,3}(_v\d)?$/),
    );
    fc.assert(
      fc.property(names, (size) => {
        const own = vmSizeStatus(size);
        for (const suggestion of supportedSizesLike(size)) {
          const status = vmSizeStatus(suggestion.size);
          expect(status?.status).toBe('supported');
          expect(suggestion.size.toLowerCase()).not.toBe(size.toLowerCase());
          if (suggestion.reason === 'sameWorkloadClass') {
            expect(status?.workloadClass).toBe(own?.workloadClass ?? workloadClassOf(size));
            expect(status?.arm64).toBe(own?.arm64 ?? false);
          }
        }
      }),
    );
  });
});
