import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/engine/engine.js';
import { INTERNAL_ERROR } from '../src/engine/run-rules.js';
import { armCorpusFiles, corpusRoot } from './corpus-files.js';

describe('the ARM corpus', () => {
  it('lints every ARM JSON file with no internal error', async () => {
    const engine = await createEngine({ cwd: corpusRoot });
    const files = armCorpusFiles();
    expect(files.length).toBeGreaterThan(2000);
    const internal: string[] = [];
    const notTemplates: string[] = [];
    for (const entry of files) {
      const result = await engine.lintFile(entry.path);
      if (entry.kind === 'arm-json' && result.kind !== 'template') notTemplates.push(`${entry.path}: ${result.kind}`);
      for (const m of result.messages) if (m.ruleId === INTERNAL_ERROR) internal.push(`${entry.path}: ${m.message}`);
    }
    expect(internal).toEqual([]);
    // Every quickstart and AVM template is recognised as one.
    expect(notTemplates).toEqual([]);
  });
});
