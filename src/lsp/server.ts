import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { createEngine } from '../engine/engine.js';
import { CONFIG_FILE_NAME } from '../engine/config.js';
import { findPackageRoot } from '../cli/package-info.js';
import { FIX_ALL_KIND, fixAllAction, fixAllEdits, isWanted, quickFixes, type EditTarget } from './code-actions.js';
import type { DocsUrl } from './diagnostics.js';
import { EngineProvider, type EngineFactory } from './engines.js';
import { DocumentLinter } from './linter.js';
import { SettingsStore } from './settings.js';

export interface ServerOptions {
  /** How engines are made (tests wrap the real one to watch what is linted). */
  readonly createEngine?: EngineFactory;
  readonly docsUrl?: DocsUrl;
}

/** Files whose change on disk changes lint results: config files, parameter files, Bicep modules. */
const WATCHED = [`**/${CONFIG_FILE_NAME}`, '**/*.parameters.json', '**/*.bicep', '**/*.bicepparam'];

function defaultDocsUrl(): DocsUrl {
  const docs = join(findPackageRoot(import.meta.url), 'docs', 'rules');
  return (ruleId) => pathToFileURL(join(docs, `${ruleId}.md`)).href;
}

function workspaceRoot(params: InitializeParams): string {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- clients without workspace folders still send rootUri
  const uri = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
  if (uri?.startsWith('file:')) return fileURLToPath(uri);
  return process.cwd();
}

/** Wires tl-lint onto a language-server connection: diagnostics, code actions, fix on save. Call `connection.listen()` after. */
export function startLanguageServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const docsUrl = options.docsUrl ?? defaultDocsUrl();
  let linter: DocumentLinter | undefined;
  let settings = new SettingsStore(undefined, undefined);
  let engines = new EngineProvider(process.cwd(), options.createEngine ?? createEngine);
  let documentChanges = false;
  let dynamicWatch = false;
  let dynamicConfiguration = false;

  connection.onInitialize((params): InitializeResult => {
    const { capabilities } = params;
    const cwd = workspaceRoot(params);
    engines = new EngineProvider(cwd, options.createEngine ?? createEngine);
    const fetch = capabilities.workspace?.configuration
      ? (scopeUri: string) => connection.workspace.getConfiguration({ scopeUri, section: 'tl-lint' }) as Promise<unknown>
      : undefined;
    settings = new SettingsStore(fetch, params.initializationOptions);
    documentChanges = capabilities.workspace?.workspaceEdit?.documentChanges === true;
    dynamicWatch = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    dynamicConfiguration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    linter = new DocumentLinter({
      documents,
      engines,
      settings,
      cwd,
      docsUrl,
      publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, ...(version > 0 ? { version } : {}), diagnostics }),
      logError: (message) => {
        connection.console.error(message);
      },
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, willSaveWaitUntil: true, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      },
      serverInfo: { name: 'tl-lint' },
    };
  });

  connection.onInitialized(() => {
    if (dynamicWatch) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED.map((globPattern) => ({ globPattern })) });
    }
    if (dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'tl-lint' });
  });

  /** Config, parameter files or modules changed: drop the engines' caches and lint every open document again. */
  const relintAll = () => {
    engines.reset();
    linter?.scheduleAll();
  };

  documents.onDidChangeContent(({ document }) => linter?.schedule(document.uri));
  documents.onDidClose(({ document }) => {
    settings.forget(document.uri);
    linter?.close(document.uri);
  });
  documents.onDidSave(({ document }) => {
    if (basename(document.uri) === CONFIG_FILE_NAME || !dynamicWatch) relintAll();
  });
  connection.onDidChangeWatchedFiles(relintAll);
  connection.onShutdown(() => linter?.stop());
  connection.onDidChangeConfiguration(({ settings: pushed }) => {
    settings.changed(pushed);
    relintAll();
  });

  documents.onWillSaveWaitUntil(async ({ document }) => {
    if (!linter || !(await settings.get(document.uri)).fixOnSave) return [];
    const outcome = await linter.lint(document, 'safe');
    return outcome.kind === 'result' && outcome.version === document.version ? fixAllEdits(document, outcome.result) : [];
  });

  connection.onCodeAction(async (params, token) => (linter ? codeActions(linter, params, token) : []));

  async function codeActions(active: DocumentLinter, params: CodeActionParams, token: CancellationToken): Promise<CodeAction[]> {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const { only } = params.context;
    const actions: CodeAction[] = [];
    if (isWanted(CodeActionKind.QuickFix, only)) {
      const outcome = await active.lint(document, false);
      if (outcome.kind === 'result') {
        const target: EditTarget = { document, version: outcome.version, documentChanges };
        actions.push(...quickFixes(target, outcome.path, outcome.result, params.range, docsUrl));
      }
    }
    // Without `only` (the light bulb), fix-all comes beside the quick fixes, as ESLint's does; a
    // source-action request (`only: ['source…']`) gets it on its own.
    // A cancelled request (the user moved on) skips the second lint, the costly fix passes.
    if (token.isCancellationRequested) return actions;
    if (only ? isWanted(FIX_ALL_KIND, only) : actions.length > 0) {
      const fixed = await active.lint(document, 'safe');
      const action = fixed.kind === 'result' ? fixAllAction({ document, version: fixed.version, documentChanges }, fixed.result) : undefined;
      if (action) actions.push(action);
    }
    return actions;
  }

  documents.listen(connection);
}
