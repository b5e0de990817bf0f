// Times the built CLI over the ARM JSON part of ../shared/corpus, beside the parse-only floor and
// bare node startup, in one run: `npm run build && npm run bench` (BENCH_RUNS=n, default 5).
// The commands take turns in every round, so a busy machine slows them alike; CPU time (user +
// system, reported by each child at exit) is shown beside wall time because it barely moves with load.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { benchSetup, median, runRounds } from './measure.mjs';

const { root, corpus, runs, bin } = benchSetup();

const files = armJsonFiles(corpus);
const bytes = files.reduce((total, file) => total + statSync(file).size, 0);

const commands = [
  { name: 'node -e 0', args: ['-e', '0'], ok: [0] },
  { name: 'parse floor (jsonc-parser parseTree)', args: [join(root, 'bench', 'parse-floor.mjs'), ...files], ok: [0] },
  { name: 'tl-lint --format json', args: [bin, '--format', 'json', '--output-file', '/dev/null', ...files], ok: [0, 1] },
];

console.log(`${String(files.length)} files, ${(bytes / 1e6).toFixed(1)} MB (arm-json, params, bicep-baseline *.json); ${String(runs)} rounds after one warm-up\n`);
const timed = runRounds(commands, runs);

const [startup, floor, cli] = timed;
const ratio = (key, lessStartup) => {
  const off = lessStartup ? median(startup[key]) : 0;
  return ((median(cli[key]) - off) / (median(floor[key]) - off)).toFixed(2);
};
console.log('');
console.log('tl-lint / parse floor (the floor includes node startup, as the CLI does):');
console.log(`  wall ${ratio('wall', false)}x, CPU ${ratio('cpu', false)}x; with node startup taken off both: wall ${ratio('wall', true)}x, CPU ${ratio('cpu', true)}x`);
console.log(`tl-lint throughput: ${(bytes / 1e6 / (median(cli.wall) / 1000)).toFixed(1)} MB/s wall, ${(bytes / 1e6 / (median(cli.cpu) / 1000)).toFixed(1)} MB/s CPU`);

function armJsonFiles(dir) {
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
