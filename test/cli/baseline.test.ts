import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo, fakeHost } from './fake-engine.js';
import { tempTree, template } from './temp-tree.js';

async function run(cwd: string, argv: string[]) {
  const captured = captureIo(cwd);
  const code = await main(argv, captured.io, fakeHost(cwd));
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

function ruleIds(stdout: string): (string | null)[] {
  return (JSON.parse(stdout) as { messages: { ruleId: string | null }[] }[]).flatMap((r) => r.messages.map((m) => m.ruleId));
}

describe('--write-baseline and --baseline', () => {
  it('round-trips: what was recorded is not reported again, a new finding is', async () => {
    const root = tempTree({ 'a.json': template('2019-03-01', 'warn-me'), 'b.json': template('info-me') });
    const written = await run(root, ['--write-baseline', 'tl-lint.baseline.json', '--format', 'json']);
    expect(written.code).toBe(0);
    expect(ruleIds(written.stdout)).toEqual([]);
    expect(written.stderr).toBe('Wrote 3 findings to the baseline tl-lint.baseline.json.\n3 findings in the baseline not reported.\n');

    const baseline = JSON.parse(readFileSync(join(root, 'tl-lint.baseline.json'), 'utf8')) as { version: number; findings: { file: string; ruleId: string; fingerprint: string }[] };
    expect(baseline.version).toBe(1);
    expect(baseline.findings.map((f) => [f.file, f.ruleId])).toEqual([
      ['a.json', 'fake-api-version'],
      ['a.json', 'fake-warning'],
      ['b.json', 'fake-info'],
    ]);
    expect(baseline.findings.every((f) => /^[0-9a-f]{32}:1$/.test(f.fingerprint))).toBe(true);

    expect(await run(root, ['--baseline', 'tl-lint.baseline.json'])).toEqual({ code: 0, stdout: '', stderr: '3 findings in the baseline not reported.\n' });

    // Moved (a finding added before it) and repeated: the recorded one stays quiet, the new ones show.
    writeFileSync(join(root, 'a.json'), template('unsafe-me', 'warn-me', '2019-03-01', '2019-03-01'));
    const next = await run(root, ['--baseline', 'tl-lint.baseline.json', '--format', 'json']);
    expect(next.code).toBe(1);
    expect(ruleIds(next.stdout)).toEqual(['fake-unsafe', 'fake-api-version']);
    expect(next.stderr).toBe('3 findings in the baseline not reported.\n');
  });

  it('matches from another working directory: paths are relative to the baseline file', async () => {
    const root = tempTree({ 'infra/a.json': template('2019-03-01') });
    expect((await run(root, ['--write-baseline', 'infra/baseline.json', 'infra'])).code).toBe(0);
    expect(await run(join(root, 'infra'), ['--baseline', 'baseline.json', '.'])).toMatchObject({ code: 0, stdout: '' });
  });

  it('does not record parse errors, which keep failing the run', async () => {
    const root = tempTree({ 'broken.json': '{ "$schema": ', 'a.json': template('2019-03-01') });
    const { code, stderr } = await run(root, ['--write-baseline', 'b.json', '--format', 'json']);
    expect(code).toBe(1);
    expect(stderr).toContain('Wrote 1 finding to the baseline b.json.');
  });

  it.each([
    ['missing.json', undefined, 'tl-lint: Baseline file not found: '],
    ['bad.json', '{ nope', 'tl-lint: The baseline '],
    ['other.json', '{ "version": 2, "findings": [] }', 'is not a tl-lint baseline (version 1).'],
  ])('exits 2 for a baseline that is %s', async (name, content, message) => {
    const root = tempTree({ 'a.json': template(), ...(content === undefined ? {} : { [name]: content }) });
    const { code, stderr } = await run(root, ['--baseline', name]);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});
