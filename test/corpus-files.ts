import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const corpusRoot = join(import.meta.dirname, '..', '..', 'shared', 'corpus');

export interface CorpusEntry {
  readonly path: string;
  readonly kind: string;
  readonly hasVmss: boolean;
  readonly hasVm: boolean;
}

/** The corpus manifest (../shared/corpus/MANIFEST.tsv), one entry per file. */
export function corpusEntries(): CorpusEntry[] {
  const [header = '', ...rows] = readFileSync(join(corpusRoot, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  const columns = header.split('\t');
  const at = (name: string) => columns.indexOf(name);
  return rows.map((row) => {
    const cells = row.split('\t');
    return {
      path: join(corpusRoot, cells[at('path')] ?? ''),
      kind: cells[at('kind')] ?? '',
      hasVmss: cells[at('has_vmss')] === '1',
      hasVm: cells[at('has_vm')] === '1',
    };
  });
}

/** Every ARM JSON file: templates, parameter files and the compiler baselines' JSON. */
export function armCorpusFiles(): CorpusEntry[] {
  return corpusEntries().filter((e) => e.kind === 'arm-json' || e.kind === 'params' || (e.kind === 'bicep-baseline' && e.path.endsWith('.json')));
}
