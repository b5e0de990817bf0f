#!/usr/bin/env node
// `tl-lint-language-server --stdio`: the same server as `tl-lint lsp --stdio`.
import { runStdioServer } from './stdio.js';

if (!process.argv.includes('--stdio')) {
  process.stderr.write('Usage: tl-lint-language-server --stdio\n');
  process.exit(2);
}
await runStdioServer();
