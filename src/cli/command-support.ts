import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { readTemplateFile } from '../engine/read.js';
import { findParameterFileFor } from '../model/arm/index.js';
import { parseSource } from '../model/frontends.js';
import { createSourceFile, type SourceFile } from '../model/source.js';
import type { ParseResult } from '../model/template.js';
import { UsageError } from './usage-error.js';

export function requireFile(what: string, path: string | undefined, cwd: string): void {
  if (path !== undefined && !existsSync(resolve(cwd, path))) throw new UsageError(`${what} not found: ${path}`);
}

export async function writeReport(path: string, cwd: string, report: string): Promise<void> {
  const target = resolve(cwd, path);
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, report);
  } catch (error) {
    throw new UsageError(`Cannot write the report to ${target}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Parses a file's text the way the engine does: `--parameters` bound to every template, otherwise
 * the parameter file found beside it. The commands that need the model itself (plan, rollback) use it.
 */
export function createParser(cwd: string, parametersFile: string | undefined): (file: SourceFile) => ParseResult {
  let parameters: SourceFile | undefined;
  if (parametersFile !== undefined) {
    const path = resolve(cwd, parametersFile);
    const read = readTemplateFile(path);
    if (!read.ok) throw new UsageError(`--parameters ${path}: ${read.message}`);
    parameters = createSourceFile(path, read.text);
  }
  return (file) =>
    parseSource(file, {
      ...(parameters === undefined ? {} : { parametersFile: parameters }),
      findParametersFile: (templatePath) => findParameterFileFor(templatePath),
    });
}
