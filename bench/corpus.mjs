// Times the built CLI over the ARM JSON part of ../shared/corpus, beside the parse-only floor and
// bare node startup, in one run: `npm run build && npm run bench` (BENCH_RUNS=n, default 5).
// The commands take turns in every round, so a busy machine slows them alike; CPU time (user +
// system, reported by each child at exit) is shown beside wall time because it barely moves with load.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail, measure, median, ms } from './measure.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(process.env.TL_CORPUS ?? join(root, '..', 'shared', 'corpus'));
const runs = Number(process.env.BENCH_RUNS ?? 5);
const bin = join(root, 'dist', 'src', 'cli', 'bin.js');

if (!existsSync(bin)) fail(`${bin} is missing: run \`npm run build\` first.`);
if (!existsSync(join(corpus, 'MANIFEST.tsv'))) fail(`No corpus at ${corpus} (set TL_CORPUS).`);

const files = armJsonFiles(corpus);
const bytes = files.reduce((total, file) => total + statSync(file).size, 0);

const commands = [
  { name: 'node -e 0', args: ['-e', '0'], ok: [0] },
  { name: 'parse floor (jsonc-parser parseTree)', args: [join(root, 'bench', 'parse-floor.mjs'), ...files], ok: [0] },
  { name: 'tl-lint --format json', args: [bin, '--format', 'json', '--output-file', '/dev/null', ...files], ok: [0, 1] },
].map((command) => ({ ...command, wall: [], cpu: [] }));

console.log(`${String(files.length)} files, ${(bytes / 1e6).toFixed(1)} MB (arm-json, params, bicep-baseline *.json); ${String(runs)} rounds after one warm-up\n`);
for (const command of commands) measure(command);
for (let round = 0; round < runs; round++) {
  for (const command of commands) {
    const { wall, cpu } = measure(command);
    command.wall.push(wall);
    command.cpu.push(cpu);
  }
}

console.log(`${'command'.padEnd(38)}  ${'wall median'.padStart(11)}  ${'min'.padStart(8)}  ${'max'.padStart(8)}  ${'CPU median'.padStart(10)}`);
for (const command of commands) {
  const wall = [...command.wall].sort((a, b) => a - b);
  console.log(`${command.name.padEnd(38)}  ${ms(median(wall)).padStart(11)}  ${ms(wall[0]).padStart(8)}  ${ms(wall.at(-1)).padStart(8)}  ${ms(median(command.cpu)).padStart(10)}`);
}

const [startup, floor, cli] = commands;
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
