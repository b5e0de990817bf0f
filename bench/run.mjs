// `npm run bench`: every figure of the performance targets in one run, printed as a table and
// written to docs/performance.md with the machine and the command. Needs `npm run build` first.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { bicepFigures } from './bicep.mjs';
import { armFigures } from './corpus.mjs';
import { externalFigures, runExternal } from './external.mjs';
import { benchSetup } from './measure.mjs';
import { machine, markdown, textTable } from './report.mjs';
import { scaleFigures } from './scale.mjs';
import { startupFigures } from './startup.mjs';

const context = benchSetup();
const start = machine();
console.log(`${start.cpu}, ${String(start.cores)} cores, load ${start.load}, node ${start.node}\n`);

const [eslint, lsp] = externalFigures;
const sections = [
  () => armFigures(context),
  () => bicepFigures(context),
  () => runExternal(eslint, context),
  () => startupFigures(context),
  () => runExternal(lsp, context),
  () => scaleFigures(context),
];
const rows = [];
for (const section of sections) {
  rows.push(...(await section()));
  console.log('');
}

const table = textTable(rows);
console.log(table);
const page = markdown(rows, {
  start,
  end: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  loadAtEnd: loadavg().map((value) => value.toFixed(2)).join(', '),
  command: 'npm run bench',
});
writeFileSync(join(context.root, 'docs', 'performance.md'), page);
console.log('\nWritten to docs/performance.md');
