import { extname } from 'node:path';
import { parseArmFile } from './arm/index.js';
import { ensureBicepParser, parseBicepFile, parseBicepParamFile } from './bicep/index.js';
import type { SourceFile } from './source.js';
import type { ParseResult } from './template.js';

export interface FrontendOptions {
  /** `--parameters`: bound to every template. */
  readonly parametersFile?: SourceFile;
  /** Convention lookup beside the template (`<name>.parameters.json`, `metadata.template`). */
  readonly findParametersFile?: (templatePath: string) => SourceFile | undefined;
}

export const TEMPLATE_EXTENSIONS = ['.json', '.jsonc', '.bicep', '.bicepparam'] as const;

function isBicep(path: string): boolean {
  const extension = extname(path).toLowerCase();
  return extension === '.bicep' || extension === '.bicepparam';
}

/**
 * Loads what the file's front-end needs before `parseSource` can run on it: the Bicep parser for
 * `.bicep` and `.bicepparam` files (loaded once; JSON files never load it).
 */
export async function prepareFrontend(path: string): Promise<void> {
  if (isBicep(path)) await ensureBicepParser();
}

/** Picks the front-end by file extension. Bicep files need `prepareFrontend` first. */
export function parseSource(file: SourceFile, options: FrontendOptions): ParseResult {
  const extension = extname(file.path).toLowerCase();
  if (extension === '.bicep') return parseBicepFile(file, options);
  if (extension === '.bicepparam') return parseBicepParamFile(file);
  return parseArmFile(file, options);
}
