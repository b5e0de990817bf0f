import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo, fakeHost } from './fake-engine.js';
import { parametersSchema, tempTree, template } from './temp-tree.js';

async function run(cwd: string, argv: string[], packageRoot = cwd) {
  const captured = captureIo(cwd);
  const host = fakeHost(packageRoot);
  const code = await main(argv, captured.io, host);
  const linted = (host.engines[0]?.linted ?? []).map((path) => path.slice(cwd.length + 1)).sort();
  return { code, stdout: captured.stdout(), stderr: captured.stderr(), linted };
}

const params = (value: string) => JSON.stringify({ $schema: parametersSchema, parameters: { x: { value } } });

function project(): string {
  return tempTree({
    'a.json': template('2019-03-01', 'warn-me'),
    'a.parameters.json': params('one'),
    'b.json': template('info-me'),
  });
}

describe('--cache', () => {
  it('lints nothing the second time and reports the same', async () => {
    const root = project();
    const first = await run(root, ['--cache']);
    expect(first.linted).toEqual(['a.json', 'a.parameters.json', 'b.json']);
    expect(existsSync(join(root, '.tl-lint-cache'))).toBe(true);
    const second = await run(root, ['--cache']);
    expect(second.linted).toEqual([]);
    expect(second).toMatchObject({ code: first.code, stdout: first.stdout, stderr: first.stderr });
    expect(second.stdout).toContain('> 4 |'); // code frames come back: the source is restored from the file
  });

  it('lints again a file whose content changed, and only that one', async () => {
    const root = project();
    await run(root, ['--cache']);
    writeFileSync(join(root, 'b.json'), template('info-me', 'warn-me'));
    const again = await run(root, ['--cache', '--format', 'json']);
    expect(again.linted).toEqual(['b.json']);
    expect(again.stdout).toContain('fake-warning');
  });

  it('lints a template again when its parameter file changes', async () => {
    const root = project();
    await run(root, ['--cache']);
    writeFileSync(join(root, 'a.parameters.json'), params('two'));
    expect((await run(root, ['--cache'])).linted).toEqual(['a.json', 'a.parameters.json']);
  });

  it('lints everything again when the config file, a result-changing option or the tool version changes', async () => {
    const root = project();
    await run(root, ['--cache']);
    const all = ['a.json', 'a.parameters.json', 'b.json', 'tl-lint.config.json'];
    writeFileSync(join(root, 'tl-lint.config.json'), '{ "rules": {} }');
    expect((await run(root, ['--cache'])).linted).toEqual(all);
    expect((await run(root, ['--cache'])).linted).toEqual([]);
    expect((await run(root, ['--cache', '--rule', 'fake-info:off'])).linted).toEqual(all);
    expect((await run(root, ['--cache', '--mode', 'new'])).linted).toEqual(all);
    // Options that only change how results are shown keep the cache.
    expect((await run(root, ['--cache', '--mode', 'new', '--quiet', '--format', 'json'])).linted).toEqual([]);

    const packageRoot = tempTree({ 'package.json': JSON.stringify({ name: 'tl-lint', version: '1.0.0' }) });
    await run(root, ['--cache'], packageRoot);
    expect((await run(root, ['--cache'], packageRoot)).linted).toEqual([]);
    writeFileSync(join(packageRoot, 'package.json'), JSON.stringify({ name: 'tl-lint', version: '1.0.1' }));
    expect((await run(root, ['--cache'], packageRoot)).linted).toEqual(all);
  });

  it('keeps the cache where --cache-location says, a directory or a file', async () => {
    const root = project();
    await run(root, ['--cache', '--cache-location', 'tmp/']);
    expect(existsSync(join(root, 'tmp', '.tl-lint-cache'))).toBe(true);
    await run(root, ['--cache', '--cache-location', 'tmp/custom.cache']);
    expect(existsSync(join(root, 'tmp', 'custom.cache'))).toBe(true);
    expect((await run(root, ['--cache', '--cache-location', 'tmp/custom.cache'])).linted).toEqual([]);
  });

  it('still hits when the project and its cache move (a CI cache restored elsewhere)', async () => {
    const root = project();
    await run(root, ['--cache']);
    const moved = join(mkdtempSync(join(tmpdir(), 'tl-lint-moved-')), 'project');
    cpSync(root, moved, { recursive: true });
    const again = await run(moved, ['--cache', '--format', 'json']);
    expect(again.linted).toEqual([]);
    expect(again.stdout).toContain(join(moved, 'a.json'));
    expect(again.stdout).not.toContain(root);
  });

  it('does not keep fixed results: a fixed file is linted again next time', async () => {
    const root = project();
    const fixed = await run(root, ['--cache', '--fix-dry-run']);
    expect(fixed.linted).toEqual(['a.json', 'a.parameters.json', 'b.json']);
    expect((await run(root, ['--cache', '--fix-dry-run'])).linted).toEqual(['a.json']);
  });
});
