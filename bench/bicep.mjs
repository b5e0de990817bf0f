// The Bicep figure: the built CLI over the Bicep files of ../shared/corpus against the tree-sitter
// parse-only floor, in the same rounds. Part of `npm run bench` (bench/run.mjs); `node
// bench/bicep.mjs` prints it alone. `node bench/bicep.mjs --floor <files…>` is the floor itself:
// load web-tree-sitter and the grammar, read and parse each file, nothing else.
// The files are the corpus's Bicep sources: the quickstart and AVM `.bicep` files and the compiler
// baselines' own `.bicep` files, without the baselines' generated dumps (`main.syntax.bicep`,
// `main.tokens.bicep`, …) and the `Invalid*` baselines, on which tree-sitter's error recovery
// alone can take minutes per file.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchSetup, median, runRounds } from './measure.mjs';

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--floor') {
  await parseFloor(process.argv.slice(3));
  process.exit(0);
}

/** The Bicep figure: CLI (default jobs) / floor, with the one-thread ratios beside it. */
export async function bicepFigures({ corpus, runs, bin }) {
  const files = bicepFiles(corpus);
  const bytes = files.reduce((total, file) => total + statSync(file).size, 0);
  const cli = (name, extra) => ({ name, args: [bin, '--format', 'json', ...extra, '--output-file', '/dev/null', ...files], ok: [0, 1] });
  const commands = [
    { name: 'parse floor (web-tree-sitter parse)', args: [fileURLToPath(import.meta.url), '--floor', ...files], ok: [0] },
    cli('tl-lint --format json', []),
    // One thread, like the floor: the cost of linting itself, without worker start-up and messages.
    cli('tl-lint --format json -j 1', ['-j', '1']),
  ];
  console.log(`Bicep corpus: ${String(files.length)} files, ${(bytes / 1e6).toFixed(1)} MB; ${String(runs)} rounds after one warm-up`);
  const [floor, byDefault, one] = runRounds(commands, runs);
  const wall = (command) => median(command.wall);
  const cpu = (command) => median(command.cpu);
  return [
    {
      figure: `Bicep files of the corpus (${String(files.length)}), CLI / tree-sitter floor`,
      ratio: wall(byDefault) / wall(floor),
      target: '<= 1.3',
      detail: `wall ${wall(byDefault).toFixed(0)} ms vs ${wall(floor).toFixed(0)} ms; best of rounds ${(Math.min(...byDefault.wall) / Math.min(...floor.wall)).toFixed(2)}x; CPU ratio ${(cpu(byDefault) / cpu(floor)).toFixed(2)}; -j 1 wall ratio ${(wall(one) / wall(floor)).toFixed(2)}, CPU ratio ${(cpu(one) / cpu(floor)).toFixed(2)}`,
    },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] !== '--floor') {
  for (const row of await bicepFigures(benchSetup())) console.log(`${row.figure}: ${row.ratio.toFixed(2)}x (target ${row.target}); ${row.detail}`);
}

export function bicepFiles(dir) {
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
