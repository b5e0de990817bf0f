#!/usr/bin/env node
// Bundles the compiled CLI (dist/src/cli) into dist/bundle, the `tl-lint` bin: a run starts by
// loading a few files instead of about 160 modules, which was half of the time of a run over one
// small template (docs/performance.md). Runs after `tsc` (npm run build). What only some runs
// need (Bicep front-end, language server, other subcommands) stays in chunks loaded on first use.
// The worker that `--jobs` starts is bundled on its own, beside bin.js where bin.ts looks for it:
// built together, the two entry points split the code into more chunks, each loaded at start.
// The library, the ESLint plugin and the language-server bin are the unbundled dist/src.
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');

const options = {
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Packages that only some runs load keep their own loading (wasm beside the module, JSON-RPC).
  external: ['web-tree-sitter', 'tree-sitter-bicep', 'vscode-languageserver', 'vscode-languageserver-textdocument', '@azure/bicep-types'],
  // jsonc-parser's CommonJS build requires its parts by names a bundle cannot follow; its ES build can be.
  mainFields: ['module', 'main'],
  // CommonJS packages (picomatch) call require() for Node's own modules.
  banner: { js: "import { createRequire as __tlLintRequire } from 'node:module'; const require = __tlLintRequire(import.meta.url);" },
  logLevel: 'warning',
};

rmSync(outdir, { recursive: true, force: true });
await build({ ...options, entryPoints: [join(root, 'dist', 'src', 'cli', 'bin.js')] });
await build({ ...options, entryPoints: [join(root, 'dist', 'src', 'cli', 'lint-worker.js')] });

// The compiled bins stay runnable on their own: `npx tl-lint` keeps, per project path, links made
// when the bin was dist/src/cli/bin.js, and a link to a file without the execute bit fails with
// "Permission denied" (npm set the bit when it made the link; a new build writes the file anew).
for (const bin of [join(root, 'dist', 'src', 'cli', 'bin.js'), join(root, 'dist', 'src', 'lsp', 'bin.js')]) chmodSync(bin, 0o755);
