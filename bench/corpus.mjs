// The ARM JSON figures: the built CLI over the ARM JSON part of ../shared/corpus against the
// jsonc-parser parse-only floor (bench/parse-floor.mjs, which starts node as the CLI does), and
// `--jobs 2` against `--jobs 1`, all in the same rounds. Part of `npm run bench` (bench/run.mjs);
// `node bench/corpus.mjs` prints these figures alone.
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchSetup, median, runRounds } from './measure.mjs';

export async function armFigures({ root, corpus, runs, bin }) {
  const files = armJsonFiles(corpus);
  const bytes = files.reduce((total, file) => total + statSync(file).size, 0);
  const cli = (name, extra) => ({ name, args: [bin, '--format', 'json', ...extra, '--output-file', '/dev/null', ...files], ok: [0, 1] });
  const commands = [
    { name: 'parse floor (jsonc-parser parseTree)', args: [join(root, 'bench', 'parse-floor.mjs'), ...files], ok: [0] },
    cli('tl-lint --format json', []),
    cli('tl-lint --format json -j 1', ['-j', '1']),
    cli('tl-lint --format json -j 2', ['-j', '2']),
  ];
  console.log(`ARM corpus: ${String(files.length)} files, ${(bytes / 1e6).toFixed(1)} MB; ${String(runs)} rounds after one warm-up`);
  const [floor, byDefault, one, two] = runRounds(commands, runs);
  const cores = availableParallelism();
  const wall = (command) => median(command.wall);
  const cpu = (command) => median(command.cpu);
  return [
    {
      figure: `Whole ARM corpus (${String(files.length)} files), CLI / parse floor`,
      ratio: wall(byDefault) / wall(floor),
      target: '<= 1.3',
      detail: `wall ${ms(wall(byDefault))} vs ${ms(wall(floor))}; best of rounds ${(Math.min(...byDefault.wall) / Math.min(...floor.wall)).toFixed(2)}x; CPU ratio ${(cpu(byDefault) / cpu(floor)).toFixed(2)}; -j 1 wall ratio ${(wall(one) / wall(floor)).toFixed(2)}, CPU ratio ${(cpu(one) / cpu(floor)).toFixed(2)}`,
    },
    {
      figure: `--jobs 2 speed-up over --jobs 1 (${String(files.length)} files)`,
      ratio: wall(one) / wall(two),
      target: '>= 1.7',
      // V8 runs garbage collection and compilation on other threads: one linting thread already
      // keeps more than one core busy, and two cores give at most 2 / (cores it keeps busy).
      detail: `wall ${ms(wall(two))} vs ${ms(wall(one))}; CPU ${ms(cpu(two))} vs ${ms(cpu(one))}; best of rounds ${(Math.min(...one.wall) / Math.min(...two.wall)).toFixed(2)}x; -j 1 keeps ${(cpu(one) / wall(one)).toFixed(2)} cores busy, so ${String(cores)} cores allow at most ${(cores / (cpu(one) / wall(one))).toFixed(2)}x`,
    },
  ];
}

function ms(value) {
  return `${value.toFixed(0)} ms`;
}

export function armJsonFiles(dir) {
  const [header, ...rows] = readFileSync(join(dir, 'MANIFEST.tsv'), 'utf8').trimEnd().split('\n');
  const columns = header.split('\t');
  const pathAt = columns.indexOf('path');
  const kindAt = columns.indexOf('kind');
  return rows
    .map((row) => row.split('\t'))
    .filter((cells) => ['arm-json', 'params'].includes(cells[kindAt]) || (cells[kindAt] === 'bicep-baseline' && cells[pathAt].endsWith('.json')))
    .map((cells) => join(dir, cells[pathAt]))
    .sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const row of await armFigures(benchSetup())) console.log(`${row.figure}: ${row.ratio.toFixed(2)}x (target ${row.target}); ${row.detail}`);
}
