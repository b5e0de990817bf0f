import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/engine/engine.js';
import { validateOptions } from '../../src/engine/options.js';
import { docExamples, repoRoot } from './docs-examples.js';
import { lintWithRule } from './harness.js';

const ids = allRules.map((rule) => rule.meta.id);
const REQUIRED_SECTIONS = ['## What it flags', '## Why it blocks Trusted Launch', '## Examples', '## Fix safety', '## Options', '## When not to use it'];

describe('the rule registry', () => {
  it('holds every file in rules/, with unique kebab-case ids that match the file names', () => {
    const files = readdirSync(join(repoRoot, 'rules')).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));
    expect([...ids].sort()).toEqual(files.sort());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  });
});

describe.each(allRules.map((rule) => [rule.meta.id, rule] as const))('%s', (id, rule) => {
  it('has its test, its real fixtures and its docs page with every section', () => {
    expect(existsSync(join(repoRoot, 'test', 'rules', `${id}.test.ts`))).toBe(true);
    const fixtures = join(repoRoot, 'test', 'fixtures', 'rules', id);
    expect(existsSync(fixtures) && readdirSync(fixtures).some((f) => f.endsWith('.json'))).toBe(true);
    const page = readFileSync(join(repoRoot, 'docs', 'rules', `${id}.md`), 'utf8');
    for (const section of REQUIRED_SECTIONS) expect(page).toContain(section);
    expect(page).toContain('https://learn.microsoft.com/');
  });

  it('has messages whose placeholders are plain names and a fix title style', () => {
    for (const message of Object.values(rule.meta.messages)) {
      expect(message.replace(/\{\{\s*\w+\s*\}\}/g, '')).not.toMatch(/\{\{|\}\}/);
    }
  });

  it('has an options schema that accepts its defaults and rejects unknown options', () => {
    expect(validateOptions(rule.meta.options.schema, rule.meta.options.defaults)).toEqual([]);
    expect(validateOptions(rule.meta.options.schema, { notAnOption: true })).toEqual(["unknown option 'notAnOption'"]);
  });

  it('runs its docs examples: each invalid one reports the rule, each valid one does not', async () => {
    const examples = docExamples(id);
    expect(examples.some((e) => e.verdict === 'invalid')).toBe(true);
    expect(examples.some((e) => e.verdict === 'valid')).toBe(true);
    for (const example of examples) {
      const filename = example.language === 'bicep' ? 'example.bicep' : 'example.json';
      const result = await lintWithRule(id, { name: `line ${String(example.line)}`, code: example.code, filename });
      expect(result.kind, `example at line ${String(example.line)}`).toBe('template');
      const found = result.messages.filter((m) => m.ruleId === id);
      if (example.verdict === 'invalid') expect(found.length, `invalid example at line ${String(example.line)}`).toBeGreaterThan(0);
      else expect(found, `valid example at line ${String(example.line)}`).toEqual([]);
      for (const m of result.messages) expect(m.message).not.toMatch(/\{\{\s*\w+\s*\}\}/);
    }
  });
});
