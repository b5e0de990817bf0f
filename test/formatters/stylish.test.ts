import { describe, expect, it } from 'vitest';
import { stylish } from '../../src/formatters/stylish.js';
import type { LintResult } from '../../src/engine/result.js';
import { results } from './fixtures.js';

const plain = { color: false, cwd: '/repo' };

describe('stylish', () => {
  it('prints each file with problems, a code frame per finding and the summary', () => {
    expect(stylish(results, plain)).toBe(
      [
        '',
        '/repo/vmss.json',
        '  4:7   info   Update the instances after deploying                          manual-upgrade-policy',
        '      2 |   "resources": [',
        '      3 |     {',
        '    > 4 |       "type": "Microsoft.Compute/virtualMachineScaleSets",',
        '        |       ^^^^^^',
        '      5 |       "apiVersion": "2019-03-01",',
        '      6 |       "properties": {}',
        '',
        '  5:21  error  apiVersion 2019-03-01 is older than 2020-12-01                api-version-too-old',
        '      3 |     {',
        '      4 |       "type": "Microsoft.Compute/virtualMachineScaleSets",',
        '    > 5 |       "apiVersion": "2019-03-01",',
        '        |                     ^^^^^^^^^^^^',
        '      6 |       "properties": {}',
        '      7 |     }',
        '',
        '  6:7   error  The scale set has no securityProfile: it deploys as Standard  security-type-not-trusted-launch',
        '      4 |       "type": "Microsoft.Compute/virtualMachineScaleSets",',
        '      5 |       "apiVersion": "2019-03-01",',
        '    > 6 |       "properties": {}',
        '        |       ^^^^^^^^^^^^^^^^',
        '      7 |     }',
        '      8 |   ]',
        '    related The default comes from here (params.json:3:5)',
        '',
        '/repo/broken.json',
        '  1:2  error    Parsing error: ValueExpected',
        '    > 1 | {,',
        '        |  ^',
        '',
        '  1:1  warning  Secure Boot is off            uefi-settings-disabled',
        '    > 1 | {,',
        '        | ^',
        '',
        '\u2716 5 problems (3 errors, 1 warning, 1 info)',
        '  1 error and 0 warnings potentially fixable with the `--fix` option.',
        '  1 problem potentially fixable with the `--unsafe-fixes` option.',
        '1 problem suppressed by tl-lint-disable comments or metadata.',
        '',
      ].join('\n'),
    );
  });

  it('prints only the suppressed count when nothing else is reported, and nothing for nothing', () => {
    const clean = results.filter((r) => r.messages.length === 0);
    expect(stylish(clean, plain)).toBe('\n1 problem suppressed by tl-lint-disable comments or metadata.\n');
    expect(stylish([], plain)).toBe('');
  });

  it('leaves the fixable lines out when nothing is fixable, and shows rows without a frame when there is no source', () => {
    const [, , broken] = results;
    const withoutSource: LintResult[] = broken ? [{ ...broken, source: undefined }] : [];
    expect(stylish(withoutSource, plain)).toBe(
      [
        '',
        '/repo/broken.json',
        '  1:2  error    Parsing error: ValueExpected',
        '  1:1  warning  Secure Boot is off            uefi-settings-disabled',
        '',
        '\u2716 2 problems (1 error, 1 warning, 0 infos)',
        '',
      ].join('\n'),
    );
  });

  it('aligns rule ids after messages up to 72 characters, and puts them right after longer ones', () => {
    const [first] = results;
    const [info, error] = first?.messages ?? [];
    if (!first || !info || !error) throw new Error('fixture changed');
    const long = { ...error, message: `${'x'.repeat(80)}.` };
    const output = stylish([{ ...first, source: undefined, messages: [info, long] }], plain);
    expect(output.split('\n').slice(2, 4)).toEqual([
      `  4:7   info   Update the instances after deploying${' '.repeat(72 - 36)}  manual-upgrade-policy`,
      `  5:21  error  ${'x'.repeat(80)}  api-version-too-old`,
    ]);
  });

  it('colours levels, positions, rule ids and the summary only when asked', () => {
    const coloured = stylish(results, { color: true, cwd: '/repo' });
    expect(coloured).toContain('\u001b[4m/repo/vmss.json\u001b[24m');
    expect(coloured).toContain('\u001b[31merror\u001b[39m');
    expect(coloured).toContain('\u001b[34minfo\u001b[39m');
    expect(coloured).toContain('\u001b[2mapi-version-too-old\u001b[22m');
    expect(coloured).toContain('\u001b[31m\u001b[1m\u2716 5 problems');
    expect(stylish(results, plain)).not.toContain('\u001b[');
  });
});
