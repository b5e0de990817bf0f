import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Rule } from '../engine/rule.js';
import { didYouMean } from './args.js';
import { UsageError } from './usage-error.js';

/** `tl-lint rules`: one row per rule, sorted by id. */
export function rulesTable(rules: readonly Rule<unknown>[]): string {
  const header = ['id', 'level', 'mode', 'fix', 'description'] as const;
  const rows = [...rules]
    .sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1))
    .map(({ meta }) => [meta.id, meta.level, meta.mode, meta.fix, meta.description] as const);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return `${[line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n`;
}

/** `tl-lint rule <id>`: the rule's docs page as shipped in the package. */
export async function ruleDocs(id: string, rules: readonly Rule<unknown>[], packageRoot: string): Promise<string> {
  const ids = rules.map((rule) => rule.meta.id);
  if (!ids.includes(id)) {
    const hint = didYouMean(id, ids);
    throw new UsageError(`Unknown rule '${id}'.${hint === '' ? ` Rules: ${[...ids].sort().join(', ')}.` : hint}`);
  }
  const path = join(packageRoot, 'docs', 'rules', `${id}.md`);
  let page: string;
  try {
    page = await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`The docs of rule '${id}' are missing from the package (${path}).`);
  }
  // The generator's marker comments are for the generator, not for a reader in a terminal.
  return page.replace(/^<!--.*-->[ \t]*\r?\n/gm, '');
}
