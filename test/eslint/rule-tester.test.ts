/**
 * Generated rules through ESLint's own RuleTester: exact positions, messageIds, fix output and
 * suggestions, for JSON with comments and for Bicep, with eslint-disable and tl-lint-disable comments.
 */
import { RuleTester, type Rule } from 'eslint';
import { describe, it } from 'vitest';
import plugin from '../../src/eslint/index.js';
import { armScaleSet, bicepScaleSet } from './templates.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ plugins: { 'tl-lint': plugin }, language: 'tl-lint/template' });

function rule(id: string): Rule.RuleModule {
  const definition = plugin.rules[id];
  if (!definition) throw new Error(`no ESLint rule ${id}`);
  // ESLint's RuleTester is typed for JavaScript rules; ours are typed for the tl-lint language.
  return definition as unknown as Rule.RuleModule;
}

const tsconfig = '{\n  // TypeScript allows comments\n  "compilerOptions": { "strict": true, },\n}\n';
const GEN1_SUGGESTION = "Switch the image SKU to 18_04-lts-gen2 (recreates every instance's OS disk; the data on it is lost)";

tester.run('api-version-too-old', rule('api-version-too-old'), {
  valid: [
    { code: armScaleSet({ apiVersion: '2024-07-01' }), filename: 'vmss.json' },
    { code: '{ "name": "app", "version": "1.0.0" }\n', filename: 'package.json' },
    { code: tsconfig, filename: 'tsconfig.json' },
    { code: armScaleSet({ before: '// eslint-disable-next-line rule-to-test/api-version-too-old -- pinned on purpose' }), filename: 'vmss.json' },
    { code: armScaleSet({ before: '/* eslint-disable-next-line rule-to-test/api-version-too-old */' }), filename: 'vmss.jsonc' },
    { code: armScaleSet({ before: '// tl-lint-disable-next-line api-version-too-old' }), filename: 'vmss.json' },
  ],
  invalid: [
    {
      code: armScaleSet(),
      filename: 'vmss.json',
      errors: [{ messageId: 'tooOld', line: 6, column: 21, endLine: 6, endColumn: 33 }],
      output: armScaleSet({ apiVersion: '2020-12-01' }),
    },
    {
      code: armScaleSet(),
      filename: 'vmss.jsonc',
      options: [{ targetApiVersion: '2024-07-01' }],
      errors: [{ messageId: 'tooOld', line: 6, column: 21 }],
      output: armScaleSet({ apiVersion: '2024-07-01' }),
    },
    {
      code: armScaleSet({ before: '// tl-lint-disable-next-line gen1-image' }),
      filename: 'vmss.json',
      errors: [{ messageId: 'tooOld', line: 7, column: 21 }],
      output: armScaleSet({ apiVersion: '2020-12-01', before: '// tl-lint-disable-next-line gen1-image' }),
    },
  ],
});

tester.run('api-version-too-old', rule('api-version-too-old'), {
  valid: [
    { code: bicepScaleSet({ apiVersion: '2024-07-01' }), filename: 'main.bicep' },
    { code: bicepScaleSet({ before: '// eslint-disable-next-line rule-to-test/api-version-too-old' }), filename: 'main.bicep' },
    { code: bicepScaleSet({ before: '/* eslint-disable-next-line rule-to-test/api-version-too-old -- pinned */' }), filename: 'main.bicep' },
  ],
  invalid: [
    {
      code: bicepScaleSet(),
      filename: 'main.bicep',
      errors: [{ messageId: 'tooOld', line: 3, column: 58, endLine: 3, endColumn: 68 }],
      output: bicepScaleSet({ apiVersion: '2020-12-01' }),
    },
  ],
});

tester.run('gen1-image', rule('gen1-image'), {
  valid: [
    { code: bicepScaleSet({ apiVersion: '2024-07-01' }), filename: 'main.bicep' },
  ],
  invalid: [
    {
      code: bicepScaleSet({ apiVersion: '2024-07-01', sku: '18.04-LTS' }),
      filename: 'main.bicep',
      errors: [
        {
          messageId: 'gen1ScaleSet',
          line: 11,
          column: 95,
          endLine: 11,
          endColumn: 106,
          suggestions: [{ desc: GEN1_SUGGESTION, output: bicepScaleSet({ apiVersion: '2024-07-01', sku: '18_04-lts-gen2' }) }],
        },
      ],
      output: null,
    },
  ],
});

tester.run('manual-upgrade-policy', rule('manual-upgrade-policy'), {
  valid: [
    { code: armScaleSet({ apiVersion: '2024-07-01' }), filename: 'vmss.json' },
    { code: armScaleSet({ apiVersion: '2024-07-01', upgradeMode: 'Manual' }), filename: 'vmss.json', settings: { 'tl-lint': { mode: 'new' } } },
  ],
  invalid: [
    {
      code: armScaleSet({ apiVersion: '2024-07-01', upgradeMode: 'Manual' }),
      filename: 'vmss.json',
      errors: [{ messageId: 'manual', line: 10, column: 36, endLine: 10, endColumn: 44 }],
      output: null,
    },
  ],
});
