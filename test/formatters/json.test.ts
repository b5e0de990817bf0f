import { describe, expect, it } from 'vitest';
import { json } from '../../src/formatters/json.js';
import { results, source } from './fixtures.js';

describe('json', () => {
  it("prints ESLint's JSON formatter shape and nothing of ours", () => {
    const parsed: unknown = JSON.parse(json(results, { color: false, cwd: '/repo' }));
    expect(parsed).toEqual([
      {
        filePath: '/repo/vmss.json',
        messages: [
          { ruleId: 'manual-upgrade-policy', severity: 0, message: 'Update the instances after deploying.', line: 4, column: 7, messageId: 'manual', endLine: 4, endColumn: 13 },
          {
            ruleId: 'api-version-too-old',
            severity: 2,
            message: 'apiVersion 2019-03-01 is older than 2020-12-01.',
            line: 5,
            column: 21,
            messageId: 'tooOld',
            endLine: 5,
            endColumn: 33,
            fix: { range: [104, 116], text: '"2022-03-01"' },
          },
          {
            ruleId: 'security-type-not-trusted-launch',
            severity: 2,
            message: 'The scale set has no securityProfile: it deploys as Standard.',
            line: 6,
            column: 7,
            messageId: 'missing',
            endLine: 6,
            endColumn: 23,
            suggestions: [{ desc: 'Set securityType to TrustedLaunch', fix: { range: [138, 140], text: '{ "securityType": "TrustedLaunch" }' } }],
          },
        ],
        suppressedMessages: [],
        errorCount: 2,
        fatalErrorCount: 0,
        warningCount: 0,
        fixableErrorCount: 1,
        fixableWarningCount: 0,
        source,
        usedDeprecatedRules: [],
      },
      {
        filePath: '/repo/clean.json',
        messages: [],
        suppressedMessages: [{ ruleId: 'uefi-settings-disabled', severity: 1, message: 'Secure Boot is off.', line: 2, column: 1, endLine: 1, endColumn: 2 }],
        errorCount: 0,
        fatalErrorCount: 0,
        warningCount: 0,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
        usedDeprecatedRules: [],
      },
      {
        filePath: '/repo/broken.json',
        messages: [
          { ruleId: null, fatal: true, severity: 2, message: 'Parsing error: ValueExpected', line: 1, column: 2, endLine: 1, endColumn: 2 },
          { ruleId: 'uefi-settings-disabled', severity: 1, message: 'Secure Boot is off.', line: 1, column: 1, endLine: 1, endColumn: 2 },
        ],
        suppressedMessages: [],
        errorCount: 1,
        fatalErrorCount: 1,
        warningCount: 1,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
        source: '{,\n',
        usedDeprecatedRules: [],
      },
    ]);
  });

  it("keeps ESLint's key order", () => {
    const [first] = JSON.parse(json(results, { color: false, cwd: '/repo' })) as Record<string, unknown>[];
    expect(Object.keys(first ?? {})).toEqual([
      'filePath',
      'messages',
      'suppressedMessages',
      'errorCount',
      'fatalErrorCount',
      'warningCount',
      'fixableErrorCount',
      'fixableWarningCount',
      'source',
      'usedDeprecatedRules',
    ]);
  });

  it('gives the fixed output instead of the source, as ESLint does after --fix', () => {
    const [first] = results;
    const fixed = first ? [{ ...first, output: '{}\n' }] : [];
    const [parsed] = JSON.parse(json(fixed, { color: false, cwd: '/repo' })) as Record<string, unknown>[];
    expect(parsed?.output).toBe('{}\n');
    expect(parsed).not.toHaveProperty('source');
  });

  it('prints an empty array for no results', () => {
    expect(json([], { color: false, cwd: '/repo' })).toBe('[]');
  });
});
