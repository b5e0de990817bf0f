import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadConfig } from '../../src/engine/config.js';
import { ruleMap } from '../../src/engine/engine.js';
import { captureIo } from './fake-engine.js';
import { realHost, repoRoot } from './real-host.js';
import { tempTree } from './temp-tree.js';

async function init(cwd: string, argv: string[] = []) {
  const captured = captureIo(cwd);
  const code = await main(['init', ...argv], captured.io, realHost);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

describe('tl-lint init', () => {
  it('writes a starter config whose $schema points at the shipped schema, valid against it and loadable', async () => {
    const root = tempTree({});
    expect(await init(root)).toEqual({ code: 0, stdout: "Wrote tl-lint.config.json. Set rule levels under \"rules\"; 'tl-lint rules' lists them.\n", stderr: '' });
    const path = join(root, 'tl-lint.config.json');
    const config = JSON.parse(readFileSync(path, 'utf8')) as { $schema: string };
    expect(config).toMatchObject({ mode: 'upgrade', rules: {}, ignores: [] });
    const schemaPath = join(root, config.$schema);
    expect(schemaPath).toBe(join(repoRoot, 'tl-lint.config.schema.json'));

    const Ajv2020 = Ajv2020Module.default;
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
    expect(validate(config)).toBe(true);
    expect(loadConfig(path, ruleMap).mode).toBe('upgrade');
  });

  it('writes the mode it is given, and refuses to overwrite a config without --force', async () => {
    const root = tempTree({});
    expect((await init(root, ['--mode', 'new'])).code).toBe(0);
    writeFileSync(join(root, 'tl-lint.config.json'), '{ "mode": "upgrade" }');
    expect(await init(root)).toMatchObject({ code: 2, stderr: 'tl-lint: tl-lint.config.json already exists; use --force to overwrite it.\n' });
    expect(readFileSync(join(root, 'tl-lint.config.json'), 'utf8')).toBe('{ "mode": "upgrade" }');
    expect((await init(root, ['--force', '--mode', 'new'])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(root, 'tl-lint.config.json'), 'utf8'))).toMatchObject({ mode: 'new' });
  });

  it('takes no paths', async () => {
    expect(await init(tempTree({}), ['here'])).toMatchObject({ code: 2, stderr: "tl-lint: 'init' takes no arguments (got 'here').\n" });
  });
});
