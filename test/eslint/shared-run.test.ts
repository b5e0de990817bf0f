/** One engine run per file serves all 18 rules; a rule with its own options is run again alone. */
import { ESLint, type Linter } from 'eslint';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as runRulesModule from '../../src/engine/run-rules.js';
import plugin from '../../src/eslint/index.js';
import { armScaleSet } from './templates.js';

vi.mock('../../src/engine/run-rules.js', async (importOriginal) => {
  const original = await importOriginal<typeof runRulesModule>();
  return { ...original, runRules: vi.fn(original.runRules) };
});

const runRules = vi.mocked(runRulesModule.runRules);

async function lint(extra: readonly Linter.Config[] = []) {
  const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: [plugin.configs.recommended, ...extra] });
  const [result] = await eslint.lintText(armScaleSet({ upgradeMode: 'Manual' }), { filePath: 'vmss.json' });
  return result?.messages.map((m) => m.ruleId);
}

describe('engine runs per file', () => {
  beforeEach(() => {
    runRules.mockClear();
  });

  it('runs every rule once for all the ESLint rules', async () => {
    expect(await lint()).toEqual(['tl-lint/api-version-too-old', 'tl-lint/manual-upgrade-policy']);
    expect(runRules).toHaveBeenCalledTimes(1);
    expect(runRules.mock.calls[0]?.[1]).toHaveLength(Object.keys(plugin.rules).length);
  });

  it('runs a rule with other options once more, alone', async () => {
    const extra: Linter.Config[] = [{ files: ['**/*.json'], rules: { 'tl-lint/api-version-too-old': ['error', { targetApiVersion: 'latest' }] } }];
    expect(await lint(extra)).toEqual(['tl-lint/api-version-too-old', 'tl-lint/manual-upgrade-policy']);
    expect(runRules).toHaveBeenCalledTimes(2);
    expect(runRules.mock.calls.map((call) => call[1].map((r) => r.rule.meta.id))).toContainEqual(['api-version-too-old']);
  });
});
