import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { lintWithRule } from './harness.js';

export interface FixtureExpectation {
  readonly file: string;
  /** `messageId@line:column` of every finding of the rule, in order. */
  readonly findings: readonly string[];
}

/** Lints real templates from test/fixtures/rules/<id>/ with only this rule on. */
export function fixtureTests(ruleId: string, expectations: readonly FixtureExpectation[]): void {
  it.each(expectations)('real fixture $file', async ({ file, findings }) => {
    const code = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'rules', ruleId, file), 'utf8');
    const result = await lintWithRule(ruleId, { name: file, code, filename: file });
    expect(result.messages.map((m) => `${m.messageId ?? ''}@${String(m.line)}:${String(m.column)}`)).toEqual(findings);
  });
}
