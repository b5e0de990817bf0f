import { workspacePath } from '../cli/paths.js';
import type { LintMessage, LintResult } from '../engine/result.js';
import type { Formatter } from './types.js';

const LEVEL = ['info', 'warning', 'error'] as const;

interface TestCase {
  readonly name: string;
  /** Error-level findings: the case fails. */
  readonly failures: readonly LintMessage[];
  /** Warnings and infos: written to the case's output, the case passes. */
  readonly notes: readonly LintMessage[];
  readonly error?: LintMessage;
  readonly skipped?: LintMessage;
}

/**
 * JUnit XML for CI test reports: a test suite per file, a test case per file and rule (every rule
 * of the run, so the counts stay stable), failing when the rule found errors. A file that does not
 * parse has one `parse` case in error; a file the config ignores has one skipped case.
 */
export const junit: Formatter = (results, context) => {
  const ruleIds = (context.rules ?? []).map((rule) => rule.id);
  const suites = results.map((result) => ({ name: workspacePath(result.filePath, context.cwd), cases: testCases(result, ruleIds) }));
  const total = (count: (c: TestCase) => boolean) => suites.reduce((sum, suite) => sum + suite.cases.filter(count).length, 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="tl-lint" tests="${String(total(() => true))}" failures="${String(total(isFailure))}" errors="${String(total(isError))}" skipped="${String(total(isSkipped))}">`,
  ];
  for (const suite of suites) {
    const counts = `tests="${String(suite.cases.length)}" failures="${String(suite.cases.filter(isFailure).length)}" errors="${String(suite.cases.filter(isError).length)}" skipped="${String(suite.cases.filter(isSkipped).length)}"`;
    lines.push(`  <testsuite name="${attribute(suite.name)}" ${counts}>`);
    for (const testCase of suite.cases) lines.push(...caseLines(suite.name, testCase));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
};

const isFailure = (c: TestCase) => c.failures.length > 0;
const isError = (c: TestCase) => c.error !== undefined;
const isSkipped = (c: TestCase) => c.skipped !== undefined;

function testCases(result: LintResult, ruleIds: readonly string[]): TestCase[] {
  const fatal = result.messages.find((m) => m.fatal === true);
  if (fatal) return [{ name: 'parse', failures: [], notes: [], error: fatal }];
  const unattributed = result.messages.find((m) => m.ruleId === null);
  if (unattributed) return [{ name: 'tl-lint', failures: [], notes: [], skipped: unattributed }];
  const ids = [...new Set([...ruleIds, ...result.messages.flatMap((m) => (m.ruleId === null ? [] : [m.ruleId]))])].sort();
  if (ids.length === 0) return [{ name: 'tl-lint', failures: [], notes: [] }];
  return ids.map((id) => {
    const own = result.messages.filter((m) => m.ruleId === id);
    return { name: id, failures: own.filter((m) => m.severity === 2), notes: own.filter((m) => m.severity !== 2) };
  });
}

function caseLines(suite: string, testCase: TestCase): string[] {
  const open = `    <testcase classname="${attribute(suite)}" name="${attribute(testCase.name)}"`;
  const body: string[] = [];
  if (testCase.error) {
    body.push(`      <error message="${attribute(testCase.error.message)}" type="parse-error">${text(describe(testCase.error))}</error>`);
  }
  if (testCase.skipped) body.push(`      <skipped message="${attribute(testCase.skipped.message)}"/>`);
  const [first] = testCase.failures;
  if (first) {
    const message = testCase.failures.length === 1 ? first.message : `${String(testCase.failures.length)} errors; first: ${first.message}`;
    body.push(`      <failure message="${attribute(message)}" type="${attribute(first.ruleId ?? 'error')}">${text(testCase.failures.map(describe).join('\n'))}</failure>`);
  }
  if (testCase.notes.length > 0) body.push(`      <system-out>${text(testCase.notes.map(describe).join('\n'))}</system-out>`);
  return body.length === 0 ? [`${open}/>`] : [`${open}>`, ...body, '    </testcase>'];
}

function describe(message: LintMessage): string {
  const level = message.fatal === true ? 'error' : LEVEL[message.severity];
  return `${String(message.line)}:${String(message.column)} ${level} ${message.message}${message.ruleId === null ? '' : ` (${message.ruleId})`}`;
}


/** Characters XML 1.0 does not allow at all, lone surrogates included: dropped. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function text(value: string): string {
  return value.replace(NOT_XML, '').replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function attribute(value: string): string {
  return text(value).replaceAll('"', '&quot;').replaceAll('\n', '&#10;').replaceAll('\r', '&#13;').replaceAll('\t', '&#9;');
}
