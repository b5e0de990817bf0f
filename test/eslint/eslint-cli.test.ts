/**
 * The real `eslint` CLI with `export default [tl.configs.recommended]` on fixture files, against
 * the `tl-lint` CLI on the same files: the same findings (rule ids, lines, columns), the same
 * parsing errors, and `--fix` writing the same text.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtSources, repoRoot, type Build } from './built-plugin.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'eslint');
const FILES = ['vmss.jsonc', 'vmss.bicep', 'broken.json', 'not-templates/package.json', 'not-templates/tsconfig.json'];

interface JsonMessage {
  readonly ruleId: string | null;
  readonly fatal?: boolean;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

interface JsonResult {
  readonly filePath: string;
  readonly messages: readonly JsonMessage[];
}

let build: Build;
const dirs: string[] = [];

/** A copy of the fixtures with an ESLint config that holds only the recommended config. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tl-lint-eslint-'));
  dirs.push(dir);
  cpSync(fixtures, dir, { recursive: true });
  const plugin = pathToFileURL(join(build.root, 'src', 'eslint', 'index.js')).href;
  writeFileSync(join(dir, 'eslint.config.mjs'), `import tl from '${plugin}';\n\nexport default [tl.configs.recommended];\n`);
  return dir;
}

function run(script: string, args: readonly string[], cwd: string) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const eslint = (args: readonly string[], cwd: string) => run(join(repoRoot, 'node_modules', 'eslint', 'bin', 'eslint.js'), args, cwd);
const tlLint = (args: readonly string[], cwd: string) => run(join(build.root, 'src', 'cli', 'bin.js'), args, cwd);

/**
 * Per file (relative), the findings as `rule line:column`, sorted; parsing errors as `fatal line:column message`.
 * The CLI's notes about the files it was given (a named file that is not a template) are not findings.
 */
function findings(stdout: string, dir: string): Record<string, string[]> {
  const results = JSON.parse(stdout) as JsonResult[];
  const byFile: Record<string, string[]> = Object.fromEntries(FILES.map((f) => [f, []]));
  for (const result of results) {
    const file = result.filePath.slice(dir.length + 1);
    byFile[file] = result.messages
      .filter((m) => m.ruleId !== null || m.fatal === true)
      .map((m) => (m.ruleId === null ? `fatal ${String(m.line)}:${String(m.column)} ${m.message.replace(/^Parsing error: /, '')}` : `${m.ruleId.replace(/^tl-lint\//, '')} ${String(m.line)}:${String(m.column)}`))
      .sort();
  }
  return byFile;
}

beforeAll(() => {
  build = builtSources();
}, 300_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  build.dispose();
});

describe('eslint CLI with configs.recommended', () => {
  it('reports what the tl-lint CLI reports, file by file', () => {
    const dir = workspace();
    const viaEslint = eslint(['--format', 'json', ...FILES], dir);
    expect(viaEslint.stderr).toBe('');
    expect(viaEslint.code).toBe(1);
    const viaCli = tlLint(['--format', 'json', ...FILES], dir);
    expect(viaCli.code).toBe(1);
    const expected = findings(viaCli.stdout, dir);
    expect(findings(viaEslint.stdout, dir)).toEqual(expected);
    // What is compared: the findings the fixtures were written for, suppressed ones left out, non-templates silent.
    expect(expected).toEqual({
      'vmss.jsonc': ['api-version-too-old 11:21', 'security-type-not-trusted-launch 10:15'],
      'vmss.bicep': ['api-version-too-old 5:58', 'gen1-image 21:16', 'security-type-not-trusted-launch 5:15'],
      'broken.json': ["fatal 4:87 Expected ',' but found ']'"],
      'not-templates/package.json': [],
      'not-templates/tsconfig.json': [],
    });
  });

  it('--fix writes what tl-lint --fix writes', () => {
    const viaEslint = workspace();
    const viaCli = workspace();
    expect(eslint(['--fix', ...FILES], viaEslint).code).toBe(1);
    expect(tlLint(['--fix', ...FILES], viaCli).code).toBe(1);
    for (const file of ['vmss.jsonc', 'vmss.bicep']) {
      const fixed = readFileSync(join(viaEslint, file), 'utf8');
      expect(fixed, file).not.toBe(readFileSync(join(fixtures, file), 'utf8'));
      expect(fixed, file).toBe(readFileSync(join(viaCli, file), 'utf8'));
    }
    expect(readFileSync(join(viaEslint, 'vmss.jsonc'), 'utf8')).toContain('"apiVersion": "2020-12-01", /* pinned long ago */');
  });
});
