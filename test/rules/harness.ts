import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FixLevel } from '../../src/engine/api.js';
import { createEngine, ruleMap } from '../../src/engine/engine.js';
import type { LintMessage } from '../../src/engine/result.js';

export interface ExpectedError {
  readonly messageId: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

export interface ValidCase {
  readonly name: string;
  readonly code: string;
  readonly options?: Record<string, unknown>;
  readonly mode?: 'upgrade' | 'new';
  readonly filename?: string;
}

export interface InvalidCase extends ValidCase {
  readonly errors: readonly ExpectedError[];
  /** The text after `--fix`; undefined: not checked; null: unchanged. */
  readonly output?: string | null;
  /** The text after `--unsafe-fixes`. */
  readonly unsafeOutput?: string | null;
}

/** Lints `code` with only `ruleId` on (plus its options), as the CLI would. */
export async function lintWithRule(ruleId: string, testCase: ValidCase, fix: FixLevel = false) {
  const dir = mkdtempSync(join(tmpdir(), 'tl-rule-'));
  writeFileSync(join(dir, 'tl-lint.config.json'), JSON.stringify({ rules: testCase.options ? { [ruleId]: ['error', testCase.options] } : {} }));
  const overrides = Object.fromEntries([...ruleMap.keys()].filter((id) => id !== ruleId).map((id) => [id, 'off' as const]));
  const engine = await createEngine({ cwd: dir, ruleOverrides: overrides, fix, ...(testCase.mode ? { mode: testCase.mode } : {}) });
  return engine.lintFile(join(dir, testCase.filename ?? 'template.json'), testCase.code);
}

const shape = (m: LintMessage, e: ExpectedError) => ({
  messageId: m.messageId,
  line: m.line,
  column: m.column,
  ...(e.endLine === undefined ? {} : { endLine: m.endLine }),
  ...(e.endColumn === undefined ? {} : { endColumn: m.endColumn }),
});

/** ESLint RuleTester-style table: valid cases report nothing, invalid ones exactly their errors and fix output. */
export function ruleTester(ruleId: string, cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }): void {
  describe(ruleId, () => {
    it.each(cases.valid)('valid: $name', async (testCase) => {
      const result = await lintWithRule(ruleId, testCase);
      expect(result.kind).toBe('template');
      expect(result.messages).toEqual([]);
    });
    it.each(cases.invalid)('invalid: $name', async (testCase) => {
      const result = await lintWithRule(ruleId, testCase);
      expect(result.kind).toBe('template');
      const actual = result.messages.map((m, i) => shape(m, testCase.errors[i] ?? testCase.errors[0] ?? { messageId: '', line: 0, column: 0 }));
      expect(actual).toEqual(testCase.errors.map((e) => ({ ...e })));
      for (const m of result.messages) expect(m.ruleId).toBe(ruleId);
      if (testCase.output !== undefined) {
        const fixed = await lintWithRule(ruleId, testCase, 'safe');
        expect(fixed.output ?? null).toBe(testCase.output);
      }
      if (testCase.unsafeOutput !== undefined) {
        const fixed = await lintWithRule(ruleId, testCase, 'unsafe');
        expect(fixed.output ?? null).toBe(testCase.unsafeOutput);
      }
    });
  });
}

/** A deployment template around `resources` (and optional `parameters`), 2-space indented. */
export function template(resources: string, parameters = ''): string {
  return [
    '{',
    '  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",',
    '  "contentVersion": "1.0.0.0",',
    ...(parameters ? [`  "parameters": ${parameters},`] : []),
    `  "resources": ${resources}`,
    '}',
    '',
  ].join('\n');
}

function singleResource(type: string, name: string) {
  return (properties: string, parameters = ''): string =>
    template(
      `[
    {
      "type": "${type}",
      "apiVersion": "2024-07-01",
      "name": "${name}",
      "properties": ${properties}
    }
  ]`,
      parameters,
    );
}

/** A template with one scale set named `web` whose `properties` are given. */
export const scaleSetTemplate = singleResource('Microsoft.Compute/virtualMachineScaleSets', 'web');

/** A template with one VM named `vm1` whose `properties` are given. */
export const vmTemplate = singleResource('Microsoft.Compute/virtualMachines', 'vm1');
