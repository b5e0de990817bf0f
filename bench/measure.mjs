// Shared by the benchmarks: run a command, report its wall and CPU time, and summarise.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Each child reports its own CPU time (all its threads) and peak RSS at exit, so the parent's
// bookkeeping is not counted.
const reportUsage = `data:text/javascript,process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('\\n@cpu ' + (u.userCPUTime + u.systemCPUTime) + ' @rss ' + u.maxRSS + '\\n'); })`;

/** Runs `node <args>` (in `cwd`); returns wall and CPU time in ms and peak RSS in MB. */
export function measure(command) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', reportUsage, ...command.args], {
    cwd: command.cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (!command.ok.includes(result.status ?? -1)) fail(`${command.name} exited with ${String(result.status)}:\n${result.stderr}`);
  const usage = /@cpu (\d+) @rss (\d+)/.exec(result.stderr);
  if (!usage) fail(`${command.name} did not report its CPU time:\n${result.stderr}`);
  return { wall, cpu: Number(usage[1]) / 1000, rss: Number(usage[2]) / 1024 };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function ms(value) {
  return `${value.toFixed(0)} ms`;
}

export function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}

/** The repo, the corpus (TL_CORPUS), the rounds (BENCH_RUNS) and the built CLI; exits when one is missing. */
export function benchSetup() {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const corpus = resolve(process.env.TL_CORPUS ?? join(root, '..', 'shared', 'corpus'));
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  // The package's bin, as users run it: the bundle of dist/src (scripts/bundle.mjs).
  const bin = join(root, JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).bin['tl-lint']);
  if (!existsSync(bin)) fail(`${bin} is missing: run \`npm run build\` first.`);
  if (!existsSync(join(corpus, 'MANIFEST.tsv'))) fail(`No corpus at ${corpus} (set TL_CORPUS).`);
  return { root, corpus, runs, bin };
}

/**
 * One warm-up, then `runs` rounds in which the commands take turns, so a busy machine slows them
 * alike; prints the table of medians and returns the commands with their `wall` and `cpu` samples.
 */
export function runRounds(commands, runs) {
  const timed = commands.map((command) => ({ ...command, wall: [], cpu: [], rss: [] }));
  for (const command of timed) measure(command);
  for (let round = 0; round < runs; round++) {
    for (const command of timed) {
      const { wall, cpu, rss } = measure(command);
      command.wall.push(wall);
      command.cpu.push(cpu);
      command.rss.push(rss);
    }
  }
  console.log(`${'command'.padEnd(38)}  ${'wall median'.padStart(11)}  ${'min'.padStart(8)}  ${'max'.padStart(8)}  ${'CPU median'.padStart(10)}`);
  for (const command of timed) {
    const wall = [...command.wall].sort((a, b) => a - b);
    console.log(`${command.name.padEnd(38)}  ${ms(median(wall)).padStart(11)}  ${ms(wall[0]).padStart(8)}  ${ms(wall.at(-1)).padStart(8)}  ${ms(median(command.cpu)).padStart(10)}`);
  }
  return timed;
}
