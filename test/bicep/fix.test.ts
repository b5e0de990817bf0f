// --fix on the corpus's Bicep templates: the result parses, keeps every comment, and lints again
// with nothing left that a fix could change.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { containsComment, tokenize } from '../../src/model/bicep/lexer.js';
import { parsesCleanly } from '../../src/model/bicep/parse.js';
import { corpusRoot } from '../corpus-files.js';
import { acceptedBicepFiles } from './corpus-files.js';

function comments(text: string): string[] {
  const found: { start: number; end: number }[] = [];
  tokenize(text, found);
  return found.map((range) => text.slice(range.start, range.end));
}

describe('--unsafe-fixes on Bicep', () => {
  it('leaves files that parse, keep their comments and re-lint with nothing fixable', { timeout: 300_000 }, async () => {
    const fixer = await createEngine({ cwd: corpusRoot, fix: 'unsafe' });
    const linter = await createEngine({ cwd: corpusRoot });
    const templates = acceptedBicepFiles().filter((e) => e.kind === 'bicep' && (e.hasVm || e.hasVmss));
    expect(templates.length).toBeGreaterThan(90);
    const problems: string[] = [];
    let fixed = 0;
    for (const { path } of templates) {
      const original = readFileSync(path, 'utf8');
      const result = await fixer.lintFile(path);
      if (result.output === undefined) continue;
      fixed++;
      if (!parsesCleanly(result.output, false)) problems.push(`${path}: does not parse`);
      const lost = comments(original).filter((comment) => !result.output?.includes(comment));
      if (lost.length > 0) problems.push(`${path}: lost ${lost.join(' | ')}`);
      const again = await linter.lintFile(path, result.output);
      const fixable = again.messages.filter((m) => m.fix !== undefined || (m.suggestions?.length ?? 0) > 0);
      if (fixable.length > 0) problems.push(`${path}: still fixable ${fixable.map((m) => `${m.ruleId ?? ''}@${String(m.line)}`).join(', ')}`);
    }
    expect(problems).toEqual([]);
    expect(fixed).toBeGreaterThan(50);
    expect(containsComment('// x')).toBe(true);
  });
});
