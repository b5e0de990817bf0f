import { extname } from 'node:path';
import { parseArmFile } from './arm/index.js';
import type { SourceFile } from './source.js';
import type { ParseResult } from './template.js';

export interface FrontendOptions {
  /** `--parameters`: bound to every template. */
  readonly parametersFile?: SourceFile;
  /** Convention lookup beside the template (`<name>.parameters.json`, `metadata.template`). */
  readonly findParametersFile?: (templatePath: string) => SourceFile | undefined;
}

export const TEMPLATE_EXTENSIONS = ['.json', '.jsonc', '.bicep', '.bicepparam'] as const;

type BicepFrontend = typeof import('./bicep/index.js');

// Loaded on the first Bicep file: a run over JSON templates never pays for its modules and wasm.
let bicep: BicepFrontend | undefined;

function isBicep(extension: string): boolean {
  return extension === '.bicep' || extension === '.bicepparam';
}

/**
 * Loads what the file's front-end needs before `parseSource` can run on it: the Bicep front-end
 * and its parser for `.bicep` and `.bicepparam` files (loaded once; JSON files never load it).
 */
export async function prepareFrontend(path: string): Promise<void> {
  if (!isBicep(extname(path).toLowerCase())) return;
  bicep ??= await import('./bicep/index.js');
  await bicep.ensureBicepParser();
}

/** Picks the front-end by file extension. Bicep files need `prepareFrontend` first. */
export function parseSource(file: SourceFile, options: FrontendOptions): ParseResult {
  const extension = extname(file.path).toLowerCase();
  if (!isBicep(extension)) return parseArmFile(file, options);
  if (bicep === undefined) return { kind: 'fatal', file, offset: 0, message: 'Internal error: the Bicep front-end was not loaded (prepareFrontend) before parsing' };
  return extension === '.bicep' ? bicep.parseBicepFile(file, options) : bicep.parseBicepParamFile(file);
}
