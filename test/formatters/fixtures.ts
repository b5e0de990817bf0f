import type { LintMessage, LintResult } from '../../src/engine/result.js';

/** A small fixed result set: two files with findings of every level, one clean file. */
export const source = [
  '{',
  '  "resources": [',
  '    {',
  '      "type": "Microsoft.Compute/virtualMachineScaleSets",',
  '      "apiVersion": "2019-03-01",',
  '      "properties": {}',
  '    }',
  '  ]',
  '}',
  '',
].join('\n');

const apiVersion: LintMessage = {
  ruleId: 'api-version-too-old',
  severity: 2,
  message: 'apiVersion 2019-03-01 is older than 2020-12-01.',
  messageId: 'tooOld',
  line: 5,
  column: 21,
  endLine: 5,
  endColumn: 33,
  fix: { range: [104, 116], text: '"2022-03-01"' },
  offset: 104,
  length: 12,
};

const securityType: LintMessage = {
  ruleId: 'security-type-not-trusted-launch',
  severity: 2,
  message: 'The scale set has no securityProfile: it deploys as Standard.',
  messageId: 'missing',
  line: 6,
  column: 7,
  endLine: 6,
  endColumn: 23,
  suggestions: [{ desc: 'Set securityType to TrustedLaunch', fix: { range: [138, 140], text: '{ "securityType": "TrustedLaunch" }' } }],
  related: [{ filePath: '/repo/params.json', message: 'The default comes from here.', line: 3, column: 5, endLine: 3, endColumn: 9 }],
  offset: 124,
  length: 16,
};

const manual: LintMessage = {
  ruleId: 'manual-upgrade-policy',
  severity: 0,
  message: 'Update the instances after deploying.',
  messageId: 'manual',
  line: 4,
  column: 7,
  endLine: 4,
  endColumn: 13,
  offset: 31,
  length: 6,
};

const parseError: LintMessage = {
  ruleId: null,
  fatal: true,
  severity: 2,
  message: 'Parsing error: ValueExpected',
  line: 1,
  column: 2,
  endLine: 1,
  endColumn: 2,
  offset: 1,
  length: 0,
};

const uefi: LintMessage = {
  ruleId: 'uefi-settings-disabled',
  severity: 1,
  message: 'Secure Boot is off.',
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 2,
  offset: 0,
  length: 1,
};

export const results: readonly LintResult[] = [
  {
    filePath: '/repo/vmss.json',
    messages: [manual, apiVersion, securityType],
    suppressedMessages: [],
    errorCount: 2,
    warningCount: 0,
    infoCount: 1,
    fatalErrorCount: 0,
    fixableErrorCount: 1,
    fixableWarningCount: 0,
    source,
  },
  {
    filePath: '/repo/clean.json',
    messages: [],
    suppressedMessages: [{ ...uefi, line: 2 }],
    errorCount: 0,
    warningCount: 0,
    infoCount: 0,
    fatalErrorCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    source: '{}\n',
  },
  {
    filePath: '/repo/broken.json',
    messages: [parseError, uefi],
    suppressedMessages: [],
    errorCount: 1,
    warningCount: 1,
    infoCount: 0,
    fatalErrorCount: 1,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    source: '{,\n',
  },
];
