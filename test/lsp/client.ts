/**
 * A minimal LSP client for the tests, over vscode-jsonrpc: it answers the server's requests
 * (`workspace/configuration`, `client/registerCapability`), records `publishDiagnostics` and
 * applies workspace edits to its own copy of each open document, as an editor does.
 */
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createConnection } from 'vscode-languageserver/node';
import type { CodeAction, ClientCapabilities, Diagnostic, PublishDiagnosticsParams, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { FrameFilter } from '../../src/lsp/frames.js';
import { startLanguageServer, type ServerOptions } from '../../src/lsp/server.js';

export interface ClientOptions {
  /** The `tl-lint` settings section the client answers `workspace/configuration` with. */
  readonly settings?: Record<string, unknown>;
  readonly capabilities?: ClientCapabilities;
  readonly initializationOptions?: unknown;
}

export const defaultCapabilities: ClientCapabilities = {
  workspace: { configuration: true, workspaceEdit: { documentChanges: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
  textDocument: { synchronization: { willSaveWaitUntil: true } },
};

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly registrations: string[] = [];
  readonly logs: string[] = [];
  settings: Record<string, unknown>;
  private readonly documents = new Map<string, TextDocument>();
  private waiters: (() => void)[] = [];

  constructor(
    readonly connection: MessageConnection,
    /** The stream to the server, for writing bytes that are not well-formed messages. */
    readonly raw: Writable,
    private readonly options: ClientOptions,
    private readonly shutdown: () => void,
  ) {
    this.settings = options.settings ?? {};
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      for (const wake of this.waiters.splice(0)) wake();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
      for (const wake of this.waiters.splice(0)) wake();
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    connection.onRequest('client/registerCapability', (params: { registrations: { method: string }[] }) => {
      this.registrations.push(...params.registrations.map((r) => r.method));
      return null;
    });
    connection.listen();
  }

  async initialize(rootUri: string | null): Promise<unknown> {
    const result: unknown = await this.connection.sendRequest('initialize', {
      processId: null,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'root' }] : null,
      capabilities: this.options.capabilities ?? defaultCapabilities,
      ...(this.options.initializationOptions === undefined ? {} : { initializationOptions: this.options.initializationOptions }),
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  async open(uri: string, languageId: string, text: string): Promise<void> {
    this.documents.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text (or a range of it) and sends the change. */
  async change(uri: string, text: string, range?: Range): Promise<number> {
    const document = this.document(uri);
    const version = document.version + 1;
    const change = range ? { range, text } : { text };
    TextDocument.update(document, [change], version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  text(uri: string): string {
    return this.document(uri).getText();
  }

  document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    return document;
  }

  /** The first diagnostics published for `uri` (at `version`, when given) after the `since`-th notification. */
  async diagnostics(uri: string, options: { readonly version?: number; readonly since?: number } = {}): Promise<Diagnostic[]> {
    const matches = (p: PublishDiagnosticsParams) => p.uri === uri && (options.version === undefined || p.version === options.version);
    await this.until(() => this.published.slice(options.since ?? 0).some(matches));
    return this.published.slice(options.since ?? 0).find(matches)?.diagnostics ?? [];
  }

  /** Waits until `check` holds, looking again after each notification from the server. */
  async until(check: () => boolean): Promise<void> {
    while (!check()) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  codeActions(uri: string, range: Range, only?: string[]): Promise<CodeAction[]> {
    return this.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics: [], ...(only ? { only } : {}) },
    });
  }

  willSaveWaitUntil(uri: string): Promise<TextEdit[] | null> {
    return this.connection.sendRequest('textDocument/willSaveWaitUntil', { textDocument: { uri }, reason: 1 });
  }

  /** Applies a workspace edit to the open documents and sends each change, as an editor does. */
  async apply(edit: WorkspaceEdit | undefined): Promise<void> {
    const perUri = new Map<string, TextEdit[]>(Object.entries(edit?.changes ?? {}));
    for (const change of edit?.documentChanges ?? []) {
      if ('textDocument' in change) perUri.set(change.textDocument.uri, change.edits.filter((e): e is TextEdit => 'newText' in e));
    }
    for (const [uri, edits] of perUri) await this.change(uri, TextDocument.applyEdits(this.document(uri), edits));
  }

  /** `shutdown` (the server stops its timers), then closes the connection; no `exit`, which ends the process. */
  async dispose(): Promise<void> {
    await this.connection.sendRequest('shutdown');
    this.connection.dispose();
    this.shutdown();
  }
}

/** The server in this process over a pair of in-memory streams (the only way coverage sees it), framed as over stdio. */
export function inProcessClient(options: ClientOptions & ServerOptions = {}): TestClient {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const filtered = toServer.pipe(new FrameFilter(() => undefined));
  const server = createConnection(new StreamMessageReader(filtered), new StreamMessageWriter(toClient));
  startLanguageServer(server, options);
  server.listen();
  return streamClient(toClient, toServer, options, () => {
    server.dispose();
    toServer.destroy();
    toClient.destroy();
  });
}

export function streamClient(input: Readable, output: Writable, options: ClientOptions, shutdown: () => void): TestClient {
  const connection = createMessageConnection(new StreamMessageReader(input), new StreamMessageWriter(output));
  return new TestClient(connection, output, options, shutdown);
}

/** The zero-width range at the start of a line, a line's text, and a range over the whole document. */
export const lineStart = (line: number): Range => ({ start: { line, character: 0 }, end: { line, character: 0 } });
export const wholeLine = (line: number): Range => ({ start: { line, character: 0 }, end: { line, character: 10_000 } });
export const everything: Range = { start: { line: 0, character: 0 }, end: { line: 1e6, character: 0 } };
