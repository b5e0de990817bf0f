import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { window, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** The languages tl-lint lints: ARM JSON (`arm-template` is set by the Azure Resource Manager Tools extension) and Bicep. */
export const LANGUAGES = ['json', 'jsonc', 'arm-template', 'bicep'] as const;

let client: LanguageClient | undefined;

function serverIn(resolveFrom: string): string {
  const manifest = createRequire(resolveFrom).resolve('tl-lint/package.json');
  return join(dirname(manifest), 'dist', 'src', 'lsp', 'bin.js');
}

/** The server script: the setting, else the workspace's own tl-lint (its version and data), else the bundled one. */
export function findServer(): string {
  const configured = workspace.getConfiguration('tl-lint').get<string>('serverPath');
  if (configured) return configured;
  for (const folder of workspace.workspaceFolders ?? []) {
    try {
      return serverIn(join(folder.uri.fsPath, 'package.json'));
    } catch {
      // tl-lint is not installed in this folder.
    }
  }
  return serverIn(__filename);
}

export async function activate(context: ExtensionContext): Promise<void> {
  let module: string;
  try {
    module = findServer();
  } catch {
    void window.showErrorMessage('tl-lint: the language server was not found. Install tl-lint in the workspace or set tl-lint.serverPath.');
    return;
  }
  // `--stdio` is added by the client for the stdio transport.
  const run = { module, transport: TransportKind.stdio };
  const serverOptions: ServerOptions = { run, debug: run };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    synchronize: { fileEvents: workspace.createFileSystemWatcher('**/{tl-lint.config.json,*.parameters.json,*.bicep,*.bicepparam}') },
  };
  client = new LanguageClient('tl-lint', 'tl-lint', serverOptions, clientOptions);
  context.subscriptions.push({ dispose: () => void client?.stop() });
  await client.start();
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
