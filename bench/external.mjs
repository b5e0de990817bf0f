// Figures measured by modules other engineers own (bench/eslint-route.mjs, bench/lsp.mjs): each
// exports an async function that returns its figures. A module that is missing, or fails, becomes
// a row that says so instead of stopping the benchmark.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const externalFigures = [
  { module: 'eslint-route.mjs', figure: 'Same rules through ESLint: ESLint / CLI', target: '>= 5' },
  { module: 'lsp.mjs', figure: 'LSP didChange -> publishDiagnostics / jsonc parse (largest template)', target: '<= 1.5' },
];

/** Runs one external module; its result is normalised to rows of { figure, ratio, target, detail }. */
export async function runExternal(spec, context) {
  const path = join(context.root, 'bench', spec.module);
  if (!existsSync(path)) return [{ figure: spec.figure, target: spec.target, detail: `not measured: bench/${spec.module} does not exist yet` }];
  try {
    const loaded = await import(pathToFileURL(path).href);
    const run = typeof loaded.default === 'function' ? loaded.default : Object.values(loaded).find((value) => typeof value === 'function');
    if (run === undefined) return [{ figure: spec.figure, target: spec.target, detail: `not measured: bench/${spec.module} exports no function` }];
    const returned = await run(context);
    const rows = Array.isArray(returned) ? returned : Array.isArray(returned?.figures) ? returned.figures : [returned];
    return rows.map((row) => normalise(row, spec));
  } catch (error) {
    return [{ figure: spec.figure, target: spec.target, detail: `not measured: bench/${spec.module} failed: ${error instanceof Error ? error.message : String(error)}` }];
  }
}

function normalise(row, spec) {
  if (typeof row === 'number') return { figure: spec.figure, ratio: row, target: spec.target, detail: '' };
  const object = row ?? {};
  const ratio = [object.ratio, object.value, object.factor].find((value) => typeof value === 'number');
  const target = typeof object.target === 'string' ? object.target : typeof object.target === 'number' ? `${spec.target.slice(0, 2)} ${String(object.target)}` : spec.target;
  const known = new Set(['figure', 'name', 'label', 'title', 'ratio', 'value', 'factor', 'target', 'pass', 'ok', 'detail', 'note']);
  const extra = Object.entries(object)
    .filter(([key, value]) => !known.has(key) && ['number', 'string'].includes(typeof value))
    .map(([key, value]) => `${key} ${typeof value === 'number' ? value.toFixed(value < 10 ? 2 : 0) : value}`);
  const detail = [object.detail, object.note, ...extra].filter((part) => typeof part === 'string' && part !== '').join('; ');
  const pass = typeof object.pass === 'boolean' ? object.pass : typeof object.ok === 'boolean' ? object.ok : undefined;
  return { figure: object.figure ?? object.name ?? object.label ?? object.title ?? spec.figure, ratio, target, detail, ...(pass === undefined ? {} : { pass }) };
}
