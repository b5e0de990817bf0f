import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileSources, compiledBin } from '../cli/compiled.js';
import { tempTree } from '../cli/temp-tree.js';
import { goodTemplate, scaleSet, stackTraceLine, templateText } from './hostile.js';

interface ReportedFile {
  readonly filePath: string;
  readonly messages: readonly { readonly ruleId: string | null; readonly line: number; readonly column: number; readonly message: string }[];
}

// The heap the CLI may use: the bound on memory. Past it, Node stops with an out-of-memory error
// and the test fails.
const HEAP_MB = 1024;

/** The report of each file named, by name. */
function tlLint(cwd: string, args: readonly string[]): ReadonlyMap<string, ReportedFile> {
  const run = spawnSync(process.execPath, [`--max-old-space-size=${String(HEAP_MB)}`, compiledBin, '--format', 'json', ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  expect(run.stderr).not.toMatch(stackTraceLine);
  expect(run.stderr).not.toContain('heap out of memory');
  expect(run.status).toBe(1);
  const report = JSON.parse(run.stdout) as ReportedFile[];
  return new Map(report.map((r) => [r.filePath.slice(cwd.length + 1), r]));
}

const storageAccount = (i: number) => ({
  type: 'Microsoft.Storage/storageAccounts',
  apiVersion: '2023-01-01',
  name: `storage${String(i)}`,
  location: 'westeurope',
  sku: { name: 'Standard_LRS' },
  kind: 'StorageV2',
  properties: { description: 'x'.repeat(300) },
});

beforeAll(() => {
  compileSources();
}, 300_000);

describe('very large files', () => {
  it('a 30 MB template of 60,000 resources, and the good file beside it', () => {
    const resources = [...Array.from({ length: 60_000 }, (_, i) => storageAccount(i)), scaleSet('last')];
    const root = tempTree({ 'huge.json': templateText({ resources }), 'good.json': goodTemplate });
    const report = tlLint(root, ['huge.json', 'good.json']);
    expect([...report].map(([file, r]) => [file, r.messages.length])).toEqual([
      ['good.json', 3],
      ['huge.json', 3],
    ]);
    expect(report.get('huge.json')?.messages[0]).toMatchObject({ ruleId: 'manual-upgrade-policy', line: 780_006, column: 15 });
  }, 120_000);

  // Every finding of every scale set renders its fix: a cost per fix that grows with the file made
  // this quadratic (2,500 scale sets took 20 s, 10,000 took minutes).
  it.each([
    { layout: 'indented', indent: 2 },
    { layout: 'minified', indent: undefined },
  ])('5,000 scale sets with three findings each, $layout', ({ indent }) => {
    const resources = Array.from({ length: 5000 }, (_, i) => scaleSet(`vmss${String(i)}`));
    const text = JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', resources }, null, indent);
    const root = tempTree({ 'many.json': text, 'good.json': goodTemplate });
    const report = tlLint(root, ['many.json', 'good.json']);
    const many = report.get('many.json');
    const good = report.get('good.json');
    expect(many?.messages.length).toBe(15_000);
    expect(new Set(many?.messages.map((m) => m.ruleId))).toEqual(new Set(['manual-upgrade-policy', 'security-type-not-trusted-launch', 'api-version-too-old']));
    expect(good?.messages.length).toBe(3);
  }, 120_000);

  it('1,000 Bicep scale sets with three findings each', () => {
    const scaleSets = Array.from({ length: 1000 }, (_, i) =>
      [
        `resource vmss${String(i)} 'Microsoft.Compute/virtualMachineScaleSets@2019-07-01' = {`,
        `  name: 'vmss${String(i)}'`,
        "  location: 'westeurope'",
        "  properties: { virtualMachineProfile: { storageProfile: { osDisk: { createOption: 'FromImage', osType: 'Linux' } } } }",
        '}',
      ].join('\n'),
    );
    const root = tempTree({ 'many.bicep': `${scaleSets.join('\n')}\n`, 'good.json': goodTemplate });
    const report = tlLint(root, ['many.bicep', 'good.json']);
    expect(report.get('many.bicep')?.messages.length).toBe(3000);
    expect(report.get('good.json')?.messages.length).toBe(3);
  }, 120_000);

  it('5 MB strings as a value, an expression, a key and a resource name', () => {
    const big = 'y'.repeat(5_000_000);
    const text = templateText({
      variables: { plain: big, expression: `[concat('${big}', '${big}')]`, [big]: 1 },
      resources: [scaleSet(`[concat('vmss', '${big}')]`), scaleSet('named')],
    });
    const root = tempTree({ 'strings.json': text, 'good.json': goodTemplate });
    const report = tlLint(root, ['strings.json', 'good.json']);
    const strings = report.get('strings.json');
    const good = report.get('good.json');
    expect(strings?.messages.map((m) => [m.ruleId, m.line])).toEqual([
      ['manual-upgrade-policy', 11],
      ['security-type-not-trusted-launch', 11],
      ['api-version-too-old', 12],
      ['manual-upgrade-policy', 27],
      ['security-type-not-trusted-launch', 27],
      ['api-version-too-old', 28],
    ]);
    expect(good?.messages.length).toBe(3);
  }, 120_000);
});
