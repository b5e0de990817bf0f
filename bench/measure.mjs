// Shared by the benchmarks: run a command, report its wall and CPU time, and summarise.
import { spawnSync } from 'node:child_process';

// Each child reports its own CPU time at exit, so the parent's bookkeeping is not counted.
const reportCpu = `data:text/javascript,process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('\\n@cpu ' + (u.user + u.system) + '\\n'); })`;

export function measure(command) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', reportCpu, ...command.args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (!command.ok.includes(result.status ?? -1)) fail(`${command.name} exited with ${String(result.status)}:\n${result.stderr}`);
  const cpu = /@cpu (\d+)/.exec(result.stderr);
  if (!cpu) fail(`${command.name} did not report its CPU time:\n${result.stderr}`);
  return { wall, cpu: Number(cpu[1]) / 1000 };
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
