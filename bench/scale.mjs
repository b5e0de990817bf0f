// The scale figures: the CLI (default format and jobs, report to a pipe that is not read) over a
// generated tree of corpus templates (scripts/make-scale-tree.mjs) at growing sizes: time per
// template should not grow with the size, and peak RSS should stay under 300 MB. BENCH_SCALE
// sets the sizes (default 10000,30000,100000); the smaller runs lint the first folders of the tree.
// The tree goes to a temporary directory, removed afterwards, or to BENCH_SCALE_DIR, kept for reuse.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { makeScaleTree } from '../scripts/make-scale-tree.mjs';
import { measure } from './measure.mjs';

const FILES_PER_FOLDER = 100;

export async function scaleFigures({ corpus, bin }) {
  const sizes = (process.env.BENCH_SCALE ?? '10000,30000,100000').split(',').map(Number).sort((a, b) => a - b);
  const largest = sizes.at(-1);
  const kept = process.env.BENCH_SCALE_DIR;
  const directory = kept === undefined ? mkdtempSync(join(tmpdir(), 'tl-lint-scale-')) : resolve(kept);
  mkdirSync(directory, { recursive: true });
  try {
    const started = Date.now();
    const { bytes } = makeScaleTree(largest, corpus, directory);
    console.log(`Scale tree: ${String(largest)} templates, ${(bytes / 1e6).toFixed(0)} MB in ${directory} (made in ${((Date.now() - started) / 1000).toFixed(0)} s)`);
    const runs = sizes.map((size) => {
      const folders = Array.from({ length: Math.ceil(size / FILES_PER_FOLDER) }, (_, i) => `f${String(i).padStart(4, '0')}`);
      const args = size === largest ? [bin, '.'] : [bin, ...folders];
      const { wall, cpu, rss } = measure({ name: `tl-lint over ${String(size)} templates`, args, cwd: directory, ok: [0, 1] });
      console.log(`  ${String(size).padStart(7)} templates: wall ${(wall / 1000).toFixed(1)} s (${(wall / size).toFixed(2)} ms each), CPU ${(cpu / 1000).toFixed(1)} s, peak RSS ${rss.toFixed(0)} MB`);
      return { size, wall, cpu, rss };
    });
    const first = runs[0];
    const last = runs.at(-1);
    const perFile = (run) => run.wall / run.size;
    return [
      {
        figure: `Scale: time per template at ${String(last.size)} / at ${String(first.size)}`,
        ratio: perFile(last) / perFile(first),
        target: '<= 1.2',
        detail: runs.map((run) => `${String(run.size)}: ${(run.wall / 1000).toFixed(1)} s`).join(', '),
      },
      {
        figure: `Scale: peak RSS at ${String(last.size)} templates (MB)`,
        ratio: Math.max(...runs.map((run) => run.rss)),
        target: '< 300',
        unit: ' MB',
        detail: runs.map((run) => `${String(run.size)}: ${run.rss.toFixed(0)} MB`).join(', '),
      },
    ];
  } finally {
    if (kept === undefined) rmSync(directory, { recursive: true, force: true });
  }
}
