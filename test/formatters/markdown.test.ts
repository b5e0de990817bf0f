import { describe, expect, it } from 'vitest';
import type { LintResult } from '../../src/engine/result.js';
import { markdown } from '../../src/formatters/markdown.js';
import { results } from './fixtures.js';

describe('markdown', () => {
  it('prints a summary and a table per file with problems', () => {
    expect(markdown(results, { color: false, cwd: '/repo' })).toBe(
      [
        '**tl-lint**: 5 problems (3 errors, 1 warning, 1 info) in 2 files.',
        '',
        '#### `vmss.json`',
        '',
        '| Line | Level | Rule | Message | Fix |',
        '| ---: | --- | --- | --- | --- |',
        '| 4:7 | info | `manual-upgrade-policy` | Update the instances after deploying. |  |',
        '| 5:21 | error | `api-version-too-old` | apiVersion 2019-03-01 is older than 2020-12-01. | safe |',
        '| 6:7 | error | `security-type-not-trusted-launch` | The scale set has no securityProfile: it deploys as Standard. | unsafe |',
        '',
        '#### `broken.json`',
        '',
        '| Line | Level | Rule | Message | Fix |',
        '| ---: | --- | --- | --- | --- |',
        '| 1:2 | error |  | Parsing error: ValueExpected |  |',
        '| 1:1 | warning | `uefi-settings-disabled` | Secure Boot is off. |  |',
        '',
      ].join('\n'),
    );
  });

  it('escapes what would break the table and survives backticks in a path', () => {
    const result: LintResult = {
      filePath: '/repo/we`ird.json',
      messages: [{ ruleId: 'x', severity: 2, message: 'a | b\nc <d>', line: 1, column: 1, endLine: 1, endColumn: 2, offset: 0, length: 1 }],
      suppressedMessages: [],
      errorCount: 1,
      warningCount: 0,
      infoCount: 0,
      fatalErrorCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    };
    const lines = markdown([result], { color: false, cwd: '/repo' }).split('\n');
    expect(lines).toContain('#### `` we`ird.json ``');
    expect(lines).toContain('| 1:1 | error | `x` | a \\| b<br>c &lt;d> |  |');
  });

  it('says so in one line when there is nothing to report', () => {
    const [, clean] = results;
    expect(markdown(clean ? [clean] : [], { color: false, cwd: '/repo' })).toBe('**tl-lint**: no problems in 1 file.\n');
  });
});
