import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/engine/engine.js';
import { parseSource } from '../src/model/frontends.js';
import { createSourceFile } from '../src/model/source.js';
import { corpusEntries, corpusRoot } from './corpus-files.js';

// Blockers that no fix can remove: they need a decision or an Azure-side change (issue 3).
const NO_FIX_BLOCKERS = new Set([
  'data-disks-need-rolling-max-surge',
  'flexible-orchestration',
  'service-fabric-node-type',
  'managed-image-source',
  'unsupported-vm-size',
  'gen1-image',
  'gallery-image-not-trusted-launch',
]);

describe('--fix then --unsafe-fixes on every quickstart scale-set sample', () => {
  it('re-parses and leaves no error-level finding but blockers without a fix', async () => {
    const samples = corpusEntries().filter((e) => e.kind === 'arm-json' && e.hasVmss && e.path.includes('azure-quickstart-templates'));
    expect(samples.length).toBeGreaterThan(40);
    const safe = await createEngine({ cwd: corpusRoot, fix: 'safe' });
    const unsafe = await createEngine({ cwd: corpusRoot, fix: 'unsafe' });
    const leftovers: string[] = [];
    let fixed = 0;
    for (const sample of samples) {
      const first = await safe.lintFile(sample.path);
      const second = await unsafe.lintFile(sample.path, first.output);
      const text = second.output ?? first.output;
      if (text === undefined) continue;
      fixed++;
      expect(parseSource(createSourceFile(sample.path, text), {}).kind, sample.path).toBe('template');
      for (const m of second.messages) {
        if (m.severity === 2 && (m.ruleId === null || !NO_FIX_BLOCKERS.has(m.ruleId) || m.fix !== undefined || m.suggestions !== undefined)) {
          leftovers.push(`${sample.path.slice(corpusRoot.length)}:${String(m.line)} ${m.ruleId ?? 'fatal'}: ${m.message}`);
        }
      }
    }
    expect(fixed).toBeGreaterThan(30);
    expect(leftovers).toEqual([]);
  });
});
