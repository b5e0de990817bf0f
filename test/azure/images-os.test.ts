import { describe, expect, it } from 'vitest';
import { gen2ImageFor, osFromImagePublisher, trustedLaunchSupportedOs } from '../../src/azure/index.js';
import { readSharedJson } from './paths.js';

interface SharedPair {
  readonly os: string;
  readonly publisher: string;
  readonly gen1: { readonly offer: string; readonly sku: string } | null;
  readonly gen2: { readonly offer: string; readonly sku: string } | null;
}
const sharedPairs = (readSharedJson('data/image-gen2-mapping.json') as { entries: readonly SharedPair[] }).entries;

describe('gen2ImageFor', () => {
  it('has no Trusted Launch target for Windows Server 2012 R2', () => {
    expect(gen2ImageFor({ publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2012-R2-Datacenter' })).toMatchObject({
      generation: 'gen1',
      os: 'Windows Server 2012/2012 R2',
      gen2: { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2012-r2-datacenter-gensecond' },
      target: 'osNotSupported',
      trustedLaunchSupportedOs: false,
      confidence: 'documented',
    });
  });

  it('maps Windows Server 2019 Datacenter to its Gen2 SKU, case-insensitively', () => {
    const lookup = gen2ImageFor({ publisher: 'microsoftwindowsserver', offer: 'windowsserver', sku: '2019-datacenter' });
    expect(lookup).toMatchObject({
      generation: 'gen1',
      gen2: { offer: 'WindowsServer', sku: '2019-datacenter-gensecond' },
      target: 'available',
      confidence: 'documented',
    });
    expect(lookup?.source).toContain('generation-2.md');
  });

  it.each([
    ['Canonical', 'UbuntuServer', '18.04-LTS', 'gen1', '18_04-lts-gen2', 'available'],
    ['Canonical', '0001-com-ubuntu-server-jammy', '22_04-lts-gen2', 'gen2', '22_04-lts-gen2', 'available'],
    ['Canonical', 'ubuntu-24_04-lts', 'server-gen1', 'gen1', 'server', 'unverified'],
    ['MicrosoftWindowsServer', 'WindowsServer', '2022-datacenter-azure-edition', 'gen2', '2022-datacenter-azure-edition', 'available'],
    ['OpenLogic', 'CentOS', '7_9', 'gen1', '7_9-gen2', 'osNotSupported'],
  ] as const)('%s:%s:%s is %s with Gen2 SKU %s (%s)', (publisher, offer, sku, generation, gen2Sku, target) => {
    expect(gen2ImageFor({ publisher, offer, sku })).toMatchObject({ generation, gen2: { sku: gen2Sku }, target });
  });

  it('has no Gen2 SKU name for RHEL 9.4, and no Gen1 image for Azure Edition', () => {
    expect(gen2ImageFor({ publisher: 'RedHat', offer: 'RHEL', sku: '9_4' })).toMatchObject({ gen2: undefined, target: 'unverified' });
    const azureEdition = gen2ImageFor({ publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2022-datacenter-azure-edition' });
    expect(azureEdition?.gen1).toBeUndefined();
  });

  it('does not know images outside the mapping', () => {
    expect(gen2ImageFor({ publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2008-R2-SP1' })).toBeUndefined();
    expect(gen2ImageFor({ publisher: 'Canonical', offer: 'WindowsServer', sku: '2019-Datacenter' })).toBeUndefined();
  });

  it('finds every image of ../shared/data/image-gen2-mapping.json with its own generation', () => {
    for (const pair of sharedPairs) {
      for (const [generation, image] of [['gen1', pair.gen1], ['gen2', pair.gen2]] as const) {
        if (image) expect(gen2ImageFor({ publisher: pair.publisher, ...image }), image.sku).toMatchObject({ generation, os: pair.os });
      }
    }
  });
});

describe('osFromImagePublisher', () => {
  it.each([
    ['MicrosoftWindowsServer', undefined, 'Windows'],
    ['microsoftwindowsdesktop', 'office-365', 'Windows'],
    ['MicrosoftVisualStudio', 'visualstudio2022', 'Windows'],
    ['canonical', undefined, 'Linux'],
    ['RedHat', 'RHEL', 'Linux'],
    ['resf', 'rockylinux-x86_64', 'Linux'],
    ['MicrosoftSQLServer', 'sql2019-ws2022', 'Windows'],
    ['MicrosoftSQLServer', 'sql2019-ubuntu2004', undefined],
    ['MicrosoftSQLServer', undefined, undefined],
    ['contoso', 'windows-11', 'Windows'],
    ['contoso', 'appliance', undefined],
  ] as const)('%s / %s → %s', (publisher, offer, os) => {
    expect(osFromImagePublisher(publisher, offer)).toBe(os);
  });

  it('agrees with the OS names of the image mapping', () => {
    for (const pair of sharedPairs) {
      expect(osFromImagePublisher(pair.publisher), pair.os).toBe(pair.os.startsWith('Windows') ? 'Windows' : 'Linux');
    }
  });

  it('carries the supported OS table with its sources', () => {
    const windowsServer = trustedLaunchSupportedOs.find((row) => row.os === 'Windows Server');
    expect(windowsServer?.versions2025).toContain('2016');
    expect(windowsServer?.versions2025).not.toContain('2012');
    expect(windowsServer?.source).toContain('trusted-launch.md');
  });
});
