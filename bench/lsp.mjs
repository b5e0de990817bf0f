// The language server's edit-to-diagnostics latency on the largest ARM template of ../shared/corpus,
// beside the template's parse-only time, in one run: `npm run build && node bench/lsp.mjs`
// (BENCH_RUNS=n rounds, default 5). `measureLsp()` returns { lspMs, parseTreeMs, ratio } for `npm run bench`.
//
// lspMs: median time from sending a one-character `didChange` to the built server (spawned over
// stdio, debounce set to 0) until its `publishDiagnostics` for that version arrives: the lint, the
// diagnostics and both JSON-RPC hops. parseMs: median time of the ARM front-end's parse of the same
// text in this process (parseArmFile: the JSON tree with offsets and the template model, what every
// lint starts with). Also printed: the bare jsonc-parser tree, and the engine's lint without a server.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchSetup, median, ms } from './measure.mjs';

const WARM_UP = 3;

function largestTemplate(corpus) {
  const [header, ...rows] = readFileSync(join(corpus, 'MANIFEST.tsv'), 'utf8').trimEnd().split('\n');
  const columns = header.split('\t');
  const [pathAt, kindAt, bytesAt] = ['path', 'kind', 'bytes'].map((name) => columns.indexOf(name));
  const templates = rows.map((row) => row.split('\t')).filter((cells) => cells[kindAt] === 'arm-json');
  templates.sort((a, b) => Number(b[bytesAt]) - Number(a[bytesAt]));
  return join(corpus, templates[0][pathAt]);
}

function timed(run) {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** In this process: the ARM front-end parse (JSON tree + template model), the bare jsonc-parser tree, and the whole engine lint. */
async function inProcess(root, path, text) {
  const load = (file) => import(pathToFileURL(join(root, 'dist', 'src', ...file.split('/'))).href);
  const [{ parseArmFile }, { createSourceFile }, { createEngine }, { parseTree }] = await Promise.all([
    load('model/arm/index.js'),
    load('model/source.js'),
    load('engine/engine.js'),
    import('jsonc-parser'),
  ]);
  const engine = await createEngine({ cwd: root });
  // A fresh SourceFile each time, as the server makes one per lint.
  const parse = () => {
    const parsed = parseArmFile(createSourceFile(path, text), {});
    if (parsed.kind !== 'template') throw new Error(`not a template: ${parsed.message ?? parsed.kind}`);
  };
  return {
    parse: () => timed(parse),
    parseTree: () => timed(() => parseTree(createSourceFile(path, text).text, [], { allowTrailingComma: true })),
    lint: () => timed(() => engine.lintText(path, text)),
  };
}

/** The built server, spawned over stdio with the document open; `roundTrip()` times one edit. */
async function lspSession(bin, path, text) {
  const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = await import('vscode-jsonrpc/node');
  const child = spawn(process.execPath, [bin, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification('textDocument/publishDiagnostics', ({ version }) => waiting.get(version)?.());
  connection.onRequest('workspace/configuration', ({ items }) => items.map(() => ({ debounceMs: 0 })));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const uri = pathToFileURL(path).href;
  const published = (version) => new Promise((resolve) => waiting.set(version, resolve));
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
  await connection.sendNotification('initialized', {});
  const opened = published(1);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
  await opened;
  // Retype the first character of the "$schema" value, back and forth: the template stays the same.
  const at = text.indexOf('"https://') + 1;
  const line = text.slice(0, at).split('\n').length - 1;
  const character = at - text.lastIndexOf('\n', at - 1) - 1;
  let version = 1;
  return {
    async roundTrip() {
      version++;
      const done = published(version);
      const start = performance.now();
      const change = { range: { start: { line, character }, end: { line, character: character + 1 } }, text: version % 2 === 0 ? 'H' : 'h' };
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      await done;
      return performance.now() - start;
    },
    async close() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      connection.dispose();
    },
  };
}

/** Measures both in one run; returns the medians in ms and their ratio. */
export async function measureLsp({ quiet = false } = {}) {
  const { root, corpus, runs, bin } = benchSetup();
  const path = largestTemplate(corpus);
  const text = readFileSync(path, 'utf8');
  const session = await lspSession(bin, path, text);
  const local = await inProcess(root, path, text);
  const samples = { lsp: [], parse: [], parseTree: [], lint: [] };
  // The measurements take turns in each round, so a busy machine slows them alike.
  for (let round = 0; round < WARM_UP + runs; round++) {
    const lsp = await session.roundTrip();
    const times = { lsp, parse: local.parse(), parseTree: local.parseTree(), lint: local.lint() };
    if (round >= WARM_UP) for (const [key, value] of Object.entries(times)) samples[key].push(value);
  }
  await session.close();
  const [lspMs, parseMs, parseTreeMs, lintMs] = [samples.lsp, samples.parse, samples.parseTree, samples.lint].map(median);
  // The floor is jsonc-parser's parseTree, as for every other figure; parseArmFile also builds the model.
  const ratio = lspMs / parseTreeMs;
  if (!quiet) {
    console.log(`${path.slice(corpus.length + 1)} (${(text.length / 1e6).toFixed(1)} MB), medians of ${String(runs)} rounds after ${String(WARM_UP)} warm-up`);
    console.log(`  didChange → publishDiagnostics (tl-lint lsp --stdio, debounce 0): ${ms(lspMs)}`);
    console.log(`  parse only, bare jsonc-parser parseTree (the floor):           ${ms(parseTreeMs)}   ratio ${ratio.toFixed(2)}x`);
    console.log(`  ARM front-end (parseArmFile: JSON tree + template model):      ${ms(parseMs)}   ratio ${(lspMs / parseMs).toFixed(2)}x`);
    console.log(`  the engine's lintText in this process (no server):             ${ms(lintMs)}   server overhead ${(lspMs / lintMs).toFixed(2)}x`);
  }
  return { lspMs, parseMs, ratio, parseTreeMs, lintMs };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await measureLsp();
