import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { corpusEntries, type CorpusEntry } from '../corpus-files.js';

/** The compiler baselines' generated dumps (`main.syntax.bicep`, …): annotated text, not Bicep to compile. */
const DUMP = /\.(diagnostics|syntax|tokens|symbols|sourcemap|ir|formatted|pprint\.w\d+)\.bicep$/;

/** Every `.bicep` file of the corpus, dumps and invalid baselines included. */
export function bicepCorpusFiles(): CorpusEntry[] {
  return corpusEntries().filter((e) => e.path.endsWith('.bicep'));
}

function compilesWithoutErrors(mainBicep: string): boolean {
  const diagnostics = join(dirname(mainBicep), 'main.diagnostics.bicep');
  return !existsSync(diagnostics) || !readFileSync(diagnostics, 'utf8').includes('(Error)');
}

/**
 * The files the Bicep compiler accepts: the quickstart and AVM `.bicep` files, and the baselines'
 * `main.bicep` that have a compiled `main.json` and no error in their diagnostics (InvalidLambdas
 * has a `main.json` for another test, and 57 errors).
 */
export function acceptedBicepFiles(): CorpusEntry[] {
  return bicepCorpusFiles().filter((e) => {
    if (e.kind === 'bicep') return true;
    if (DUMP.test(e.path) || basename(e.path) !== 'main.bicep' || !e.path.includes('/baselines/')) return false;
    return existsSync(join(dirname(e.path), 'main.json')) && compilesWithoutErrors(e.path);
  });
}

export interface CompiledTwin {
  readonly bicep: string;
  readonly json: string;
}

/** `main.bicep` with its compiled JSON beside it (`azuredeploy.json` or `main.json`), when the compiler accepts it. */
export function compiledTwins(): CompiledTwin[] {
  return bicepCorpusFiles().flatMap((e) => {
    if (basename(e.path) !== 'main.bicep' || !compilesWithoutErrors(e.path)) return [];
    const json = ['azuredeploy.json', 'main.json'].map((name) => join(dirname(e.path), name)).find((path) => existsSync(path));
    return json === undefined ? [] : [{ bicep: e.path, json }];
  });
}
