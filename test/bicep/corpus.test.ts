// Every .bicep file of the shared corpus through the engine: no internal error anywhere, and no
// syntax finding on what the Bicep compiler accepts.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { INTERNAL_ERROR } from '../../src/engine/run-rules.js';
import { corpusRoot } from '../corpus-files.js';
import { acceptedBicepFiles, bicepCorpusFiles } from './corpus-files.js';

describe('the Bicep corpus', () => {
  it('lints every .bicep file with no internal error, and every file the compiler accepts as a template', { timeout: 300_000 }, async () => {
    const engine = await createEngine({ cwd: corpusRoot });
    const files = bicepCorpusFiles();
    const accepted = new Set(acceptedBicepFiles().map((e) => e.path));
    expect(files.length).toBeGreaterThan(900);
    expect(accepted.size).toBeGreaterThan(230);
    const internal: string[] = [];
    const rejected: string[] = [];
    for (const entry of files) {
      const result = await engine.lintFile(entry.path);
      for (const m of result.messages) {
        if (m.ruleId === INTERNAL_ERROR || (m.fatal === true && /internal error|nested too deeply|not loaded/i.test(m.message))) internal.push(`${entry.path}: ${m.message}`);
      }
      if (accepted.has(entry.path) && result.kind !== 'template') rejected.push(`${entry.path}: ${result.messages[0]?.message ?? result.kind}`);
    }
    expect(internal).toEqual([]);
    expect(rejected).toEqual([]);
  });
});
