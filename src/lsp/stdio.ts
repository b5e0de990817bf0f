import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { FrameFilter } from './frames.js';
import { startLanguageServer } from './server.js';

/**
 * Serves LSP over this process's stdin and stdout until the client says `exit` or closes stdin
 * (vscode-languageserver then ends the process). The returned promise does not settle before that.
 */
export function runStdioServer(): Promise<number> {
  // stdout carries the protocol: anything a dependency logs goes to stderr instead.
  console.log = console.error;
  console.info = console.error;
  const input = process.stdin.pipe(new FrameFilter((reason) => process.stderr.write(`tl-lint language server: dropped ${reason}\n`)));
  const connection = createConnection(ProposedFeatures.all, input, process.stdout);
  startLanguageServer(connection);
  connection.listen();
  return new Promise<number>(() => undefined);
}
