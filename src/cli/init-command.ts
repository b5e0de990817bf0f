import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { CONFIG_FILE_NAME } from '../engine/config.js';
import type { InitCommandOptions } from './args.js';
import type { CliHost } from './host.js';
import type { CliIo } from './io.js';
import { portablePath } from './paths.js';
import { UsageError } from './usage-error.js';

export const CONFIG_SCHEMA_FILE = 'tl-lint.config.schema.json';

/** The starter config: its schema (editors complete and check rule ids and levels), the mode, no overrides yet. */
export function starterConfig(schema: string, mode: 'upgrade' | 'new'): string {
  return `${JSON.stringify({ $schema: schema, mode, rules: {}, ignores: [] }, null, 2)}\n`;
}

/**
 * `tl-lint init`: writes `tl-lint.config.json` in the working directory, its `$schema` pointing at
 * the schema shipped with this tl-lint (relative, so the file can be committed).
 */
export async function runInit(options: InitCommandOptions, io: CliIo, host: CliHost): Promise<number> {
  const target = join(io.cwd, CONFIG_FILE_NAME);
  if (existsSync(target) && !options.force) throw new UsageError(`${CONFIG_FILE_NAME} already exists; use --force to overwrite it.`);
  const schemaPath = join(host.packageRoot, CONFIG_SCHEMA_FILE);
  const shown = portablePath(relative(io.cwd, schemaPath));
  const schema = shown.startsWith('.') ? shown : `./${shown}`;
  try {
    await writeFile(target, starterConfig(schema, options.mode ?? 'upgrade'));
  } catch (error) {
    throw new UsageError(`Cannot write ${target}: ${error instanceof Error ? error.message : String(error)}`);
  }
  io.stdout.write(`Wrote ${CONFIG_FILE_NAME}. Set rule levels under "rules"; 'tl-lint rules' lists them.\n`);
  if (!existsSync(schemaPath)) io.stderr.write(`tl-lint: the schema ${schemaPath} is missing from this installation; editors will not check the config.\n`);
  return 0;
}
