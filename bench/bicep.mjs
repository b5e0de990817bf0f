// Times the built CLI over the Bicep files of ../shared/corpus, beside the tree-sitter parse-only
// floor and bare node startup, in one run: `npm run build && node bench/bicep.mjs` (BENCH_RUNS=n,
// default 5). `node bench/bicep.mjs --floor <files…>` is the floor itself: load web-tree-sitter and
// the grammar, read and parse each file, nothing else.
// The files are the corpus's Bicep sources: the quickstart and AVM `.bicep` files and the compiler
// baselines' own `.bicep` files, without the baselines' generated dumps (`main.syntax.bicep`,
// `main.tokens.bicep`, …) and the `Invalid*` baselines, on which tree-sitter's error recovery
// alone can take minutes per file.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchSetup, median, runRounds } from './measure.mjs';

if (process.argv[2] === '--floor') {
  await parseFloor(process.argv.slice(3));
  process.exit(0);
}

const { corpus, runs, bin } = benchSetup();

const files = bicepFiles(corpus);
const bytes = files.reduce((total, file) => total + statSync(file).size, 0);

const commands = [
  { name: 'node -e 0', args: ['-e', '0'], ok: [0] },
  { name: 'parse floor (web-tree-sitter parse)', args: [fileURLToPath(import.meta.url), '--floor', ...files], ok: [0] },
  { name: 'tl-lint --format json', args: [bin, '--format', 'json', '--output-file', '/dev/null', ...files], ok: [0, 1] },
  // One thread, like the floor: the cost of linting itself, without worker start-up and messages.
  { name: 'tl-lint --format json -j 1', args: [bin, '--format', 'json', '-j', '1', '--output-file', '/dev/null', ...files], ok: [0, 1] },
];

console.log(`${String(files.length)} Bicep files, ${(bytes / 1e6).toFixed(1)} MB; ${String(runs)} rounds after one warm-up\n`);
const timed = runRounds(commands, runs);

const [startup, floor, ...clis] = timed;
console.log('');
console.log('tl-lint / parse floor (the floor includes node startup and the grammar load, as the CLI does):');
for (const cli of clis) {
  const ratio = (key, lessStartup) => {
    const off = lessStartup ? median(startup[key]) : 0;
    return ((median(cli[key]) - off) / (median(floor[key]) - off)).toFixed(2);
  };
  console.log(`  ${cli.name}: wall ${ratio('wall', false)}x, CPU ${ratio('cpu', false)}x; with node startup taken off both: wall ${ratio('wall', true)}x, CPU ${ratio('cpu', true)}x`);
}

function bicepFiles(dir) {
  const [header, ...rows] = readFileSync(join(dir, 'MANIFEST.tsv'), 'utf8').trimEnd().split('\n');
  const columns = header.split('\t');
  const pathAt = columns.indexOf('path');
  const kindAt = columns.indexOf('kind');
  const dump = /\.(diagnostics|syntax|tokens|symbols|sourcemap|ir|formatted|pprint\.w\d+)\.bicep$/;
  return rows
    .map((row) => row.split('\t'))
    .filter((cells) => {
      const path = cells[pathAt];
      if (cells[kindAt] === 'bicep') return true;
      return cells[kindAt] === 'bicep-baseline' && path.endsWith('.bicep') && !dump.test(path) && !/\/baselines\/Invalid/.test(path);
    })
    .map((cells) => join(dir, cells[pathAt]))
    .sort();
}

async function parseFloor(paths) {
  const { Parser, Language } = await import('web-tree-sitter');
  await Parser.init();
  const wasm = createRequire(import.meta.url).resolve('tree-sitter-bicep/tree-sitter-bicep.wasm');
  const parser = new Parser().setLanguage(await Language.load(wasm));
  let trees = 0;
  for (const path of paths) {
    const tree = parser.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
    if (tree) {
      trees++;
      tree.delete();
    }
  }
  process.stdout.write(`${String(trees)}\n`);
}
