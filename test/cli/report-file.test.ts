import { lstatSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReal, scaleSetTemplate } from './real-host.js';
import { tempTree } from './temp-tree.js';

/** Two templates with findings. */
function tree(extra: Readonly<Record<string, string>> = {}): string {
  return tempTree({ 'a/vmss.json': scaleSetTemplate(), 'b/vmss.json': scaleSetTemplate({ names: ['one', 'two'] }), ...extra });
}

describe('--output-file, written while the files are linted', () => {
  it.each(['json', 'stylish', 'github', 'sarif', 'junit'])('%s: the same report as on stdout, without the line break stdout adds', async (format) => {
    const root = tree();
    const printed = await runReal(root, ['-f', format, '.']);
    const written = await runReal(root, ['-f', format, '-o', 'reports/out.txt', '.']);
    expect(written).toEqual({ code: printed.code, stdout: '', stderr: printed.stderr });
    const report = readFileSync(join(root, 'reports', 'out.txt'), 'utf8');
    expect(report.endsWith('\n') ? report : `${report}\n`).toBe(printed.stdout);
    expect(readdirSync(join(root, 'reports'))).toEqual(['out.txt']);
  });

  it('a run that fails leaves the report it would replace, and no temporary file', async () => {
    // 70 templates come first: the broken config is found by the walk after the report is opened.
    const many = Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`a/t${String(i).padStart(2, '0')}.json`, scaleSetTemplate()]));
    const root = tempTree({ ...many, 'z/tl-lint.config.json': '{ broken', 'z/vmss.json': scaleSetTemplate(), 'out.json': 'the old report' });
    const { code, stderr } = await runReal(root, ['-f', 'json', '-o', 'out.json', '.']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/tl-lint\.config\.json/);
    expect(readFileSync(join(root, 'out.json'), 'utf8')).toBe('the old report');
    expect(readdirSync(root).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('a report path that is a symbolic link stays a link: the file it points at gets the report', async () => {
    const root = tree({ 'reports/real.json': 'the old report' });
    symlinkSync(join(root, 'reports', 'real.json'), join(root, 'out.json'));
    await runReal(root, ['-f', 'json', '-o', 'out.json', '.']);
    expect(lstatSync(join(root, 'out.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(root, 'reports', 'real.json'), 'utf8'))).toHaveLength(2);
  });

  it('a target that is not a regular file is written directly, not replaced', async () => {
    const root = tree();
    const { code, stdout } = await runReal(root, ['-f', 'json', '-o', '/dev/null', '.']);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
  });
});
