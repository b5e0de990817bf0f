import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/engine/engine.js';

const fixtures = join(import.meta.dirname, 'fixtures', 'seed');
const read = (name: string) => readFileSync(join(fixtures, name), 'utf8');
const errorsOf = (messages: readonly { severity: number; ruleId: string | null }[]) =>
  messages.filter((m) => m.severity === 2).map((m) => m.ruleId);

describe('the seed article', () => {
  it('its full sample template gives no error-level finding', async () => {
    const engine = await createEngine({ cwd: fixtures });
    const result = await engine.lintFile(join(fixtures, 'full-template.json'));
    expect(result.kind).toBe('template');
    expect(errorsOf(result.messages)).toEqual([]);
  });

  it('its Guest Attestation snippet gives invalid-template-expression at the unquoted GuestAttestation', async () => {
    const engine = await createEngine({ cwd: fixtures });
    // The snippet is a bare resource: lint it inside a template, as the article's readers paste it.
    const snippet = read('guest-attestation-snippet.json');
    const prefix = '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0", "resources": [\n';
    const result = await engine.lintFile(join(fixtures, 'snippet-in-template.json'), `${prefix}${snippet}]}`);
    const found = result.messages.filter((m) => m.ruleId === 'invalid-template-expression');
    expect(found).toHaveLength(1);
    const [message] = found;
    const line = snippet.split('\n').findIndex((l) => l.includes('GuestAttestation)')) + 2;
    const column = (snippet.split('\n')[line - 2] ?? '').indexOf('GuestAttestation)') + 1;
    expect(message).toMatchObject({ messageId: 'syntax', line, column, endLine: line, endColumn: column + 'GuestAttestation'.length });
  });

  it('a Standard, old-apiVersion variant is turned by --fix into a template with no error', async () => {
    const before = await (await createEngine({ cwd: fixtures })).lintFile(join(fixtures, 'standard-old-api.json'));
    // The Guest Attestation extension's condition holds (its variables say Secure Boot and vTPM are
    // on) while the scale set itself has no security profile: that is a finding too.
    expect(errorsOf(before.messages).sort()).toEqual(['api-version-too-old', 'attestation-requires-secure-boot-and-vtpm', 'security-type-not-trusted-launch']);
    const fixer = await createEngine({ cwd: fixtures, fix: 'safe' });
    const fixed = await fixer.lintFile(join(fixtures, 'standard-old-api.json'));
    expect(fixed.output).toBeDefined();
    expect(errorsOf(fixed.messages)).toEqual([]);
    const again = await fixer.lintFile(join(fixtures, 'fixed.json'), fixed.output);
    expect(again.output).toBeUndefined();
  });
});
