import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, findConfigFile, loadConfig } from '../../src/engine/config.js';
import { defineRule, type Rule } from '../../src/engine/rule.js';

const rule = defineRule<{ target: string }>({
  meta: {
    id: 'sample-rule',
    level: 'error',
    mode: 'both',
    description: 'd',
    messages: { m: 'm' },
    fix: 'none',
    options: {
      schema: { type: 'object', properties: { target: { type: 'string' } }, additionalProperties: false },
      defaults: { target: 'minimum' },
    },
  },
  check: () => undefined,
});
const rules = new Map<string, Rule<unknown>>([['sample-rule', rule]]);

function configFile(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tl-config-'));
  const path = join(dir, 'tl-lint.config.json');
  writeFileSync(path, content);
  return path;
}

describe('loadConfig', () => {
  it('reads comments, trailing commas, levels, options and ignores', () => {
    const path = configFile('// team config\n{ "mode": "new", "rules": { "sample-rule": ["warn", { "target": "latest" }], }, "ignores": ["legacy/**"] }');
    const config = loadConfig(path, rules);
    expect(config.mode).toBe('new');
    expect(config.rules.get('sample-rule')).toEqual({ setting: 'warn', options: { target: 'latest' } });
    expect(config.isIgnored(join(path, '..', 'legacy', 'a.json'))).toBe(true);
    expect(config.isIgnored(join(path, '..', 'main.json'))).toBe(false);
  });

  it('defaults every rule to its metadata', () => {
    expect(loadConfig(undefined, rules).rules.get('sample-rule')).toEqual({ setting: 'error', options: { target: 'minimum' } });
  });

  it.each([
    ['{ "rules": { "no-such-rule": "error" } }', "unknown rule 'no-such-rule'"],
    ['{ "rules": { "sample-rule": "fatal" } }', 'level must be one of error, warn, info, off'],
    ['{ "rules": { "sample-rule": ["error", { "nope": true }] } }', "unknown option 'nope'"],
    ['{ "mode": "sometimes" }', '"mode" must be "upgrade" or "new"'],
    ['{ "extends": "x" }', "unknown key 'extends'"],
    ['{ "rules": ', 'ValueExpected'],
  ])('rejects %s', (content, message) => {
    const path = configFile(content);
    expect(() => loadConfig(path, rules)).toThrow(ConfigError);
    expect(() => loadConfig(path, rules)).toThrow(message);
  });
});

describe('findConfigFile', () => {
  it('walks up to the nearest config', () => {
    const path = configFile('{}');
    const nested = join(path, '..', 'a', 'b');
    mkdirSync(nested, { recursive: true });
    expect(findConfigFile(nested, new Map())).toBe(path);
  });
});
