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

/** Picks the front-end by file extension. */
export function parseSource(file: SourceFile, options: FrontendOptions): ParseResult {
  const extension = extname(file.path).toLowerCase();
  if (extension === '.bicep' || extension === '.bicepparam') return { kind: 'not-a-template', file };
  return parseArmFile(file, options);
}
