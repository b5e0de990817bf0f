import { afterEach, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver/node';
import { everything, inProcessClient, lineStart, wholeLine, type TestClient } from './client.js';
import { fixtureText, workspace } from './fixtures.js';

let client: TestClient | undefined;
afterEach(async () => {
  await client?.dispose();
  client = undefined;
});

async function openFixture(name: string, languageId: string, settings: Record<string, unknown> = {}) {
  const ws = workspace(name);
  client = inProcessClient({ settings });
  await client.initialize(ws.rootUri);
  const uri = ws.uri(name);
  await client.open(uri, languageId, fixtureText(name));
  return { client, uri, ws, diagnostics: await client.diagnostics(uri) };
}

const summary = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]);

const titles = (actions: readonly CodeAction[]) => actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]);

describe('language server: initialize', () => {
  it('announces incremental sync, will-save-wait-until and the quick fix and fix-all code actions', async () => {
    const ws = workspace();
    client = inProcessClient();
    const result = await client.initialize(ws.rootUri);
    expect(result).toEqual({
      capabilities: {
        textDocumentSync: { openClose: true, change: 2, willSaveWaitUntil: true, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.tl-lint'] },
      },
      serverInfo: { name: 'tl-lint' },
    });
    await client.codeActions('file:///nothing.json', everything);
    expect(client.registrations).toEqual(['workspace/didChangeWatchedFiles']);
  });
});

describe('language server: diagnostics', () => {
  it('publishes each finding of an ARM template with rule id, docs link, severity and related ranges', async () => {
    const { diagnostics, uri } = await openFixture('vmss.json', 'json');
    expect(summary(diagnostics)).toEqual([
      ['api-version-too-old', 1, 12, 20, 12, 32],
      ['security-type-not-trusted-launch', 1, 28, 28, 28, 58],
    ]);
    expect(diagnostics.every((d) => d.source === 'tl-lint')).toBe(true);
    expect(diagnostics[0]?.codeDescription?.href).toMatch(/^file:\/\/.*\/docs\/rules\/api-version-too-old\.md$/);
    expect(diagnostics[1]?.relatedInformation).toEqual([
      { location: { uri, range: { start: { line: 6, character: 22 }, end: { line: 6, character: 32 } } }, message: "securityType comes from the parameter 'securityType' here" },
    ]);
  });

  it('publishes the findings of a Bicep file', async () => {
    const { diagnostics } = await openFixture('vmss.bicep', 'bicep');
    expect(summary(diagnostics)).toEqual([
      ['security-type-not-trusted-launch', 1, 2, 14, 2, 68],
      ['api-version-too-old', 1, 2, 57, 2, 67],
    ]);
  });

  it('lints the latest text after a change and never publishes for an older version', async () => {
    const { client, uri } = await openFixture('vmss.json', 'json');
    const fixed = fixtureText('vmss.json').replace('2019-03-01', '2020-12-01');
    const since = client.published.length;
    const version = await client.change(uri, fixed);
    expect(summary(await client.diagnostics(uri, { since }))).toEqual([['security-type-not-trusted-launch', 1, 28, 28, 28, 58]]);
    expect(client.published.slice(since).map((p) => p.version)).toEqual([version]);
  });

  it('gives JSON that is not a template, broken or not, no diagnostics; a broken template gets its parse error', async () => {
    const ws = workspace();
    client = inProcessClient();
    await client.initialize(ws.rootUri);
    const cases = [
      ['package.json', '{ "name": "x", "version": "1.0.0" }', 0],
      ['tsconfig.json', '{ "compilerOptions": { ', 0],
      ['broken.json', '{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [ }', 1],
    ] as const;
    for (const [name, text, count] of cases) {
      await client.open(ws.uri(name), 'json', text);
      const diagnostics = await client.diagnostics(ws.uri(name));
      expect([name, diagnostics.length]).toEqual([name, count]);
      if (count > 0) expect(diagnostics[0]).toMatchObject({ severity: 1, source: 'tl-lint' });
      if (count > 0) expect(diagnostics[0]?.code).toBeUndefined();
    }
  });

  it('lints an unsaved Bicep buffer by its language id', async () => {
    const ws = workspace();
    client = inProcessClient();
    await client.initialize(ws.rootUri);
    await client.open('untitled:Untitled-1', 'bicep', fixtureText('vmss.bicep'));
    expect(summary(await client.diagnostics('untitled:Untitled-1')).map(([code]) => code)).toEqual(['security-type-not-trusted-launch', 'api-version-too-old']);
  });

  it('skips documents of other languages entirely', async () => {
    const ws = workspace();
    client = inProcessClient();
    await client.initialize(ws.rootUri);
    await client.open(ws.uri('notes.md'), 'markdown', '# "$schema": deploymentTemplate');
    expect(await client.diagnostics(ws.uri('notes.md'))).toEqual([]);
  });

  it('places ranges in UTF-16 code units and accounts for a BOM sent by the client', async () => {
    const ws = workspace();
    client = inProcessClient();
    await client.initialize(ws.rootUri);
    const text = fixtureText('vmss.json').replace('"apiVersion": "2019-03-01"', '"apiVersion": /* 🚀 é */ "2019-03-01"');
    await client.open(ws.uri('emoji.json'), 'json', text);
    await client.open(ws.uri('bom.json'), 'json', `\uFEFF${text}`);
    const plain = await client.diagnostics(ws.uri('emoji.json'));
    // "apiVersion": is at character 6; the comment `/* 🚀 é */ ` is 11 UTF-16 units (the rocket is two).
    expect(plain[0]?.range).toEqual({ start: { line: 12, character: 31 }, end: { line: 12, character: 43 } });
    expect((await client.diagnostics(ws.uri('bom.json')))[0]?.range).toEqual(plain[0]?.range);
    const [fixAll] = await client.codeActions(ws.uri('bom.json'), everything, ['source.fixAll']);
    await client.apply(fixAll?.edit);
    expect(client.text(ws.uri('bom.json'))).toBe(`\uFEFF${text.replace('2019-03-01', '2020-12-01')}`);
  });

  it('clears the diagnostics of a closed document', async () => {
    const { client, uri } = await openFixture('vmss.json', 'json');
    const since = client.published.length;
    await client.close(uri);
    expect(await client.diagnostics(uri, { since })).toEqual([]);
  });
});

describe('language server: code actions', () => {
  it('offers a preferred safe fix and a suppression for a finding, and the fix clears it', async () => {
    const { client, uri } = await openFixture('vmss.json', 'json');
    expect(await client.codeActions(uri, lineStart(12))).toEqual([]);
    const actions = await client.codeActions(uri, wholeLine(12));
    expect(titles(actions)).toEqual([
      ['Update apiVersion to 2020-12-01', 'quickfix', true],
      ['Disable api-version-too-old for this line', 'quickfix', false],
      ['Fix all safe tl-lint problems', 'source.fixAll.tl-lint', false],
    ]);
    const since = client.published.length;
    await client.apply(actions[0]?.edit);
    expect(client.text(uri)).toContain('"apiVersion": "2020-12-01"');
    expect((await client.diagnostics(uri, { since })).map((d) => d.code)).toEqual(['security-type-not-trusted-launch']);
  });

  it('titles an unsafe fix as such and does not prefer it', async () => {
    const { client, uri } = await openFixture('vmss.json', 'json');
    const actions = await client.codeActions(uri, { start: { line: 28, character: 30 }, end: { line: 28, character: 30 } });
    expect(titles(actions)).toEqual([
      ["Change the parameter 'securityType' to TrustedLaunch (unsafe)", 'quickfix', false],
      ['Disable security-type-not-trusted-launch for this line', 'quickfix', false],
      ['Fix all safe tl-lint problems', 'source.fixAll.tl-lint', false],
    ]);
    await client.apply(actions[0]?.edit);
    expect(client.text(uri)).toContain('"defaultValue": "TrustedLaunch"');
  });

  it('disables a rule for a line with a comment indented like the line', async () => {
    const { client, uri } = await openFixture('vmss.json', 'json');
    const since = client.published.length;
    await client.apply((await client.codeActions(uri, wholeLine(12)))[1]?.edit);
    expect(client.text(uri).split('\n').slice(11, 14)).toEqual([
      '      "type": "Microsoft.Compute/virtualMachineScaleSets",',
      '      // tl-lint-disable-next-line api-version-too-old',
      '      "apiVersion": "2019-03-01",',
    ]);
    expect((await client.diagnostics(uri, { since })).map((d) => d.code)).toEqual(['security-type-not-trusted-launch']);
  });

  it('in Bicep, inserts the suppression comment with the line indentation and CRLF line ends', async () => {
    const ws = workspace();
    client = inProcessClient();
    await client.initialize(ws.rootUri);
    const uri = ws.uri('crlf.bicep');
    await client.open(uri, 'bicep', fixtureText('vmss.bicep').replace(/\n/g, '\r\n').replace("resource vmss", "  resource vmss"));
    await client.diagnostics(uri);
    const actions = await client.codeActions(uri, wholeLine(2));
    expect(titles(actions).map(([title]) => title)).toEqual([
      'Set securityType to TrustedLaunch with Secure Boot and vTPM on',
      'Disable security-type-not-trusted-launch for this line',
      'Update apiVersion to 2020-12-01',
      'Disable api-version-too-old for this line',
      'Fix all safe tl-lint problems',
    ]);
    let since = client.published.length;
    await client.apply(actions[1]?.edit);
    expect(client.text(uri).split('\r\n')[2]).toBe('  // tl-lint-disable-next-line security-type-not-trusted-launch');
    expect((await client.diagnostics(uri, { since })).map((d) => d.code)).toEqual(['api-version-too-old']);
    since = client.published.length;
    await client.apply((await client.codeActions(uri, wholeLine(3)))[1]?.edit);
    expect(client.text(uri).split('\r\n')[2]).toBe('  // tl-lint-disable-next-line security-type-not-trusted-launch, api-version-too-old');
    expect(await client.diagnostics(uri, { since })).toEqual([]);
  });

  it('answers source.fixAll.tl-lint, source.fixAll and source with one edit applying every safe fix', async () => {
    const { client, uri } = await openFixture('vmss.json', 'json');
    for (const only of [['source.fixAll.tl-lint'], ['source.fixAll'], ['source']]) {
      expect(titles(await client.codeActions(uri, lineStart(0), only))).toEqual([['Fix all safe tl-lint problems', 'source.fixAll.tl-lint', false]]);
    }
    expect(await client.codeActions(uri, lineStart(0), ['quickfix'])).toEqual([]);
    expect(await client.codeActions(uri, lineStart(0), ['refactor'])).toEqual([]);
    const [fixAll] = await client.codeActions(uri, lineStart(0), ['source.fixAll.tl-lint']);
    const since = client.published.length;
    await client.apply(fixAll?.edit);
    expect((await client.diagnostics(uri, { since })).map((d) => d.code)).toEqual(['security-type-not-trusted-launch']);
    expect(await client.codeActions(uri, lineStart(0), ['source.fixAll'])).toEqual([]);
  });

  it('fixes everything safe in a Bicep file', async () => {
    const { client, uri } = await openFixture('vmss.bicep', 'bicep');
    const [fixAll] = await client.codeActions(uri, lineStart(0), ['source.fixAll.tl-lint']);
    const since = client.published.length;
    await client.apply(fixAll?.edit);
    expect(client.text(uri)).toContain("'Microsoft.Compute/virtualMachineScaleSets@2020-12-01'");
    expect(client.text(uri)).toContain("securityType: 'TrustedLaunch'");
    // The fixed rules are gone; the now Trusted Launch scale set asks for its attestation extension.
    expect((await client.diagnostics(uri, { since })).map((d) => d.code)).toEqual(['guest-attestation-missing']);
  });

  it('sends plain changes to a client without versioned document changes', async () => {
    const ws = workspace('vmss.json');
    client = inProcessClient({ capabilities: {} });
    await client.initialize(ws.rootUri);
    await client.open(ws.uri('vmss.json'), 'json', fixtureText('vmss.json'));
    const [fixAll] = await client.codeActions(ws.uri('vmss.json'), lineStart(0), ['source.fixAll']);
    expect(Object.keys(fixAll?.edit ?? {})).toEqual(['changes']);
    expect(client.registrations).toEqual([]);
  });
});

describe('language server: fix on save', () => {
  it('returns the safe fixes on will-save-wait-until when tl-lint.fixOnSave is on, and nothing when off', async () => {
    const { client, uri } = await openFixture('vmss.json', 'json', { fixOnSave: true });
    const edits = await client.willSaveWaitUntil(uri);
    expect(edits).toEqual([{ range: { start: { line: 12, character: 23 }, end: { line: 12, character: 28 } }, newText: '20-12' }]);
    client.settings = { fixOnSave: false };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect(await client.willSaveWaitUntil(uri)).toEqual([]);
  });
});
