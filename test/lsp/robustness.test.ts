import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Engine, LintOptions } from '../../src/engine/api.js';
import { createEngine } from '../../src/engine/engine.js';
import { everything, inProcessClient, type TestClient } from './client.js';
import { fixtureText, workspace } from './fixtures.js';
import { cliBin, ensureBuilt, spawnServer } from './spawned.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let client: TestClient | undefined;
afterEach(async () => {
  await client?.dispose();
  client = undefined;
});

/** The fixture's scale set followed by `count` storage accounts: about 390 bytes each. */
function largeTemplate(count: number): string {
  const template = JSON.parse(fixtureText('vmss.json')) as { resources: unknown[] };
  const filler = (i: number) => ({
    type: 'Microsoft.Storage/storageAccounts',
    apiVersion: '2023-01-01',
    name: `st${String(i)}`,
    location: 'westeurope',
    sku: { name: 'Standard_LRS' },
    kind: 'StorageV2',
    properties: { supportsHttpsTrafficOnly: true, minimumTlsVersion: 'TLS1_2', description: 'x'.repeat(120) },
  });
  template.resources.push(...Array.from({ length: count }, (_, i) => filler(i)));
  return JSON.stringify(template, null, 2);
}

/** The real engine, with every lintText call recorded (file and the text's length). */
function countingEngines() {
  const linted: { readonly path: string; readonly fix: LintOptions['fix'] }[] = [];
  const factory = async (options: LintOptions): Promise<Engine> => {
    const engine = await createEngine(options);
    return {
      ...engine,
      rules: engine.rules,
      lintFile: (path, text) => engine.lintFile(path, text),
      prepare: (path) => engine.prepare(path),
      isIgnored: (path) => engine.isIgnored(path),
      lintText: (path, text) => {
        linted.push({ path, fix: options.fix });
        return engine.lintText(path, text);
      },
    };
  };
  return { linted, factory };
}

const codes = (diagnostics: readonly { readonly code?: number | string }[]) => diagnostics.map((d) => d.code);

/** Bytes that are not well-formed messages, then well-formed messages the server cannot use. */
async function sendMalformed(c: TestClient) {
  const frame = (body: string) => `Content-Length: ${String(Buffer.byteLength(body))}\r\n\r\n${body}`;
  for (const bytes of [frame('{"not json":'), 'X-Foo: 1\r\n\r\n', 'Content-Length: abc\r\n\r\n', frame('{"hello":1}'), frame('[1,2,3]'), frame('null')]) {
    c.raw.write(bytes);
  }
  await c.connection.sendNotification('textDocument/didOpen', {});
  await c.connection.sendNotification('tl-lint/unknown-notification', { x: 1 });
  const failures = await Promise.all([
    c.connection.sendRequest('tl-lint/unknown-request', {}).then(() => 'answered', (e: unknown) => (e as { code: number }).code),
    c.connection.sendRequest('textDocument/codeAction', {}).then(() => 'answered', (e: unknown) => (e as { code: number }).code),
  ]);
  return failures;
}

