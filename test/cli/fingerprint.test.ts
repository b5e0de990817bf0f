import { describe, expect, it } from 'vitest';
import type * as Sarif from 'sarif';
import { FINGERPRINT_KEY, resourceLocator } from '../../src/cli/fingerprint.js';
import { resourceIdentity as identity } from '../../src/engine/resource-key.js';
import { parseSource } from '../../src/model/frontends.js';
import { createSourceFile } from '../../src/model/source.js';
import { sarifValidator } from '../formatters/sarif-schema.js';
import { parameterFile, runReal, scaleSetTemplate, storageAccount } from './real-host.js';
import { tempTree } from './temp-tree.js';

interface Found {
  readonly ruleId: string | undefined;
  readonly line: number | undefined;
  readonly message: string | undefined;
  readonly fingerprint: string | undefined;
}

async function sarifFindings(cwd: string, argv: readonly string[]): Promise<Found[]> {
  const { stdout } = await runReal(cwd, ['--format', 'sarif', ...argv]);
  const log = JSON.parse(stdout) as Sarif.Log;
  expect(sarifValidator()(log)).toEqual([]);
  return (log.runs[0]?.results ?? []).map((r) => ({
    ruleId: r.ruleId,
    line: r.locations?.[0]?.physicalLocation?.region?.startLine,
    message: r.message.text,
    fingerprint: r.partialFingerprints?.[FINGERPRINT_KEY],
  }));
}

const securityType = (found: readonly Found[]) => found.filter((f) => f.ruleId === 'security-type-not-trusted-launch');

describe('fingerprints (real engine, SARIF partialFingerprints)', () => {
  it('are the same for the same finding reached through two parameter files, though the messages differ', async () => {
    const root = tempTree({
      'vmss.json': scaleSetTemplate(),
      'a.json': parameterFile({ vmssName: 'web-a', securityType: 'Standard' }),
      'b.json': parameterFile({ vmssName: 'web-b', securityType: 'Standard' }),
    });
    const [a] = securityType(await sarifFindings(root, ['vmss.json', '--parameters', 'a.json']));
    const [b] = securityType(await sarifFindings(root, ['vmss.json', '--parameters', 'b.json']));
    expect(a?.message).toContain("'web-a'");
    expect(b?.message).toContain("'web-b'");
    expect(a?.fingerprint).toMatch(/^[0-9a-f]{32}:1$/);
    expect(b?.fingerprint).toBe(a?.fingerprint);
  });

  it('survive moved lines and re-indentation, and tell two scale sets apart', async () => {
    const before = tempTree({ 'vmss.json': scaleSetTemplate({ names: ['web', 'api'] }) });
    const after = tempTree({ 'vmss.json': scaleSetTemplate({ names: ['web', 'api'], before: [storageAccount] }).replaceAll('  ', '    ') });
    const first = securityType(await sarifFindings(before, ['vmss.json']));
    const moved = securityType(await sarifFindings(after, ['vmss.json']));
    expect(first).toHaveLength(2);
    expect(moved.map((f) => f.line)).not.toEqual(first.map((f) => f.line));
    expect(moved.map((f) => f.fingerprint)).toEqual(first.map((f) => f.fingerprint));
    expect(new Set(first.map((f) => f.fingerprint)).size).toBe(2);
  });

  it('change with the file path', async () => {
    const root = tempTree({ 'a/vmss.json': scaleSetTemplate(), 'b/vmss.json': scaleSetTemplate() });
    const found = securityType(await sarifFindings(root, ['a', 'b']));
    expect(found).toHaveLength(2);
    expect(found[0]?.fingerprint).not.toBe(found[1]?.fingerprint);
  });
});

describe('resource identity', () => {
  it('is the written type and name of the innermost resource and what encloses it', () => {
    const text = JSON.stringify(
      {
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        resources: [
          {
            type: 'Microsoft.Compute/virtualMachineScaleSets',
            apiVersion: '2024-07-01',
            name: "[parameters('n')]",
            resources: [{ type: 'extensions', apiVersion: '2024-07-01', name: 'GuestAttestation', properties: { publisher: 'X' } }],
          },
        ],
      },
      null,
      2,
    );
    const locate = resourceLocator('/t.json', text);
    expect(locate(text.indexOf('"X"'), 3)).toBe("microsoft.compute/virtualmachinescalesets [parameters('n')] > microsoft.compute/virtualmachinescalesets/extensions GuestAttestation");
    expect(locate(text.indexOf("[parameters('n')]"), 5)).toBe("microsoft.compute/virtualmachinescalesets [parameters('n')]");
    expect(locate(0, 1)).toBe('');
    const parsed = parseSource(createSourceFile('/t.json', text), {});
    if (parsed.kind !== 'template') throw new Error('not a template');
    expect(parsed.model.resources.map(identity)).toHaveLength(2);
  });
});
