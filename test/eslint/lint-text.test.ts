/**
 * `ESLint#lintText`, what editors call on save: fixed output equal to the engine's `--fix`,
 * BOM kept, eslint-disable comments with the plugin's real name, parsing errors, rule options and mode.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import plugin from '../../src/eslint/index.js';
import { armScaleSet, bicepScaleSet } from './templates.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'eslint');
const cwd = join(import.meta.dirname, '..', '..');

function eslintWith(extra: readonly Linter.Config[] = [], fix = false): ESLint {
  return new ESLint({ cwd, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended, ...extra], fix });
}

async function lint(text: string, filePath: string, options: { readonly extra?: readonly Linter.Config[]; readonly fix?: boolean } = {}) {
  const [result] = await eslintWith(options.extra, options.fix).lintText(text, { filePath: join(fixtures, filePath) });
  if (!result) throw new Error('no result');
  return result;
}

async function engineFix(file: string, text: string): Promise<string | undefined> {
  const engine = await createEngine({ cwd, fix: 'safe' });
  return (await engine.lintFile(join(fixtures, file), text)).output;
}

describe('lintText with fix: true', () => {
  it.each(['vmss.jsonc', 'vmss.bicep'])('%s: returns the text tl-lint --fix makes', async (file) => {
    const text = readFileSync(join(fixtures, file), 'utf8');
    const result = await lint(text, file, { fix: true });
    expect(result.output).toBeDefined();
    expect(result.output).toBe(await engineFix(file, text));
  });

  it('keeps a BOM and fixes at the right offsets', async () => {
    const text = `\uFEFF${armScaleSet()}`;
    const result = await lint(text, 'bom.json', { fix: true });
    expect(result.output).toBe(`\uFEFF${armScaleSet({ apiVersion: '2020-12-01' })}`);
    const [message] = (await lint(text, 'bom.json')).messages;
    expect(message).toMatchObject({ ruleId: 'tl-lint/api-version-too-old', line: 6, column: 21 });
  });
});

describe('disable comments with the plugin name', () => {
  it.each([
    ['JSON with comments', 'vmss.json', armScaleSet({ before: '// eslint-disable-next-line tl-lint/api-version-too-old -- pinned' })],
    ['Bicep', 'main.bicep', bicepScaleSet({ before: '// eslint-disable-next-line tl-lint/api-version-too-old -- pinned' })],
    ['Bicep block comment', 'main.bicep', bicepScaleSet({ before: '/* eslint-disable-next-line tl-lint/api-version-too-old */' })],
  ])('%s: the finding is suppressed, not dropped', async (_name, file, text) => {
    const result = await lint(text, file);
    expect(result.messages).toEqual([]);
    expect(result.suppressedMessages.map((m) => m.ruleId)).toEqual(['tl-lint/api-version-too-old']);
  });

  it('reports an unused eslint-disable comment, as for any language', async () => {
    const result = await lint(armScaleSet({ apiVersion: '2024-07-01', before: '// eslint-disable-next-line tl-lint/api-version-too-old' }), 'vmss.json');
    expect(result.messages).toMatchObject([{ ruleId: null, line: 6, column: 7, severity: 1 }]);
  });
});

describe('what ESLint is told', () => {
  it('gives a parsing error at the front-end position for a file it cannot read', async () => {
    const result = await lint(readFileSync(join(fixtures, 'broken.json'), 'utf8'), 'broken.json');
    expect(result.messages).toEqual([expect.objectContaining({ ruleId: null, fatal: true, line: 4, column: 87, message: "Parsing error: Expected ',' but found ']'" })]);
  });

  it('refuses a binary file as the CLI does', async () => {
    const result = await lint('{ "a": "\0" }', 'data.json');
    expect(result.messages).toEqual([expect.objectContaining({ fatal: true, line: 1, column: 1, message: 'Parsing error: The file is binary (it contains NUL bytes), not a template.' })]);
  });

  it.each(['package.json', 'tsconfig.json'])('says nothing about %s', async (file) => {
    const result = await lint(readFileSync(join(fixtures, 'not-templates', file), 'utf8'), file);
    expect(result.messages).toEqual([]);
  });

  it.each([
    ['tl-lint/arm', 'vmss.arm', armScaleSet(), 6],
    ['tl-lint/bicep', 'vmss.bicep.txt', bicepScaleSet(), 3],
  ])('%s reads a file of any name', async (language, file, text, line) => {
    const extra: Linter.Config[] = [{ files: [`**/${file}`], language, plugins: { 'tl-lint': plugin }, rules: plugin.configs.recommended.rules }];
    const result = await lint(text, file, { extra });
    expect(result.messages.map((m) => [m.ruleId, m.line])).toEqual([['tl-lint/api-version-too-old', line]]);
  });

  it('reads a .bicepparam file as parameters: no findings, but its syntax errors', async () => {
    expect((await lint("using 'main.bicep'\n\nparam location = 'westeurope'\n", 'main.bicepparam')).messages).toEqual([]);
    const broken = await lint("using 'main.bicep'\n\nparam location = = 'westeurope'\n", 'main.bicepparam');
    expect(broken.messages).toMatchObject([{ fatal: true, line: 3 }]);
  });

  it('honours rule options from the ESLint config', async () => {
    const extra: Linter.Config[] = [{ files: ['**/*.json'], rules: { 'tl-lint/api-version-too-old': ['error', { targetApiVersion: '2024-07-01' }] } }];
    const result = await lint(armScaleSet(), 'vmss.json', { extra, fix: true });
    expect(result.output).toBe(armScaleSet({ apiVersion: '2024-07-01' }));
  });

  it('rejects options the rule schema does not allow', async () => {
    const extra: Linter.Config[] = [{ files: ['**/*.json'], rules: { 'tl-lint/api-version-too-old': ['error', { targetApiVersion: 'newest' }] } }];
    await expect(lint(armScaleSet(), 'vmss.json', { extra })).rejects.toThrow(/"tl-lint\/api-version-too-old":\s+Value "newest" should match pattern/);
  });

  it('turns off upgrade-only rules with settings mode new', async () => {
    const text = armScaleSet({ apiVersion: '2024-07-01', upgradeMode: 'Manual' });
    expect((await lint(text, 'vmss.json')).messages.map((m) => m.ruleId)).toEqual(['tl-lint/manual-upgrade-policy']);
    const extra: Linter.Config[] = [{ settings: { 'tl-lint': { mode: 'new' } } }];
    expect((await lint(text, 'vmss.json', { extra })).messages).toEqual([]);
  });

  it('leaves JavaScript files alone when a rule is enabled for every file', async () => {
    const extra: Linter.Config[] = [{ plugins: { 'tl-lint': plugin }, rules: { 'tl-lint/gen1-image': 'error' } }];
    const result = await lint('export const x = 1;\n', 'x.js', { extra });
    expect(result.messages).toEqual([]);
  });
});
