import { describe, expect, it } from 'vitest';
import type { LintResult } from '../../src/engine/result.js';
import type { RuleMeta } from '../../src/engine/rule.js';
import { junit } from '../../src/formatters/junit.js';
import { results } from './fixtures.js';
import { parseXml, type XmlElement } from './xml.js';

const ruleIds = ['api-version-too-old', 'manual-upgrade-policy', 'security-type-not-trusted-launch', 'uefi-settings-disabled'];
const rules = ruleIds.map((id) => ({ id }) as RuleMeta<unknown>);
const context = { color: false, cwd: '/repo', rules };

const children = (element: XmlElement | undefined, name: string) => (element?.children ?? []).filter((c) => c.name === name);

describe('xml reader (the test oracle)', () => {
  it.each([
    ['<a><b></a></b>', /closes/],
    ['<a>1 < 2</a>', /raw </],
    ['<a>fish & chips</a>', /raw &/],
    ['<a x="1" x="2"/>', /duplicate/],
    ['<a/><b/>', /more than one root/],
    ['<a>\u0001</a>', /forbids/],
    ['<a>', /never closed/],
  ])('rejects %s', (body, error) => {
    expect(() => parseXml(`<?xml version="1.0"?>${body}`)).toThrow(error);
  });
});

describe('junit', () => {
  const report = parseXml(junit(results, context));

  it('is well-formed XML with totals on testsuites', () => {
    expect(report.name).toBe('testsuites');
    expect(report.attributes).toEqual({ name: 'tl-lint', tests: '9', failures: '2', errors: '1', skipped: '0' });
  });

  it('has a suite per file and a case per file and rule; error findings fail their case', () => {
    const [vmss, clean, broken] = children(report, 'testsuite');
    expect(vmss?.attributes).toEqual({ name: 'vmss.json', tests: '4', failures: '2', errors: '0', skipped: '0' });
    const cases = children(vmss, 'testcase');
    expect(cases.map((c) => c.attributes)).toEqual(ruleIds.map((name) => ({ classname: 'vmss.json', name })));
    const failure = children(cases[0], 'failure')[0];
    expect(failure?.attributes).toEqual({ message: 'apiVersion 2019-03-01 is older than 2020-12-01.', type: 'api-version-too-old' });
    expect(failure?.text).toBe('5:21 error apiVersion 2019-03-01 is older than 2020-12-01. (api-version-too-old)');
    expect(children(cases[1], 'failure')).toEqual([]);
    expect(children(cases[1], 'system-out')[0]?.text).toBe('4:7 info Update the instances after deploying. (manual-upgrade-policy)');
    expect(children(cases[3], 'failure')).toEqual([]);
    expect(clean?.attributes).toEqual({ name: 'clean.json', tests: '4', failures: '0', errors: '0', skipped: '0' });
    expect(children(clean, 'testcase').every((c) => c.children.length === 0)).toBe(true);
    expect(broken?.attributes).toEqual({ name: 'broken.json', tests: '1', failures: '0', errors: '1', skipped: '0' });
    expect(children(children(broken, 'testcase')[0], 'error')[0]?.attributes).toEqual({ message: 'Parsing error: ValueExpected', type: 'parse-error' });
  });

  it('escapes markup, quotes and line breaks, and drops characters XML cannot carry', () => {
    const hostile: LintResult = {
      filePath: '/repo/a&b<c>.json',
      messages: [
        { ruleId: 'x"y', severity: 2, message: 'first <b>"bold"</b> & \u0007\nsecond', line: 2, column: 3, endLine: 2, endColumn: 4, offset: 0, length: 1 },
        { ruleId: 'x"y', severity: 2, message: ']]> end', line: 3, column: 1, endLine: 3, endColumn: 2, offset: 0, length: 1 },
      ],
      suppressedMessages: [],
      errorCount: 2,
      warningCount: 0,
      infoCount: 0,
      fatalErrorCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    };
    const suite = children(parseXml(junit([hostile], { color: false, cwd: '/repo' })), 'testsuite')[0];
    expect(suite?.attributes.name).toBe('a&b<c>.json');
    const testCase = children(suite, 'testcase')[0];
    expect(testCase?.attributes.name).toBe('x"y');
    const failure = children(testCase, 'failure')[0];
    expect(failure?.attributes.message).toBe('2 errors; first: first <b>"bold"</b> & \nsecond');
    expect(failure?.text).toBe('2:3 error first <b>"bold"</b> & \nsecond (x"y)\n3:1 error ]]> end (x"y)');
  });

  it('skips a file the config ignores', () => {
    const ignored: LintResult = {
      filePath: '/repo/gen/x.json',
      messages: [{ ruleId: null, severity: 1, message: 'File ignored', line: 0, column: 0, endLine: 0, endColumn: 0, offset: 0, length: 0 }],
      suppressedMessages: [],
      errorCount: 0,
      warningCount: 1,
      infoCount: 0,
      fatalErrorCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    };
    const parsed = parseXml(junit([ignored], context));
    expect(parsed.attributes.skipped).toBe('1');
    expect(children(children(children(parsed, 'testsuite')[0], 'testcase')[0], 'skipped')[0]?.attributes).toEqual({ message: 'File ignored' });
  });
});
