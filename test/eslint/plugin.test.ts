/** The plugin object: one ESLint rule per registry rule, made from its metadata, and the recommended config. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/engine/registry.js';
import { defineRule } from '../../src/engine/rule.js';
import { runRules } from '../../src/engine/run-rules.js';
import { parseArmFile } from '../../src/model/arm/index.js';
import { createSourceFile } from '../../src/model/source.js';
import { canonicalJson } from '../../src/eslint/engine-results.js';
import plugin from '../../src/eslint/index.js';
import { modeOf } from '../../src/eslint/rules.js';
import { armScaleSet } from './templates.js';

describe('generated rules', () => {
  it('has exactly the registry rules', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual(allRules.map((r) => r.meta.id).sort());
  });

  it.each(allRules.map((r) => [r.meta.id, r] as const))('%s: meta from the rule metadata', (id, rule) => {
    const meta = plugin.rules[id]?.meta;
    expect(meta?.docs?.description).toBe(rule.meta.description);
    expect(meta?.type).toBe(rule.meta.level === 'info' ? 'suggestion' : 'problem');
    expect(meta?.fixable).toBe(rule.meta.fix === 'safe' ? 'code' : undefined);
    expect(meta?.hasSuggestions).toBe(rule.meta.fix === 'safe' || rule.meta.fix === 'unsafe');
    expect(meta?.schema).toEqual([rule.meta.options.schema]);
    expect(meta?.defaultOptions).toEqual([rule.meta.options.defaults]);
    expect(meta?.messages).toMatchObject(rule.meta.messages);
    const url = meta?.docs?.url;
    expect(url).toMatch(new RegExp(`/docs/rules/${id}\\.md$`));
    expect(url !== undefined && existsSync(fileURLToPath(url))).toBe(true);
  });
});

describe('configs.recommended', () => {
  const { recommended } = plugin.configs;

  it('is one config object (ESLint rejects nested arrays) for JSON, JSONC and Bicep files', () => {
    expect(Array.isArray(recommended)).toBe(false);
    expect(recommended.files).toEqual(['**/*.json', '**/*.jsonc', '**/*.bicep', '**/*.bicepparam']);
    expect(recommended.language).toBe('tl-lint/template');
    expect(recommended.plugins).toEqual({ 'tl-lint': plugin });
  });

  it('takes levels from the metadata, info as warn', () => {
    const expected = Object.fromEntries(allRules.map((r) => [`tl-lint/${r.meta.id}`, r.meta.level === 'error' ? 'error' : 'warn']));
    expect(recommended.rules).toEqual(expected);
    expect(recommended.rules?.['tl-lint/manual-upgrade-policy']).toBe('warn');
  });

  it('has the three languages', () => {
    expect(Object.keys(plugin.languages).sort()).toEqual(['arm', 'bicep', 'template']);
  });
});

describe('helpers', () => {
  it('reads the mode from settings, upgrade by default, and rejects others', () => {
    expect(modeOf({})).toBe('upgrade');
    expect(modeOf({ 'tl-lint': { mode: 'new' } })).toBe('new');
    expect(() => modeOf({ 'tl-lint': { mode: 'old' } })).toThrow(/mode must be "upgrade" or "new", got "old"/);
  });

  it('compares options by content', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [1] } })).toBe(canonicalJson({ a: { c: [1], d: 2 }, b: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 2 }));
  });

  it('gets the rule an internal error belongs to from the engine', () => {
    const parsed = parseArmFile(createSourceFile('vmss.json', armScaleSet()));
    if (parsed.kind !== 'template') throw new Error(parsed.kind);
    const base = allRules.find((r) => r.meta.id === 'gen1-image');
    if (!base) throw new Error('gen1-image is not in the registry');
    const throwing = defineRule({
      meta: { ...base.meta, id: 'throws-here' },
      check: () => {
        throw new Error('boom');
      },
    });
    const [finding] = runRules(parsed.model, [{ rule: throwing, level: 'error', options: {} }], 'upgrade');
    expect(finding?.ruleId).toBe('internal-error');
    expect(finding?.report.data).toEqual({ rule: 'throws-here' });
    expect(finding?.message).toMatch(/^Rule 'throws-here' failed/);
  });
});
