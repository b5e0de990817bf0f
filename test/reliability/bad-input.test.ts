import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runReal } from '../cli/real-host.js';
import { tempTree } from '../cli/temp-tree.js';
import { badInputs } from './cases.js';
import { goodTemplate, stackTraceLine } from './hostile.js';

interface ReportedFile {
  readonly filePath: string;
  readonly messages: readonly { readonly ruleId: string | null; readonly message: string; readonly line: number; readonly column: number; readonly fatal?: boolean }[];
}

describe('bad input through the CLI: every file named in one run', () => {
  let root = '';
  let run: Awaited<ReturnType<typeof runReal>>;
  let stylish: Awaited<ReturnType<typeof runReal>>;
  let report: readonly ReportedFile[] = [];

  // Both runs here: temp-tree removes the tree after the first test.
  beforeAll(async () => {
    root = tempTree(Object.fromEntries([...badInputs.map((c) => [c.file, c.content] as const), ['good.json', goodTemplate]]));
    run = await runReal(root, ['--format', 'json', ...badInputs.map((c) => c.file), 'good.json']);
    report = JSON.parse(run.stdout) as ReportedFile[];
    stylish = await runReal(root, [...badInputs.map((c) => c.file), 'good.json']);
  }, 120_000);

  it.each(badInputs.map((c) => ({ ...c.expected, file: c.file })))('$file: $message at $line:$column', ({ file, ruleId, message, line, column }) => {
    const result = report.find((r) => r.filePath === join(root, file));
    expect(result?.messages[0]).toMatchObject({ ruleId, message: expect.stringContaining(message) as string, line, column });
  });

  it('still lints the good file of the same run, fails the run, and prints no stack trace', () => {
    expect(report.find((r) => r.filePath === join(root, 'good.json'))?.messages.map((m) => m.ruleId)).toEqual([
      'manual-upgrade-policy',
      'security-type-not-trusted-launch',
      'api-version-too-old',
    ]);
    expect(report).toHaveLength(badInputs.length + 1);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(stackTraceLine);
    expect(run.stdout).not.toContain('internal-error');
  });

  it('shows each file by name in the default (stylish) report, with no stack trace', () => {
    for (const { file } of badInputs) expect(stylish.stdout).toContain(join(root, file));
    expect(stylish.stdout + stylish.stderr).not.toMatch(stackTraceLine);
  });
});

describe('bad input in a directory scan', () => {
  it('reports broken templates, skips what is not a template, and lints the rest', async () => {
    const root = tempTree(Object.fromEntries([...badInputs.map((c) => [`scan/${c.file}`, c.content] as const), ['scan/good.json', goodTemplate]]));
    const run = await runReal(root, ['--format', 'json', 'scan']);
    const report = JSON.parse(run.stdout) as ReportedFile[];
    const shown = report.map((r) => r.filePath.slice(join(root, 'scan').length + 1));
    // Empty files and package.json are not templates: a scan passes over them silently (DESIGN §3).
    expect(shown).not.toContain('empty.json');
    expect(shown).not.toContain('package.json');
    expect(shown).toContain('good.json');
    expect(shown).toEqual(expect.arrayContaining(['truncated.json', 'nul.json', 'deep.bicep', 'errors-everywhere.bicep', 'proto-keys.json']));
    expect(run.stdout + run.stderr).not.toMatch(stackTraceLine);
  }, 120_000);
});
