import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileLintResult } from '../../src/engine/api.js';
import { createEngine } from '../../src/engine/engine.js';
import { INTERNAL_ERROR } from '../../src/engine/run-rules.js';
import { parseSource, prepareFrontend } from '../../src/model/frontends.js';
import { createSourceFile } from '../../src/model/source.js';
import { acceptedBicepFiles } from '../bicep/corpus-files.js';
import { corpusEntries, corpusRoot } from '../corpus-files.js';

/** What a finding is about: its rule, message and resource (positions move when the text is fixed). */
const identity = (m: { readonly ruleId: string | null; readonly messageId?: string; readonly resourceKey?: string }) =>
  `${String(m.ruleId)}/${m.messageId ?? ''} @ ${m.resourceKey ?? ''}`;

const fixable = (result: FileLintResult) =>
  new Set(result.messages.filter((m) => m.fix !== undefined || (m.suggestions?.length ?? 0) > 0).map(identity));

const templates = [...corpusEntries().filter((e) => e.kind === 'arm-json'), ...acceptedBicepFiles()].map((e) => e.path);

// The engine in this thread, as --fix --unsafe-fixes runs it on each file (passes until nothing
// changes, at most 10), without writing: the corpus is read-only and shared.
describe('--fix --unsafe-fixes over the whole corpus', () => {
  it('converges within 10 passes, re-parses, and the fixed findings are gone', async () => {
    expect(templates.length).toBeGreaterThan(1100);
    const lint = await createEngine({ cwd: corpusRoot });
    const fix = await createEngine({ cwd: corpusRoot, fix: 'unsafe' });
    const problems: string[] = [];
    let changed = 0;
    for (const path of templates) {
      const name = relative(corpusRoot, path);
      const text = readFileSync(path, 'utf8');
      const before = await lint.lintFile(path, text);
      const fixed = await fix.lintFile(path, text);
      for (const m of fixed.messages) if (m.ruleId === INTERNAL_ERROR || m.fatal === true) problems.push(`${name}: ${m.message}`);
      if (fixed.output === undefined) continue;
      changed++;
      await prepareFrontend(path);
      if (parseSource(createSourceFile(path, fixed.output), {}).kind !== 'template') problems.push(`${name}: the fixed text does not parse as a template`);
      if ((await fix.lintFile(path, fixed.output)).output !== undefined) problems.push(`${name}: not converged after 10 passes`);
      const wanted = fixable(before);
      for (const m of fixed.messages) if (wanted.has(identity(m))) problems.push(`${name}: still ${identity(m)} ${m.message}`);
    }
    expect(problems).toEqual([]);
    expect(changed).toBeGreaterThan(300);
  }, 600_000);
});
