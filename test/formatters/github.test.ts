import { describe, expect, it } from 'vitest';
import type { LintResult } from '../../src/engine/result.js';
import { github } from '../../src/formatters/github.js';
import { results } from './fixtures.js';

describe('github', () => {
  it('prints one workflow command per finding, paths relative to the workspace', () => {
    expect(github(results, { color: false, cwd: '/repo' }).split('\n')).toEqual([
      '::notice file=vmss.json,line=4,col=7,endLine=4,endColumn=13,title=manual-upgrade-policy::Update the instances after deploying.',
      '::error file=vmss.json,line=5,col=21,endLine=5,endColumn=33,title=api-version-too-old::apiVersion 2019-03-01 is older than 2020-12-01.',
      '::error file=vmss.json,line=6,col=7,endLine=6,endColumn=23,title=security-type-not-trusted-launch::The scale set has no securityProfile: it deploys as Standard.',
      '::error file=broken.json,line=1,col=2,endLine=1,endColumn=2,title=parse error::Parsing error: ValueExpected',
      '::warning file=broken.json,line=1,col=1,endLine=1,endColumn=2,title=uefi-settings-disabled::Secure Boot is off.',
      '',
    ]);
  });

  it('escapes what would end a property or the message, and leaves out a position of 0', () => {
    const result: LintResult = {
      filePath: '/elsewhere/a,b:c%.json',
      messages: [
        { ruleId: null, severity: 1, message: 'Ignored:\n100% sure,\r\nreally', line: 0, column: 0, endLine: 0, endColumn: 0, offset: 0, length: 0 },
      ],
      suppressedMessages: [],
      errorCount: 0,
      warningCount: 1,
      infoCount: 0,
      fatalErrorCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    };
    expect(github([result], { color: false, cwd: '/repo' })).toBe(
      '::warning file=/elsewhere/a%2Cb%3Ac%25.json,title=tl-lint::Ignored:%0A100%25 sure,%0D%0Areally\n',
    );
  });

  it('prints nothing for clean results', () => {
    expect(github([], { color: false, cwd: '/repo' })).toBe('');
  });
});
