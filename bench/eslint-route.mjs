// The same rules over the ARM JSON part of ../shared/corpus through ESLint (the `tl-lint/eslint`
// plugin, `export default [tl.configs.recommended]`) and through the tl-lint CLI, in one run:
// `npm run build && node bench/eslint-route.mjs` (BENCH_RUNS=n, default 5; TL_CORPUS=dir).
// `eslintRoute()` returns the medians for the `npm run bench` table.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { armJsonFiles } from './corpus.mjs';
import { benchSetup, median, ms, runRounds } from './measure.mjs';


/** Times `eslint` with the recommended config against `tl-lint` (all cores, and one thread) over the same files. */
export async function eslintRoute() {
  const { root, corpus, runs, bin } = benchSetup();
  const files = armJsonFiles(corpus);
  const configDir = mkdtempSync(join(tmpdir(), 'tl-lint-eslint-bench-'));
  const config = join(configDir, 'eslint.config.mjs');
  const plugin = pathToFileURL(join(root, 'dist', 'src', 'eslint', 'index.js')).href;
  writeFileSync(config, `import tl from '${plugin}';\n\nexport default [tl.configs.recommended];\n`);
  const eslintBin = join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const commands = [
    { name: 'eslint (tl-lint/eslint recommended)', args: [eslintBin, '-c', config, '--format', 'json', '--output-file', '/dev/null', ...files], ok: [0, 1] },
    { name: 'tl-lint --format json', args: [bin, '--format', 'json', '--output-file', '/dev/null', ...files], ok: [0, 1] },
    { name: 'tl-lint --format json --jobs 1', args: [bin, '--jobs', '1', '--format', 'json', '--output-file', '/dev/null', ...files], ok: [0, 1] },
  ];
  // With `-c`, ESLint lints only files below the working directory.
  const cwd = process.cwd();
  process.chdir(corpus);
  let timed;
  try {
    console.log(`${String(files.length)} ARM JSON files; ${String(runs)} rounds after one warm-up\n`);
    timed = runRounds(commands, runs);
  } finally {
    process.chdir(cwd);
    rmSync(configDir, { recursive: true, force: true });
  }
  const [eslint, cli, oneThread] = timed.map((command) => ({ wall: median(command.wall), cpu: median(command.cpu) }));
  return {
    eslintMs: eslint.wall,
    cliMs: cli.wall,
    ratio: eslint.wall / cli.wall,
    // Both routes run the same engine once per file: the difference is ESLint's own cost.
    eslintOwnMsPerFile: (eslint.wall - cli.wall) / files.length,
    files: files.length,
    cliOneThreadMs: oneThread.wall,
    cpu: { eslintMs: eslint.cpu, cliMs: cli.cpu, cliOneThreadMs: oneThread.cpu },
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await eslintRoute();
  console.log('');
  const times = (a, b) => `${(a / b).toFixed(2)}x`;
  console.log(`${String(result.files)} files: ESLint route ${ms(result.eslintMs)}, tl-lint CLI ${ms(result.cliMs)}; ESLint / CLI = ${times(result.eslintMs, result.cliMs)} wall.`);
  console.log(`One thread each (tl-lint --jobs 1): ${times(result.eslintMs, result.cliOneThreadMs)} wall, ${times(result.cpu.eslintMs, result.cpu.cliOneThreadMs)} CPU.`);
}
