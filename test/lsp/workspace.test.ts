import { rmSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { LintOptions } from '../../src/engine/api.js';
import { createEngine } from '../../src/engine/engine.js';
import { inProcessClient, type TestClient } from './client.js';
import { fixtureText, workspace } from './fixtures.js';

let client: TestClient | undefined;
afterEach(async () => {
  await client?.dispose();
  client = undefined;
});

const codes = async (c: TestClient, uri: string, since: number) => (await c.diagnostics(uri, { since })).map((d) => d.code ?? d.message);

describe('language server: workspace', () => {
  it('lints with the parameter file beside the template, and notices when it goes away', async () => {
    const ws = workspace('azuredeploy.json', 'azuredeploy.parameters.json');
    client = inProcessClient();
    await client.initialize(ws.rootUri);
    const uri = ws.uri('azuredeploy.json');
    await client.open(uri, 'json', fixtureText('azuredeploy.json'));
    expect(await codes(client, uri, 0)).toEqual(['api-version-too-old', 'security-type-not-trusted-launch']);
    rmSync(ws.path('azuredeploy.parameters.json'));
    const since = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('azuredeploy.parameters.json'), type: 3 }] });
    expect(await codes(client, uri, since)).toEqual(['api-version-too-old', 'security-type-overridable']);
  });

  it('re-lints open documents when tl-lint.config.json changes, and shows a broken config on them', async () => {
    const ws = workspace('vmss.json');
    client = inProcessClient();
    await client.initialize(ws.rootUri);
    const uri = ws.uri('vmss.json');
    await client.open(uri, 'json', fixtureText('vmss.json'));
    expect(await codes(client, uri, 0)).toEqual(['api-version-too-old', 'security-type-not-trusted-launch']);

    const config = ws.path('tl-lint.config.json');
    writeFileSync(config, JSON.stringify({ rules: { 'api-version-too-old': 'off' } }));
    let since = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('tl-lint.config.json'), type: 1 }] });
    expect(await codes(client, uri, since)).toEqual(['security-type-not-trusted-launch']);

    writeFileSync(config, '{ "rules": { "no-such-rule": "error" } }');
    since = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('tl-lint.config.json'), type: 2 }] });
    const [broken] = await client.diagnostics(uri, { since });
    expect(broken).toMatchObject({ severity: 1, source: 'tl-lint', range: { start: { line: 0, character: 0 } } });
    expect(broken?.message).toBe(`${config}: unknown rule 'no-such-rule' in "rules"`);
  });

  it('re-lints on saving tl-lint.config.json when the client cannot watch files', async () => {
    const ws = workspace('vmss.json');
    client = inProcessClient({ capabilities: { workspace: { configuration: true } } });
    await client.initialize(ws.rootUri);
    const uri = ws.uri('vmss.json');
    await client.open(uri, 'json', fixtureText('vmss.json'));
    await client.diagnostics(uri);
    const configText = JSON.stringify({ rules: { 'security-type-not-trusted-launch': 'warn' } });
    await client.open(ws.uri('tl-lint.config.json'), 'json', configText);
    writeFileSync(ws.path('tl-lint.config.json'), configText);
    const since = client.published.length;
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: ws.uri('tl-lint.config.json') } });
    const diagnostics = await client.diagnostics(uri, { since });
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['api-version-too-old', 1],
      ['security-type-not-trusted-launch', 2],
    ]);
  });

  it('passes the mode setting to the engine, and leaves it to the config file when unset', async () => {
    const ws = workspace('vmss.json');
    const made: LintOptions[] = [];
    const recording = (options: LintOptions) => {
      made.push(options);
      return createEngine(options);
    };
    client = inProcessClient({ settings: { mode: 'new' }, createEngine: recording });
    await client.initialize(ws.rootUri);
    await client.open(ws.uri('vmss.json'), 'json', fixtureText('vmss.json'));
    await client.diagnostics(ws.uri('vmss.json'));
    client.settings = { mode: 'sideways', debounceMs: 'soon' };
    const since = client.published.length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.diagnostics(ws.uri('vmss.json'), { since });
    expect(made).toEqual([
      { cwd: ws.root, fix: false, mode: 'new' },
      { cwd: ws.root, fix: false },
    ]);
  });

  it('takes settings pushed by didChangeConfiguration from a client without workspace/configuration', async () => {
    const ws = workspace('vmss.json');
    client = inProcessClient({ capabilities: {} });
    await client.initialize(ws.rootUri);
    const uri = ws.uri('vmss.json');
    await client.open(uri, 'json', fixtureText('vmss.json'));
    expect(await client.willSaveWaitUntil(uri)).toEqual([]);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { 'tl-lint': { fixOnSave: true } } });
    expect(await client.willSaveWaitUntil(uri)).toHaveLength(1);
  });
});

describe('language server: initializationOptions', () => {
  it.each([
    ['the section itself', { fixOnSave: true }],
    ['the section under tl-lint, as Helix sends its config', { 'tl-lint': { fixOnSave: true } }],
  ])('reads %s', async (_name, initializationOptions) => {
    const ws = workspace('vmss.json');
    client = inProcessClient({ capabilities: {}, initializationOptions });
    await client.initialize(ws.rootUri);
    const uri = ws.uri('vmss.json');
    await client.open(uri, 'json', fixtureText('vmss.json'));
    expect(await client.willSaveWaitUntil(uri)).toHaveLength(1);
  });
});