describe('language server robustness', () => {
  beforeAll(ensureBuilt, 300_000);

  it('a spawned server survives malformed messages and unknown methods, and still lints', async () => {
    const ws = workspace('vmss.json');
    const server = spawnServer([cliBin, 'lsp', '--stdio']);
    client = server.client;
    await client.initialize(ws.rootUri);
    // MethodNotFound for the unknown request; InternalError for the request with no params.
    expect(await sendMalformed(client)).toEqual([-32601, -32603]);
    await client.open(ws.uri('vmss.json'), 'json', fixtureText('vmss.json'));
    expect(codes(await client.diagnostics(ws.uri('vmss.json')))).toEqual(['api-version-too-old', 'security-type-not-trusted-launch']);
    expect(client.logs.filter((m) => m.includes('neither a response nor a notification'))).toHaveLength(2);
    expect(server.child.exitCode).toBeNull();
    expect(server.stderr()).toBe(
      'tl-lint language server: dropped a header without a usable Content-Length: "X-Foo: 1\\r\\n\\r\\n"\n' +
        'tl-lint language server: dropped a header without a usable Content-Length: "Content-Length: abc\\r\\n\\r\\n"\n',
    );
  });

  it('an in-process server does the same', async () => {
    const ws = workspace('vmss.json');
    client = inProcessClient();
    await client.initialize(ws.rootUri);
    expect(await sendMalformed(client)).toEqual([-32601, -32603]);
    await client.open(ws.uri('vmss.json'), 'json', fixtureText('vmss.json'));
    expect(codes(await client.diagnostics(ws.uri('vmss.json')))).toEqual(['api-version-too-old', 'security-type-not-trusted-launch']);
  });

  it('answers requests and notifications for documents that are not open', async () => {
    const ws = workspace('vmss.json');
    client = inProcessClient({ settings: { fixOnSave: true } });
    await client.initialize(ws.rootUri);
    const uri = ws.uri('vmss.json');
    const never = ws.uri('never-opened.json');
    expect(await client.codeActions(never, everything)).toEqual([]);
    expect(await client.willSaveWaitUntil(never)).toEqual([]);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: never, version: 2 }, contentChanges: [{ text: '{}' }] });
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: never } });
    await client.open(uri, 'json', fixtureText('vmss.json'));
    await client.diagnostics(uri);
    await client.close(uri);
    expect(await client.codeActions(uri, everything, ['source.fixAll'])).toEqual([]);
    expect(await client.willSaveWaitUntil(uri)).toEqual([]);
    expect(client.logs).toEqual([]);
  });

  it('lints only the last of 10,000 rapid changes to a large document, with memory flat', async () => {
    const ws = workspace();
    const { linted, factory } = countingEngines();
    // A debounce far longer than the burst takes: this checks superseding, not the timer.
    client = inProcessClient({ settings: { debounceMs: 1000 }, createEngine: factory });
    await client.initialize(ws.rootUri);
    const uri = ws.uri('large.json');
    const text = largeTemplate(500);
    await client.open(uri, 'json', text);
    await client.diagnostics(uri, { version: 1 });
    gc();
    const before = process.memoryUsage().heapUsed;
    // Retype one character of the storage account descriptions, over and over, with incremental changes.
    const line = text.slice(0, text.lastIndexOf('"description"')).split('\n').length - 1;
    const since = client.published.length;
    const sends: Promise<void>[] = [];
    for (let version = 2; version <= 10_001; version++) {
      const change = { range: { start: { line, character: 25 }, end: { line, character: 26 } }, text: version % 2 === 0 ? 'y' : 'x' };
      sends.push(client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] }));
    }
    await Promise.all(sends);
    const diagnostics = await client.diagnostics(uri, { since });
    expect(codes(diagnostics)).toEqual(['api-version-too-old', 'security-type-not-trusted-launch']);
    expect(client.published.slice(since).map((p) => p.version)).toEqual([10_001]);
    expect(linted).toHaveLength(2);
    gc();
    const grownMb = (process.memoryUsage().heapUsed - before) / 1e6;
    // Ten times the corpus's 90th percentile. Keeping each version would take gigabytes; what is allowed is noise.
    expect(grownMb).toBeLessThan(40);
  });

  it('reuses the last lint for code actions on an unchanged document, asked on every cursor move', async () => {
    const ws = workspace();
    const { linted, factory } = countingEngines();
    client = inProcessClient({ createEngine: factory });
    await client.initialize(ws.rootUri);
    const uri = ws.uri('vmss.json');
    await client.open(uri, 'json', fixtureText('vmss.json'));
    await client.diagnostics(uri);
    for (let i = 0; i < 3; i++) expect(await client.codeActions(uri, { start: { line: 12, character: 22 }, end: { line: 12, character: 22 } })).toHaveLength(3);
    expect(linted.map((l) => l.fix)).toEqual([false, 'safe']);
    await client.change(uri, `${fixtureText('vmss.json')} `);
    await client.codeActions(uri, { start: { line: 12, character: 22 }, end: { line: 12, character: 22 } });
    expect(linted.map((l) => l.fix)).toEqual([false, 'safe', false, 'safe']);
  });

  it('drops the result of a lint that a newer version overtook while it waited', async () => {
    const ws = workspace();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const gated = async (options: LintOptions): Promise<Engine> => {
      const engine = await createEngine(options);
      return { ...engine, rules: engine.rules, lintFile: (p, t) => engine.lintFile(p, t), isIgnored: (p) => engine.isIgnored(p), lintText: (p, t) => engine.lintText(p, t), prepare: (p) => gate.then(() => engine.prepare(p)) };
    };
    client = inProcessClient({ settings: { debounceMs: 0 }, createEngine: gated });
    await client.initialize(ws.rootUri);
    const uri = ws.uri('vmss.bicep');
    await client.open(uri, 'bicep', fixtureText('vmss.bicep'));
    await client.codeActions(uri, everything, ['refactor']);
    const version = await client.change(uri, fixtureText('vmss.bicep').replace('2019-03-01', '2020-12-01'));
    await client.codeActions(uri, everything, ['refactor']);
    release();
    expect(codes(await client.diagnostics(uri))).toEqual(['security-type-not-trusted-launch']);
    expect(client.published.map((p) => p.version)).toEqual([version]);
  });

  it('logs an unexpected engine failure and keeps serving', async () => {
    const ws = workspace();
    let failures = 1;
    const flaky = async (options: LintOptions): Promise<Engine> => {
      const engine = await createEngine(options);
      const lintText: Engine['lintText'] = (p, t) => {
        if (failures-- > 0) throw new RangeError('simulated engine bug');
        return engine.lintText(p, t);
      };
      return { ...engine, rules: engine.rules, lintFile: (p, t) => engine.lintFile(p, t), isIgnored: (p) => engine.isIgnored(p), prepare: (p) => engine.prepare(p), lintText };
    };
    client = inProcessClient({ settings: { debounceMs: 0 }, createEngine: flaky });
    await client.initialize(ws.rootUri);
    const uri = ws.uri('vmss.json');
    await client.open(uri, 'json', fixtureText('vmss.json'));
    await client.until(() => client?.logs.length === 1);
    const version = await client.change(uri, `${fixtureText('vmss.json')}\n`);
    expect(codes(await client.diagnostics(uri, { version }))).toEqual(['api-version-too-old', 'security-type-not-trusted-launch']);
    expect(client.logs).toHaveLength(1);
    expect(client.logs[0]).toMatch(/^tl-lint failed on file:.*vmss\.json: RangeError: simulated engine bug/);
  });

  it('lints a 20 MB template and closes it', async () => {
    const ws = workspace();
    client = inProcessClient();
    await client.initialize(ws.rootUri);
    const uri = ws.uri('huge.json');
    const text = largeTemplate(52_000);
    expect(text.length).toBeGreaterThan(20e6);
    await client.open(uri, 'json', text);
    expect(codes(await client.diagnostics(uri))).toEqual(['api-version-too-old', 'security-type-not-trusted-launch']);
    const since = client.published.length;
    await client.close(uri);
    expect(await client.diagnostics(uri, { since })).toEqual([]);
  });
});
