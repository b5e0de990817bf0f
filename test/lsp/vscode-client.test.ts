/**
 * The VS Code client in editors/vscode, as far as CI can check it without VS Code: it compiles
 * against the declarations in editors/vscode/typings, and its compiled code, loaded with stand-ins
 * for `vscode` and `vscode-languageclient/node`, starts the server the root package builds for
 * the languages its package.json contributes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DEBOUNCE_MS } from '../../src/lsp/settings.js';
import { root } from './spawned.js';

const extensionDir = join(root, 'editors', 'vscode');
const manifest = JSON.parse(readFileSync(join(extensionDir, 'package.json'), 'utf8')) as {
  main: string;
  activationEvents: string[];
  contributes: { configuration: { properties: Record<string, { default: unknown }> } };
};
let out = '';

// Stand-ins that record what the extension asks of VS Code and of the language client.
const vscodeStub = `
exports.calls = [];
exports.workspace = {
  workspaceFolders: [{ uri: { scheme: 'file', fsPath: process.env.TL_WORKSPACE }, name: 'w', index: 0 }],
  getConfiguration: () => ({ get: () => undefined }),
  createFileSystemWatcher: (glob) => ({ glob, dispose() {} }),
};
exports.window = { showErrorMessage: (message) => { exports.calls.push(['error', message]); return Promise.resolve(undefined); } };
`;
const clientStub = `
const vscode = require('vscode');
exports.TransportKind = { stdio: 0, ipc: 1, pipe: 2, socket: 3 };
exports.LanguageClient = class {
  constructor(id, name, serverOptions, clientOptions) { vscode.calls.push(['client', id, name, serverOptions, clientOptions]); }
  start() { vscode.calls.push(['start']); return Promise.resolve(); }
  stop() { vscode.calls.push(['stop']); return Promise.resolve(); }
};
`;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'tl-lint-vscode-'));
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', join(extensionDir, 'tsconfig.ci.json'), '--outDir', out], { encoding: 'utf8' });
  expect(build.stdout + build.stderr).toBe('');
  expect(build.status).toBe(0);
  // CommonJS, as editors/vscode/package.json says, whatever package.json sits above the temporary directory.
  writeFileSync(join(out, 'package.json'), '{ "type": "commonjs" }');
  for (const [name, file, source] of [['vscode', 'index.js', vscodeStub], ['vscode-languageclient', 'node.js', clientStub]] as const) {
    mkdirSync(join(out, 'node_modules', name), { recursive: true });
    writeFileSync(join(out, 'node_modules', name, 'package.json'), '{ "type": "commonjs" }');
    writeFileSync(join(out, 'node_modules', name, file), source);
  }
}, 120_000);

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
});

describe('VS Code client (editors/vscode)', () => {
  it('activates on the languages the server lints, with settings defaulting as the server does', () => {
    expect(manifest.main).toBe('./out/extension.js');
    expect(manifest.activationEvents).toEqual(['onLanguage:json', 'onLanguage:jsonc', 'onLanguage:arm-template', 'onLanguage:bicep']);
    const defaults = Object.fromEntries(Object.entries(manifest.contributes.configuration.properties).map(([key, value]) => [key, value.default]));
    expect(defaults).toEqual({ 'tl-lint.mode': null, 'tl-lint.fixOnSave': false, 'tl-lint.debounceMs': DEFAULT_DEBOUNCE_MS, 'tl-lint.serverPath': '' });
  });

  it("starts the workspace's tl-lint language server over stdio for json, jsonc, arm-template and bicep", async () => {
    process.env.TL_WORKSPACE = root;
    const load = createRequire(join(out, 'extension.js'));
    const extension = load('./extension.js') as { activate(context: { subscriptions: unknown[] }): Promise<void>; deactivate(): Promise<void> | undefined };
    const vscode = load('vscode') as { calls: unknown[][] };
    const context = { subscriptions: [] as unknown[] };
    await extension.activate(context);
    const server = { module: join(root, 'dist', 'src', 'lsp', 'bin.js'), transport: 0 };
    const selector = ['json', 'jsonc', 'arm-template', 'bicep'].flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]);
    expect(vscode.calls).toEqual([
      ['client', 'tl-lint', 'tl-lint', { run: server, debug: server }, { documentSelector: selector, synchronize: { fileEvents: { glob: '**/{tl-lint.config.json,*.parameters.json,*.bicep,*.bicepparam}', dispose: expect.any(Function) as unknown } } }],
      ['start'],
    ]);
    const bin = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['tl-lint-language-server'];
    expect(join(root, bin ?? '')).toBe(server.module);
    expect(context.subscriptions).toHaveLength(1);
    await extension.deactivate();
    expect(vscode.calls.at(-1)).toEqual(['stop']);
  });
});
