import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { lineStart } from './client.js';
import { fixtureText, workspace } from './fixtures.js';
import { cliBin, ensureBuilt, serverBin, spawnServer } from './spawned.js';

beforeAll(ensureBuilt, 300_000);

/** The whole round trip a user makes, against the built server process. */
async function fixAllRoundTrip(args: readonly string[], name: string, languageId: string) {
  const ws = workspace(name);
  const server = spawnServer(args);
  const { client } = server;
  await client.initialize(ws.rootUri);
  const uri = ws.uri(name);
  await client.open(uri, languageId, fixtureText(name));
  const before = (await client.diagnostics(uri)).map((d) => d.code);
  const [fixAll] = await client.codeActions(uri, lineStart(0), ['source.fixAll.tl-lint']);
  const since = client.published.length;
  await client.apply(fixAll?.edit);
  const after = (await client.diagnostics(uri, { since })).map((d) => d.code);
  // What an editor then saves: the file on disk re-lints without the fixed findings.
  writeFileSync(ws.path(name), client.text(uri));
  const engine = await createEngine({ cwd: ws.root });
  const onDisk = (await engine.lintFile(ws.path(name))).messages.map((m) => m.ruleId);
  await client.connection.sendRequest('shutdown');
  await client.connection.sendNotification('exit');
  return { before, after, onDisk, code: await server.exited, stderr: server.stderr() };
}

describe('language server over stdio (built, spawned)', () => {
  it('tl-lint lsp --stdio: diagnostics → fix all → the ARM template re-lints without the fixed rule', async () => {
    const run = await fixAllRoundTrip([cliBin, 'lsp', '--stdio'], 'vmss.json', 'json');
    expect(run).toEqual({
      before: ['api-version-too-old', 'security-type-not-trusted-launch'],
      after: ['security-type-not-trusted-launch'],
      onDisk: ['security-type-not-trusted-launch'],
      code: 0,
      stderr: '',
    });
  });

  it('tl-lint-language-server --stdio: the same for a Bicep file', async () => {
    const run = await fixAllRoundTrip([serverBin, '--stdio'], 'vmss.bicep', 'bicep');
    expect(run).toEqual({
      before: ['security-type-not-trusted-launch', 'api-version-too-old'],
      after: ['guest-attestation-missing'],
      onDisk: ['guest-attestation-missing'],
      code: 0,
      stderr: '',
    });
  });

  it('applies a single quick fix over stdio', async () => {
    const ws = workspace('vmss.bicep');
    const server = spawnServer([cliBin, 'lsp', '--stdio']);
    const { client } = server;
    await client.initialize(ws.rootUri);
    const uri = ws.uri('vmss.bicep');
    await client.open(uri, 'bicep', fixtureText('vmss.bicep'));
    await client.diagnostics(uri);
    const actions = await client.codeActions(uri, { start: { line: 2, character: 60 }, end: { line: 2, character: 60 } });
    const fix = actions.find((a) => a.title === 'Update apiVersion to 2020-12-01');
    const since = client.published.length;
    await client.apply(fix?.edit);
    expect((await client.diagnostics(uri, { since })).map((d) => d.code)).toEqual(['security-type-not-trusted-launch']);
    await client.dispose();
  });

  it('exits 1 when stdin closes without a shutdown request, as LSP asks', async () => {
    const server = spawnServer([cliBin, 'lsp', '--stdio']);
    await server.client.initialize(null);
    server.child.stdin.end();
    expect(await server.exited).toBe(1);
  });

  it('refuses to start without --stdio', async () => {
    for (const args of [[cliBin, 'lsp'], [cliBin, 'lsp', '--socket=1234'], [serverBin]]) {
      const server = spawnServer(args);
      expect(await server.exited).toBe(2);
      expect(server.stderr()).toMatch(/^(tl-lint: )?[Uu]sage: tl-lint(-language-server)? ?(lsp )?--stdio/);
    }
  });
});
