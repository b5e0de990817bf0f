import { DATA_VERSION } from '../../src/azure/index.js';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo, fakeHost, type FakeHostOptions } from './fake-engine.js';
import { parametersSchema, tempTree, template } from './temp-tree.js';

async function run(cwd: string, argv: string[], options: FakeHostOptions & { isTTY?: boolean; env?: Record<string, string> } = {}) {
  const captured = captureIo(cwd, options);
  const host = fakeHost(cwd, options);
  const code = await main(argv, captured.io, host);
  return { code, stdout: captured.stdout(), stderr: captured.stderr(), host };
}

function jsonReport(stdout: string): { filePath: string; messages: { ruleId: string | null; severity: number }[] }[] {
  return JSON.parse(stdout) as { filePath: string; messages: { ruleId: string | null; severity: number }[] }[];
}

describe('exit codes', () => {
  it('0 and no output for a clean template', async () => {
    const root = tempTree({ 'clean.json': template() });
    expect(await run(root, [])).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('1 for an error finding', async () => {
    const root = tempTree({ 'old.json': template('2019-03-01') });
    const { code, stdout } = await run(root, ['old.json']);
    expect(code).toBe(1);
    expect(stdout).toContain(`${join(root, 'old.json')}\n  4:5  error  apiVersion 2019-03-01 is too old  fake-api-version\n`);
  });

  it('1 for a file that does not parse', async () => {
    const root = tempTree({ 'broken.json': '{ "$schema": ' });
    const { code, stdout } = await run(root, ['--format', 'json']);
    expect(code).toBe(1);
    expect(jsonReport(stdout)).toMatchObject([{ filePath: join(root, 'broken.json'), messages: [{ ruleId: null, severity: 2 }] }]);
  });

  it('0 for warnings and infos only', async () => {
    const root = tempTree({ 'w.json': template('warn-me', 'info-me') });
    const { code, stdout } = await run(root, []);
    expect(code).toBe(0);
    expect(stdout).toContain('\u2716 2 problems (0 errors, 1 warning, 1 info)');
  });

  it.each([
    { argv: ['missing.json'], message: "tl-lint: No files matching 'missing.json' were found.\n" },
    { argv: ['--format', 'xml'], message: "tl-lint: Unknown format 'xml'. Formats: stylish, json, sarif, github, junit, markdown.\n" },
    { argv: ['--frobnicate'], message: "tl-lint: Unknown option '--frobnicate'" },
    { argv: ['--mode', 'fresh'], message: "tl-lint: Invalid --mode 'fresh'. Modes: upgrade, new.\n" },
    { argv: ['--max-warnings=-1'], message: "tl-lint: --max-warnings expects a whole number >= 0, got '-1'.\n" },
    { argv: ['--max-warnings'], message: "tl-lint: Option '--max-warnings <value>' argument missing\nRun 'tl-lint --help' for the options.\n" },
    { argv: ['--max-warnings', 'many'], message: "tl-lint: --max-warnings expects a whole number >= 0, got 'many'.\n" },
    { argv: ['--config', 'nope.json'], message: 'tl-lint: Config file not found: nope.json\n' },
    { argv: ['--parameters', 'nope.json'], message: 'tl-lint: Parameters file not found: nope.json\n' },
    { argv: ['--color', '--no-color'], message: 'tl-lint: --color and --no-color cannot be used together.\n' },
    { argv: ['rule'], message: "tl-lint: 'rule' takes exactly one rule id: tl-lint rule <id>\n" },
    { argv: ['rules', 'extra'], message: "tl-lint: 'rules' takes no arguments (got 'extra').\n" },
  ])('2 for $argv', async ({ argv, message }) => {
    const root = tempTree({ 't.json': template() });
    const { code, stderr, stdout } = await run(root, argv);
    expect(code).toBe(2);
    expect(stderr.startsWith(message)).toBe(true);
    expect(stdout).toBe('');
  });

  it('2 when a directory holds no template files', async () => {
    const root = tempTree({ 'docs/readme.md': '' });
    expect(await run(root, [])).toMatchObject({ code: 2, stderr: "tl-lint: No files matching '.' were found.\n" });
  });

  it('2 with the message only for a config error from the engine, and with the stack for a crash', async () => {
    const root = tempTree({ 't.json': template() });
    const configError = Object.assign(new Error('tl-lint.config.json: unknown key "rulez"'), { name: 'ConfigError' });
    const failing = (error: Error) => ({
      ...fakeHost(root),
      createEngine: () => Promise.reject(error),
    });
    const first = captureIo(root);
    expect(await main([], first.io, failing(configError))).toBe(2);
    expect(first.stderr()).toBe('tl-lint: tl-lint.config.json: unknown key "rulez"\n');
    const second = captureIo(root);
    expect(await main([], second.io, failing(new TypeError('boom')))).toBe(2);
    expect(second.stderr()).toMatch(/^tl-lint: internal error, please report it with the file that caused it\.\nTypeError: boom\n {4}at /);
  });
});

describe('--max-warnings and --quiet', () => {
  const files = { 'w.json': template('warn-me', 'warn-me', 'info-me') };

  it('fails when warnings exceed the maximum and says so', async () => {
    const root = tempTree(files);
    expect(await run(root, ['--max-warnings', '1'])).toMatchObject({ code: 1, stderr: 'tl-lint found too many warnings (maximum: 1).\n' });
    expect(await run(root, ['--max-warnings', '2'])).toMatchObject({ code: 0, stderr: '' });
  });

  it('--quiet shows errors only but still counts warnings against the maximum', async () => {
    const root = tempTree({ ...files, 'e.json': template('2019-03-01', 'warn-me') });
    const quiet = await run(root, ['--quiet', '--format', 'json', '--max-warnings', '2']);
    expect(quiet.code).toBe(1);
    expect(jsonReport(quiet.stdout)).toMatchObject([{ filePath: join(root, 'e.json'), messages: [{ ruleId: 'fake-api-version' }] }]);
    expect(quiet.stderr).toBe('');
  });
});

describe('--rule', () => {
  it('passes levels to the engine, the last one for a rule winning', async () => {
    const root = tempTree({ 'w.json': template('warn-me', 'info-me') });
    const { code, host } = await run(root, ['--rule', 'fake-warning:error', '--rule', 'fake-info:off', '--rule', 'fake-info: warn ']);
    expect(code).toBe(1);
    expect(host.engines[0]?.options.ruleOverrides).toEqual({ 'fake-warning': 'error', 'fake-info': 'warn' });
  });

  it.each([
    { spec: 'fake-warning', message: "tl-lint: --rule expects <id>:<level>, got 'fake-warning'.\n" },
    { spec: ':error', message: "tl-lint: --rule expects <id>:<level>, got ':error'.\n" },
    { spec: 'fake-warning:loud', message: "tl-lint: Invalid level 'loud' in --rule 'fake-warning:loud'. Levels: error, warn, info, off.\n" },
    { spec: 'fake-warning:2', message: "tl-lint: Invalid level '2' in --rule 'fake-warning:2'. Levels: error, warn, info, off.\n" },
    { spec: 'fake-warnin:warn', message: "tl-lint: Unknown rule 'fake-warnin' in --rule 'fake-warnin:warn'. Did you mean: fake-warning?\n" },
    { spec: 'zzz:warn', message: "tl-lint: Unknown rule 'zzz' in --rule 'zzz:warn'.\n" },
  ])('rejects $spec', async ({ spec, message }) => {
    const root = tempTree({ 't.json': template() });
    expect(await run(root, ['--rule', spec])).toMatchObject({ code: 2, stderr: message });
  });

  it('passes --mode, --config and --parameters to the engine', async () => {
    const root = tempTree({ 't.json': template(), 'c.json': '{}', 'p.json': '{}' });
    const { host } = await run(root, ['--mode', 'new', '--config', 'c.json', '--parameters', 'p.json']);
    expect(host.engines[0]?.options).toEqual({ cwd: root, ruleOverrides: {}, fix: false, oneShot: true, mode: 'new', configFile: 'c.json', parametersFile: 'p.json' });
  });
});

describe('which files are reported', () => {
  it('a directory scan leaves out non-templates and parameter files without findings; named files always appear', async () => {
    const root = tempTree({
      'package.json': '{ "name": "x" }',
      'tsconfig.json': '{}',
      'azuredeploy.json': template('warn-me'),
      'azuredeploy.parameters.json': JSON.stringify({ $schema: parametersSchema, parameters: {} }),
      'node_modules/dep/template.json': template('2019-03-01'),
    });
    const scan = await run(root, ['--format', 'json']);
    expect(jsonReport(scan.stdout).map((r) => r.filePath)).toEqual([join(root, 'azuredeploy.json')]);
    expect(scan.host.engines[0]?.linted).not.toContain(join(root, 'node_modules/dep/template.json'));

    const named = await run(root, ['--format', 'json', 'package.json', '.']);
    expect(jsonReport(named.stdout)).toMatchObject([
      { filePath: join(root, 'azuredeploy.json') },
      { filePath: join(root, 'package.json'), messages: [{ ruleId: null, severity: 1, message: expect.stringContaining('Not a deployment template') as string }] },
    ]);
    expect(named.code).toBe(0);
  });

  it('a file ignored by the config is skipped by a scan, and warned about when named', async () => {
    const root = tempTree({ 'a.json': template(), 'gen/b.json': template('2019-03-01') });
    const scan = await run(root, ['--format', 'json'], { ignored: ['gen/b.json'] });
    expect(scan.code).toBe(0);
    expect(scan.host.engines[0]?.linted).toEqual([join(root, 'a.json')]);
    const named = await run(root, ['gen/b.json'], { ignored: ['gen/b.json'] });
    expect(named.code).toBe(0);
    expect(named.stdout).toContain('0:0  warning  File ignored because of a matching pattern in "ignores" of the tl-lint config');
    expect(await run(root, ['gen'], { ignored: ['gen/b.json'] })).toMatchObject({ code: 2, stderr: "tl-lint: All files matched by 'gen' are ignored.\n" });
  });
});

describe('--fix', () => {
  it('writes the fixed text atomically, keeping the BOM and the file mode, and says how many files it fixed', async () => {
    const bom = '\uFEFF';
    const root = tempTree({ 'bom.json': bom + template('2019-03-01', 'warn-me'), 'clean.json': template() });
    const path = join(root, 'bom.json');
    const { chmodSync, readdirSync } = await import('node:fs');
    chmodSync(path, 0o640);
    const inode = statSync(path).ino;

    const { code, stdout, stderr } = await run(root, ['--fix']);
    expect(readFileSync(path, 'utf8')).toBe(bom + template('2022-03-01', 'warn-me'));
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(statSync(path).ino).not.toBe(inode);
    expect(readdirSync(root).sort()).toEqual(['bom.json', 'clean.json']);
    expect(stderr).toBe('Fixed 1 file.\n');
    expect(code).toBe(0);
    expect(stdout).toContain('\u2716 1 problem (0 errors, 1 warning, 0 infos)');
  });

  it('applies unsafe fixes only with --unsafe-fixes', async () => {
    const root = tempTree({ 'u.json': template('unsafe-me', '2019-03-01') });
    const path = join(root, 'u.json');
    expect(await run(root, ['--fix'])).toMatchObject({ code: 1, stderr: 'Fixed 1 file.\n' });
    expect(readFileSync(path, 'utf8')).toBe(template('unsafe-me', '2022-03-01'));
    expect(await run(root, ['--unsafe-fixes'])).toMatchObject({ code: 0, stderr: 'Fixed 1 file.\n' });
    expect(readFileSync(path, 'utf8')).toBe(template('fixed-unsafely', '2022-03-01'));
  });

  it('does not overwrite a file that changed on disk while it was linted', async () => {
    const root = tempTree({ 'race.json': template('2019-03-01') });
    const path = join(root, 'race.json');
    const edited = template('2019-03-01', 'edited meanwhile');
    const { code, stderr } = await run(root, ['--fix'], { whileLinting: (file) => { writeFileSync(file, edited); } });
    expect(readFileSync(path, 'utf8')).toBe(edited);
    expect(stderr).toBe('tl-lint: race.json changed on disk while it was being linted; its fixes were not written.\nFixed 0 files.\n');
    expect(code).toBe(2);
  });

  it('--fix-dry-run prints the diff and writes nothing', async () => {
    const root = tempTree({ 'd.json': template('2019-03-01') });
    const path = join(root, 'd.json');
    const before = readFileSync(path);
    const { code, stdout, stderr } = await run(root, ['--fix-dry-run']);
    expect(readFileSync(path)).toEqual(before);
    expect(stdout).toBe(
      [
        '--- a/d.json',
        '+++ b/d.json',
        '@@ -1,6 +1,6 @@',
        ' {',
        `   "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",`,
        '   "resources": [',
        '-    "2019-03-01"',
        '+    "2022-03-01"',
        '   ]',
        ' }',
        '',
      ].join('\n'),
    );
    expect(stderr).toBe('Would fix 1 file.\n');
    expect(code).toBe(0);
  });

  it('--fix-dry-run with --format json gives the fixed text as ESLint does, and no diff', async () => {
    const root = tempTree({ 'd.json': template('2019-03-01') });
    const { stdout } = await run(root, ['--fix-dry-run', '-f', 'json']);
    expect(JSON.parse(stdout)).toMatchObject([{ output: template('2022-03-01'), messages: [] }]);
  });
});

describe('output', () => {
  it('--output-file writes the report there, creating its directory, and nothing to stdout', async () => {
    const root = tempTree({ 'o.json': template('2019-03-01') });
    const { code, stdout } = await run(root, ['-f', 'json', '-o', 'reports/out.json']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(JSON.parse(readFileSync(join(root, 'reports/out.json'), 'utf8'))).toMatchObject([{ errorCount: 1 }]);
  });

  it('--output-file that cannot be written is a usage error', async () => {
    const root = tempTree({ 'o.json': template(), 'taken/x': '' });
    const { code, stderr } = await run(root, ['-o', 'taken']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^tl-lint: Cannot write the report to .*taken: EISDIR/);
  });

  it('--fix-dry-run with --format json and --output-file prints the diff to stdout', async () => {
    const root = tempTree({ 'd.json': template('2019-03-01') });
    const { stdout } = await run(root, ['--fix-dry-run', '-f', 'json', '-o', 'report.json']);
    expect(stdout).toMatch(/^--- a\/d\.json\n\+\+\+ b\/d\.json\n@@ /);
    expect(JSON.parse(readFileSync(join(root, 'report.json'), 'utf8'))).toMatchObject([{ output: template('2022-03-01') }]);
  });

  it.each<{ argv: string[]; isTTY: boolean; env: Record<string, string>; colour: boolean }>([
    { argv: [], isTTY: true, env: {}, colour: true },
    { argv: [], isTTY: false, env: {}, colour: false },
    { argv: [], isTTY: true, env: { NO_COLOR: '1' }, colour: false },
    { argv: [], isTTY: true, env: { NO_COLOR: '' }, colour: true },
    { argv: ['--no-color'], isTTY: true, env: {}, colour: false },
    { argv: ['--color'], isTTY: false, env: { NO_COLOR: '1' }, colour: true },
  ])('colour $colour with $argv, TTY $isTTY, env $env', async ({ argv, isTTY, env, colour }) => {
    const root = tempTree({ 'o.json': template('2019-03-01') });
    const { stdout } = await run(root, argv, { isTTY, env });
    expect(stdout.includes('\u001b[')).toBe(colour);
  });
});

describe('commands', () => {
  it('--help and --version', async () => {
    const root = tempTree({ 'package.json': JSON.stringify({ name: 'tl-lint', version: '9.8.7' }) });
    const help = await run(root, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: tl-lint \[options\] \[paths or globs\.\.\.\]\n/);
    expect(help.stdout).toContain('-f, --format <name>        stylish | json | sarif | github | junit | markdown (default: stylish)');
    expect(await run(root, ['--version'])).toMatchObject({ code: 0, stdout: `tl-lint 9.8.7 (data: ${DATA_VERSION})\n` });
    expect(await run(root, ['rules', '--help'])).toMatchObject({ code: 0 });
  });

  it('rules prints the table of rules', async () => {
    const root = tempTree({});
    expect(await run(root, ['rules'])).toMatchObject({
      code: 0,
      stdout: [
        'id                level  mode  fix     description',
        '----------------  -----  ----  ------  ----------------------------------',
        'fake-api-version  error  both  safe    Flags the fake-api-version marker.',
        'fake-info         info   both  none    Flags the fake-info marker.',
        'fake-unsafe       error  both  unsafe  Flags the fake-unsafe marker.',
        'fake-warning      warn   both  none    Flags the fake-warning marker.',
        '',
      ].join('\n'),
    });
  });

  it('rule <id> prints its docs page from the package, without the generator markers', async () => {
    const root = tempTree({ 'docs/rules/fake-info.md': '<!-- begin generated -->\n# fake-info\n<!-- end generated -->\n\nWhat it flags.\n' });
    expect(await run(root, ['rule', 'fake-info'])).toMatchObject({ code: 0, stdout: '# fake-info\n\nWhat it flags.\n' });
  });

  it('rule <id> whose page is missing from the package says so', async () => {
    const root = tempTree({});
    const { code, stderr } = await run(root, ['rule', 'fake-info']);
    expect(code).toBe(2);
    expect(stderr).toBe(`tl-lint: The docs of rule 'fake-info' are missing from the package (${join(root, 'docs/rules/fake-info.md')}).\n`);
  });

  it('rule <id> with an unknown id lists the close ids, or all of them', async () => {
    const root = tempTree({});
    expect(await run(root, ['rule', 'fake-inf'])).toMatchObject({ code: 2, stderr: "tl-lint: Unknown rule 'fake-inf'. Did you mean: fake-info?\n" });
    expect(await run(root, ['rule', 'fake'])).toMatchObject({
      code: 2,
      stderr: "tl-lint: Unknown rule 'fake'. Did you mean: fake-info, fake-unsafe, fake-warning, fake-api-version?\n",
    });
    expect(await run(root, ['rule', 'qqq'])).toMatchObject({
      code: 2,
      stderr: "tl-lint: Unknown rule 'qqq'. Rules: fake-api-version, fake-info, fake-unsafe, fake-warning.\n",
    });
  });

  it('a directory named like a command is linted after --', async () => {
    const root = tempTree({ 'rules/t.json': template('2019-03-01') });
    expect((await run(root, ['--', 'rules'])).code).toBe(1);
  });
});
