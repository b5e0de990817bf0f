// The part of VS Code's API (`@types/vscode` 1.91) that src/extension.ts uses, declared with the
// same shapes, so CI can type-check the extension without installing VS Code's typings.
export interface Disposable {
  dispose(): unknown;
}

export interface Uri {
  readonly scheme: string;
  readonly fsPath: string;
}

export interface WorkspaceFolder {
  readonly uri: Uri;
  readonly name: string;
  readonly index: number;
}

export interface WorkspaceConfiguration {
  get<T>(section: string): T | undefined;
}

export interface FileSystemWatcher extends Disposable {
  readonly ignoreCreateEvents: boolean;
}

export interface ExtensionContext {
  readonly subscriptions: { dispose(): unknown }[];
}

export declare namespace workspace {
  export const workspaceFolders: readonly WorkspaceFolder[] | undefined;
  export function getConfiguration(section?: string): WorkspaceConfiguration;
  export function createFileSystemWatcher(globPattern: string): FileSystemWatcher;
}

export declare namespace window {
  export function showErrorMessage(message: string, ...items: string[]): PromiseLike<string | undefined>;
}
