// The part of `vscode-languageclient/node` 11.0.0 that src/extension.ts uses, with the same shapes.
import type { FileSystemWatcher } from 'vscode';

export declare enum TransportKind {
  stdio = 0,
  ipc = 1,
  pipe = 2,
  socket = 3,
}

export interface NodeModule {
  module: string;
  transport?: TransportKind;
  args?: string[];
}

export type ServerOptions = NodeModule | { run: NodeModule; debug: NodeModule };

export interface TextDocumentFilter {
  language?: string;
  scheme?: string;
  pattern?: string;
}

export interface LanguageClientOptions {
  documentSelector?: (string | TextDocumentFilter)[];
  synchronize?: { fileEvents?: FileSystemWatcher | FileSystemWatcher[] };
}

export declare class LanguageClient {
  constructor(id: string, name: string, serverOptions: ServerOptions, clientOptions: LanguageClientOptions, forceDebug?: boolean);
  start(): Promise<void>;
  stop(timeout?: number): Promise<void>;
}
