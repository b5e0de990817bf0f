import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { allRules } from '../../src/engine/registry.js';
import { sarif } from '../../src/formatters/sarif.js';
import { FINGERPRINT_KEY } from '../../src/cli/fingerprint.js';
import { results } from './fixtures.js';
import { sarifValidator } from './sarif-schema.js';

const validate = sarifValidator();
const docsDirectory = join(import.meta.dirname, '..', '..', 'docs', 'rules');
const context = {
  color: false,
  cwd: '/repo',
  rules: allRules.map((rule) => rule.meta),
  tool: { name: 'tl-lint', version: '0.1.0', dataVersion: 'test data', docsDirectory },
};

function run(): Sarif.Log {
  return JSON.parse(sarif(results, context)) as Sarif.Log;
}

function onlyRun(log: Sarif.Log): Sarif.Run {
  const [first] = log.runs;
  if (!first) throw new Error('no run');
  return first;
}

describe('sarif', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    expect(validate(run())).toEqual([]);
  });

  it('rejects a log the schema forbids (negative control)', () => {
    const log = run();
    const [result] = onlyRun(log).results ?? [];
    expect(validate({ ...log, runs: [{ ...onlyRun(log), results: [{ ...result, level: 'fatal' }] }] })).not.toEqual([]);
  });

  it('describes every rule in tool.driver with docs, default level and fix applicability', () => {
    const { driver } = onlyRun(run()).tool;
    expect(driver.rules?.map((r) => r.id)).toEqual(allRules.map((r) => r.meta.id));
    expect(driver).toMatchObject({ name: 'tl-lint', version: '0.1.0', semanticVersion: '0.1.0', properties: { dataVersion: 'test data' } });
    const rule = driver.rules?.find((r) => r.id === 'security-type-not-trusted-launch');
    expect(rule).toMatchObject({
      name: 'SecurityTypeNotTrustedLaunch',
      shortDescription: { text: 'Requires securityProfile.securityType to be TrustedLaunch (or ConfidentialVM) on scale sets and VMs.' },
      defaultConfiguration: { level: 'error', enabled: true },
      properties: { fix: 'safe', mode: 'both' },
    });
    expect(rule?.fullDescription?.text).toMatch(/^Trusted Launch is switched on by `securityType: TrustedLaunch`/);
    expect(rule?.helpUri).toMatch(/^file:\/\/.*\/docs\/rules\/security-type-not-trusted-launch\.md$/);
    expect(rule?.help?.markdown).toContain('## Why it blocks Trusted Launch');
    expect(rule?.help?.markdown).not.toContain('<!--');
    expect(driver.rules?.find((r) => r.id === 'manual-upgrade-policy')?.defaultConfiguration?.level).toBe('note');
  });

  it('gives each result its rule index, level, message, full region, related locations, fixes and fingerprint', () => {
    const log = run();
    const current = onlyRun(log);
    const ids = current.tool.driver.rules?.map((r) => r.id) ?? [];
    expect(current.originalUriBaseIds).toEqual({ SRCROOT: { uri: 'file:///repo/' } });
    expect(current.columnKind).toBe('utf16CodeUnits');
    const byRule = new Map((current.results ?? []).map((r) => [r.ruleId, r]));
    const apiVersion = byRule.get('api-version-too-old');
    expect(apiVersion).toMatchObject({
      ruleIndex: ids.indexOf('api-version-too-old'),
      level: 'error',
      message: { text: 'apiVersion 2019-03-01 is older than 2020-12-01.' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'vmss.json', uriBaseId: 'SRCROOT' },
            region: { startLine: 5, startColumn: 21, endLine: 5, endColumn: 33, charOffset: 104, charLength: 12 },
          },
        },
      ],
      fixes: [
        {
          description: { text: 'Apply the safe fix (tl-lint --fix)' },
          artifactChanges: [
            {
              artifactLocation: { uri: 'vmss.json', uriBaseId: 'SRCROOT' },
              replacements: [{ deletedRegion: { charOffset: 104, charLength: 12, startLine: 5, startColumn: 21, endLine: 5, endColumn: 33 }, insertedContent: { text: '"2022-03-01"' } }],
            },
          ],
          properties: { applicability: 'safe' },
        },
      ],
    });
    expect(apiVersion?.partialFingerprints?.[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}:1$/);
    expect(byRule.get('security-type-not-trusted-launch')).toMatchObject({
      relatedLocations: [
        {
          id: 0,
          message: { text: 'The default comes from here.' },
          physicalLocation: { artifactLocation: { uri: 'params.json', uriBaseId: 'SRCROOT' }, region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 9 } },
        },
      ],
      fixes: [{ description: { text: 'Set securityType to TrustedLaunch' }, properties: { applicability: 'unsafe' } }],
    });
    expect(byRule.get('manual-upgrade-policy')?.level).toBe('note');
    expect(byRule.get('uefi-settings-disabled')?.level).toBe('warning');
  });

  it('keeps suppressed findings as results marked suppressed in source', () => {
    const suppressed = (onlyRun(run()).results ?? []).filter((r) => r.suppressions !== undefined);
    expect(suppressed).toMatchObject([
      {
        ruleId: 'uefi-settings-disabled',
        level: 'warning',
        suppressions: [{ kind: 'inSource' }],
        locations: [{ physicalLocation: { artifactLocation: { uri: 'clean.json', uriBaseId: 'SRCROOT' }, region: { startLine: 2 } } }],
      },
    ]);
  });

  it('reports parse errors as tool notifications, not results, and keeps files outside SRCROOT absolute', () => {
    const current = onlyRun(JSON.parse(sarif(results, { ...context, cwd: '/elsewhere' })) as Sarif.Log);
    expect(current.results?.some((r) => r.ruleId === undefined)).toBe(false);
    expect(current.invocations?.[0]?.toolExecutionNotifications).toEqual([
      {
        level: 'error',
        message: { text: 'Parsing error: ValueExpected' },
        descriptor: { id: 'parse-error' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'file:///repo/broken.json' }, region: { startLine: 1, startColumn: 2, endLine: 1, endColumn: 2, charOffset: 1, charLength: 0 } } }],
      },
    ]);
    expect(current.results?.[0]?.locations?.[0]?.physicalLocation?.artifactLocation).toEqual({ uri: 'file:///repo/vmss.json' });
  });

  it('names a rule missing from the run (an internal error) in the driver, so every ruleIndex resolves', () => {
    const [first] = results;
    if (!first) throw new Error('fixture');
    const internal = { ...first, messages: [{ ...first.messages[0], ruleId: 'internal-error', severity: 2 as const, message: 'boom', line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, length: 0 }] };
    const current = onlyRun(JSON.parse(sarif([internal], context)) as Sarif.Log);
    const index = current.results?.[0]?.ruleIndex ?? -1;
    expect(current.tool.driver.rules?.[index]?.id).toBe('internal-error');
    expect(validate(JSON.parse(sarif([internal], context)))).toEqual([]);
  });
});
