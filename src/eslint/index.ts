// `tl-lint/eslint`: the rules and fixes of tl-lint as an ESLint 10 plugin.
//   import tl from 'tl-lint/eslint';
//   export default [tl.configs.recommended];
import type { ConfigObject, Plugin } from '@eslint/core';
import { allRules } from '../engine/registry.js';
import type { Level } from '../engine/rule.js';
import { armLanguage, bicepLanguage, templateLanguage, type TemplateLanguage } from './languages.js';
import { findPackage } from './package-root.js';
import { eslintRules, type TemplateRuleDefinition } from './rules.js';

const SEVERITY: Readonly<Record<Level, 'error' | 'warn'>> = { error: 'error', warn: 'warn', info: 'warn' };

export const PLUGIN_NAME = 'tl-lint';

interface TlLintPlugin extends Plugin {
  readonly languages: Readonly<Record<'arm' | 'bicep' | 'template', TemplateLanguage>>;
  readonly rules: Readonly<Record<string, TemplateRuleDefinition>>;
  readonly configs: { readonly recommended: ConfigObject };
}

const plugin: TlLintPlugin = {
  meta: { name: PLUGIN_NAME, version: findPackage(import.meta.url)?.version ?? '0.0.0' },
  languages: { arm: armLanguage, bicep: bicepLanguage, template: templateLanguage },
  rules: eslintRules,
  configs: {
    recommended: {
      name: 'tl-lint/recommended',
      files: ['**/*.json', '**/*.jsonc', '**/*.bicep', '**/*.bicepparam'],
      // ESLint rejects nested config arrays, so one object serves JSON and Bicep: the `template` language picks the front-end by extension.
      language: `${PLUGIN_NAME}/template`,
      rules: Object.fromEntries(allRules.map((rule) => [`${PLUGIN_NAME}/${rule.meta.id}`, SEVERITY[rule.meta.level]])),
    },
  },
};

// The config registers the plugin it belongs to; the rule ids above assume the name `tl-lint`.
Object.assign(plugin.configs.recommended, { plugins: { [PLUGIN_NAME]: plugin } });

export default plugin;
