import { describe, expect, it } from 'vitest';
import { resourceLocator } from '../../src/cli/fingerprint.js';
import { createEngine } from '../../src/engine/engine.js';
import { defineRule, noOptions, type Rule } from '../../src/engine/rule.js';
import { formatMessage, INTERNAL_ERROR, runRules } from '../../src/engine/run-rules.js';
import { parseArmFile } from '../../src/model/arm/index.js';
import { createSourceFile } from '../../src/model/source.js';
import { template } from '../rules/harness.js';

function model(text: string) {
  const parsed = parseArmFile(createSourceFile('/repo/main.json', text), {});
  if (parsed.kind !== 'template') throw new Error(`not a template: ${parsed.kind}`);
  return parsed.model;
}

const throwing: Rule<unknown> = defineRule({
  meta: { id: 'always-throws', level: 'warn', mode: 'both', description: 'd', messages: { m: 'm' }, fix: 'none', options: noOptions },
  check() {
    throw new TypeError('boom');
  },
});

const upgradeOnly: Rule<unknown> = defineRule({
  meta: { id: 'upgrade-only', level: 'info', mode: 'upgrade', description: 'd', messages: { m: 'found {{what}}' }, fix: 'none', options: noOptions },
  check(context) {
    context.report({ messageId: 'm', data: { what: 'it' }, range: { start: 0, end: 1 } });
  },
});

describe('runRules', () => {
  const text = template('[]');

  it('turns a rule that throws into one internal-error finding naming the rule and the file', () => {
    const findings = runRules(model(text), [{ rule: throwing, level: 'warn', options: {} }, { rule: upgradeOnly, level: 'info', options: {} }], 'upgrade');
    expect(findings.map((f) => [f.ruleId, f.level])).toEqual([
      [INTERNAL_ERROR, 'error'],
      ['upgrade-only', 'info'],
    ]);
    expect(findings[0]?.message).toBe("Rule 'always-throws' failed on /repo/main.json: boom. This is a bug in tl-lint; please report it.");
    expect(findings[1]?.message).toBe('found it');
  });

  it('skips upgrade-only rules in new mode', () => {
    expect(runRules(model(text), [{ rule: upgradeOnly, level: 'info', options: {} }], 'new')).toEqual([]);
  });

  it('fills placeholders and keeps unknown ones visible', () => {
    expect(formatMessage('{{a}} and {{ b }} and {{c}}', { a: 1, b: 'two' })).toBe('1 and two and {{c}}');
  });
});

describe('related locations', () => {
  it('point at the parameter default that decides securityType', async () => {
    const code = template(
      '[ { "type": "Microsoft.Compute/virtualMachines", "apiVersion": "2024-07-01", "name": "vm1", "properties": { "securityProfile": { "securityType": "[parameters(\'st\')]" } } } ]',
      '{ "st": { "type": "string", "defaultValue": "Standard" } }',
    );
    const engine = await createEngine({ cwd: '/repo', ruleOverrides: { 'security-type-overridable': 'off', 'uefi-settings-disabled': 'off' } });
    const result = await engine.lintFile('/repo/vm.json', code);
    const finding = result.messages.find((m) => m.ruleId === 'security-type-not-trusted-launch');
    expect(finding?.related).toEqual([
      { filePath: '/repo/vm.json', message: "securityType comes from the parameter 'st' here", line: 4, column: 61, endLine: 4, endColumn: 71 },
    ]);
  });
});

describe('suppression', () => {
  it('counts suppressed findings and honours resource metadata in strict JSON', async () => {
    const code = template(
      '[ { "type": "Microsoft.Compute/virtualMachines", "apiVersion": "2019-07-01", "name": "vm1", "metadata": { "tl-lint-disable": ["api-version-too-old"], "tl-lint-reason": "pinned" } } ]',
    );
    const engine = await createEngine({ cwd: '/repo' });
    const result = await engine.lintFile('/repo/vm.json', code);
    expect(result.messages.map((m) => m.ruleId)).not.toContain('api-version-too-old');
    expect(result.suppressedMessages.map((m) => m.ruleId)).toContain('api-version-too-old');
  });

  it('honours a disable-next-line comment', async () => {
    const code = template('[\n    // tl-lint-disable-next-line api-version-too-old -- pinned by the platform team\n    { "type": "Microsoft.Compute/virtualMachines", "apiVersion": "2019-07-01", "name": "vm1" } ]');
    const engine = await createEngine({ cwd: '/repo', ruleOverrides: { 'security-type-not-trusted-launch': 'off' } });
    const result = await engine.lintFile('/repo/vm.json', code);
    expect(result.messages).toEqual([]);
    expect(result.suppressedMessages.map((m) => m.ruleId)).toEqual(['api-version-too-old']);
  });
});

describe('resource keys', () => {
  it('name the innermost resource of each finding, as a re-parse for fingerprints would', async () => {
    const code = template('[ { "type": "Microsoft.Compute/virtualMachines", "apiVersion": "2019-07-01", "name": "[parameters(\'vmName\')]" } ]', '{ "vmName": { "type": "string" } }');
    const result = await (await createEngine({ cwd: '/repo' })).lintFile('/repo/vm.json', code);
    expect(result.messages.length).toBeGreaterThan(0);
    const reparsed = resourceLocator('/repo/vm.json', code);
    for (const m of result.messages) {
      expect(m.resourceKey).toBe("microsoft.compute/virtualmachines [parameters('vmName')]");
      expect(m.resourceKey).toBe(reparsed(m.offset, m.length));
    }
  });
});
