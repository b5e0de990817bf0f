import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { armCorpusFiles } from '../corpus-files.js';
import { sarifValidator } from '../formatters/sarif-schema.js';
import { parseXml } from '../formatters/xml.js';
import { repoRoot, runReal } from './real-host.js';
import { tempTree } from './temp-tree.js';

/** Every 25th ARM file of the corpus: real templates with real findings. */
const sample = armCorpusFiles()
  .filter((_, i) => i % 25 === 0)
  .map((e) => e.path);

describe('CI formats on real templates (real engine)', () => {
  it('sarif validates against the schema, and every result resolves to its rule', async () => {
    const { stdout } = await runReal(repoRoot, ['--format', 'sarif', ...sample]);
    const log = JSON.parse(stdout) as Sarif.Log;
    expect(sarifValidator()(log)).toEqual([]);
    const run = log.runs[0];
    const results = run?.results ?? [];
    expect(results.length).toBeGreaterThan(20);
    for (const result of results) expect(run?.tool.driver.rules?.[result.ruleIndex ?? -1]?.id).toBe(result.ruleId);
    expect(results.some((r) => (r.fixes?.length ?? 0) > 0)).toBe(true);
  });

  it('junit is well-formed XML with a failure per rule with errors', async () => {
    const { stdout } = await runReal(repoRoot, ['--format', 'junit', ...sample]);
    const root = parseXml(stdout);
    expect(root.name).toBe('testsuites');
    expect(Number(root.attributes.failures)).toBeGreaterThan(0);
    expect(root.children).toHaveLength(sample.length);
  });

  it('github and sarif paths are relative to GITHUB_WORKSPACE when it is set', async () => {
    const root = tempTree({ 'infra/vmss.json': '{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", ' });
    const env = { GITHUB_WORKSPACE: root };
    const github = await runReal(join(root, 'infra'), ['--format', 'github', 'vmss.json'], { env });
    expect(github.stdout).toMatch(/^::error file=infra\/vmss\.json,line=1,/);
    const sarif = JSON.parse((await runReal(join(root, 'infra'), ['--format', 'sarif', 'vmss.json'], { env })).stdout) as Sarif.Log;
    expect(sarif.runs[0]?.originalUriBaseIds?.SRCROOT?.uri).toBe(`file://${root}/`);
    const local = await runReal(join(root, 'infra'), ['--format', 'github', 'vmss.json']);
    expect(local.stdout).toMatch(/^::error file=vmss\.json,line=1,/);
  });
});
