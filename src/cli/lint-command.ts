import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import pc from 'picocolors';
import type { LintResult } from '../engine/result.js';
import { getFormatter } from '../formatters/index.js';
import type { LintCommandOptions } from './args.js';
import { unifiedDiff } from './diff.js';
import { discoverFiles } from './files.js';
import type { CliHost } from './host.js';
import type { CliIo } from './io.js';
import { isWorthReporting, lintFiles, type LintedFile } from './lint-files.js';
import { UsageError } from './usage-error.js';
import { writeFixedFile } from './write-fix.js';

export async function runLint(options: LintCommandOptions, io: CliIo, host: CliHost): Promise<number> {
  const formatter = getFormatter(options.format);
  if (formatter === undefined) throw new UsageError(`Unknown format '${options.format}'.`);
  requireFile('Config file', options.configFile, io.cwd);
  requireFile('Parameters file', options.parametersFile, io.cwd);

  const engine = await host.createEngine({
    cwd: io.cwd,
    ruleOverrides: options.ruleOverrides,
    fix: options.fix,
    ...(options.configFile === undefined ? {} : { configFile: options.configFile }),
    ...(options.mode === undefined ? {} : { mode: options.mode }),
    ...(options.parametersFile === undefined ? {} : { parametersFile: options.parametersFile }),
  });
  const files = await discoverFiles(options.patterns, { cwd: io.cwd, isIgnored: (path) => engine.isIgnored(path) });
  const linted = (await lintFiles(engine, files, { snapshots: options.fix !== false })).filter(isWorthReporting);

  const color = options.color ?? (io.stdout.isTTY === true && (io.env.NO_COLOR ?? '') === '');
  let writeFailed = false;
  if (options.fix !== false && options.dryRun) {
    // The diff shares stdout with the report only when the report is for people to read.
    if (options.format === 'stylish' || options.outputFile !== undefined) io.stdout.write(diffs(linted, io.cwd, color));
    const count = linted.filter(hasChanges).length;
    io.stderr.write(`Would fix ${plural(count, 'file')}.\n`);
  } else if (options.fix !== false) {
    writeFailed = !(await writeFixes(linted, io));
  }

  const results = linted.map((entry) => entry.result);
  const shown = options.quiet ? errorsOnly(results) : results;
  const report = formatter(shown, { color: options.outputFile === undefined ? color : options.color === true, cwd: io.cwd });
  if (options.outputFile === undefined) {
    if (report !== '') io.stdout.write(report.endsWith('\n') ? report : `${report}\n`);
  } else {
    await writeReport(resolve(io.cwd, options.outputFile), report);
  }

  if (writeFailed) return 2;
  const errors = sum(results, (r) => r.errorCount);
  const warnings = sum(results, (r) => r.warningCount);
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  if (errors === 0 && tooManyWarnings) {
    io.stderr.write(`tl-lint found too many warnings (maximum: ${String(options.maxWarnings)}).\n`);
  }
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

async function writeReport(path: string, report: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, report);
  } catch (error) {
    throw new UsageError(`Cannot write the report to ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function requireFile(what: string, path: string | undefined, cwd: string): void {
  if (path !== undefined && !existsSync(resolve(cwd, path))) throw new UsageError(`${what} not found: ${path}`);
}

function hasChanges(entry: LintedFile): boolean {
  return entry.result.output !== undefined && entry.snapshot !== undefined && entry.result.output !== entry.snapshot.text;
}

/** Writes every fixed file; false when one could not be written. */
async function writeFixes(linted: readonly LintedFile[], io: CliIo): Promise<boolean> {
  let written = 0;
  let ok = true;
  for (const entry of linted) {
    if (!hasChanges(entry) || entry.snapshot === undefined || entry.result.output === undefined) continue;
    const outcome = await writeFixedFile(entry.file.path, entry.snapshot.bytes, entry.result.output);
    const shown = relative(io.cwd, entry.file.path);
    if (outcome.kind === 'written') {
      written++;
    } else if (outcome.kind === 'changed-on-disk') {
      ok = false;
      io.stderr.write(`tl-lint: ${shown} changed on disk while it was being linted; its fixes were not written.\n`);
    } else {
      ok = false;
      io.stderr.write(`tl-lint: could not write the fixes to ${shown}: ${outcome.reason}\n`);
    }
  }
  io.stderr.write(`Fixed ${plural(written, 'file')}.\n`);
  return ok;
}

function diffs(linted: readonly LintedFile[], cwd: string, color: boolean): string {
  const c = pc.createColors(color);
  const paint = (line: string): string =>
    line.startsWith('+++') || line.startsWith('---')
      ? c.bold(line)
      : line.startsWith('@@')
        ? c.cyan(line)
        : line.startsWith('+')
          ? c.green(line)
          : line.startsWith('-')
            ? c.red(line)
            : line;
  return linted
    .filter(hasChanges)
    .map((entry) => {
      const diff = unifiedDiff(entry.snapshot?.text ?? '', entry.result.output ?? '', diffNames(entry.file.path, cwd));
      return color ? diff.split('\n').map(paint).join('\n') : diff;
    })
    .join('');
}

/** git's `a/` and `b/` names for files below cwd; the absolute path for the others. */
function diffNames(path: string, cwd: string): { fromFile: string; toFile: string } {
  const shown = relative(cwd, path);
  if (shown.startsWith('..') || isAbsolute(shown)) return { fromFile: path, toFile: path };
  const posix = shown.split(sep).join('/');
  return { fromFile: `a/${posix}`, toFile: `b/${posix}` };
}

/** ESLint's `getErrorResults`: error messages only, and only the files that have some. */
function errorsOnly(results: readonly LintResult[]): LintResult[] {
  return results.flatMap((result) => {
    const messages = result.messages.filter((m) => m.fatal === true || m.severity === 2);
    if (messages.length === 0) return [];
    return [
      {
        ...result,
        messages,
        suppressedMessages: result.suppressedMessages.filter((m) => m.fatal === true || m.severity === 2),
        errorCount: messages.length,
        warningCount: 0,
        infoCount: 0,
        fixableWarningCount: 0,
      },
    ];
  });
}

function sum(results: readonly LintResult[], count: (result: LintResult) => number): number {
  return results.reduce((total, result) => total + count(result), 0);
}

function plural(count: number, word: string): string {
  return `${String(count)} ${count === 1 ? word : `${word}s`}`;
}
