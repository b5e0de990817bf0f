import { join, relative, resolve } from 'node:path';
import pc from 'picocolors';
import { DATA_VERSION } from '../azure/data-version.js';
import type { LintOptions } from '../engine/api.js';
import type { LintResult } from '../engine/result.js';
import { getFormatter, getStreamingFormatter, type FormatContext, type ToolInfo } from '../formatters/index.js';
import type { LintCommandOptions } from './args.js';
import { readBaseline, withBaselines } from './baseline.js';
import { LintCache } from './cache.js';
import { diffNames, unifiedDiff } from './diff.js';
import { requireFile, writeReport } from './command-support.js';
import { streamFiles, type FileToLint } from './files.js';
import type { CliHost } from './host.js';
import type { CliIo } from './io.js';
import { chooseJobs, createLinter, PARALLEL_MIN_FILES } from './jobs.js';
import { isWorthReporting, lintFiles, type LintedFile } from './lint-files.js';
import { safePackageVersion } from './package-info.js';
import { peek } from './peek.js';
import { createProgress, progressWanted } from './progress.js';
import { filesInShard } from './shard.js';
import { ReportFile } from './report-file.js';
import { StreamedReport } from './streamed-report.js';
import { UsageError } from './usage-error.js';
import { writeFixedFile } from './write-fix.js';

export async function runLint(options: LintCommandOptions, io: CliIo, host: CliHost): Promise<number> {
  const formatter = getFormatter(options.format);
  if (formatter === undefined) throw new UsageError(`Unknown format '${options.format}'.`);
  requireFile('Config file', options.configFile, io.cwd);
  requireFile('Parameters file', options.parametersFile, io.cwd);

  const lintOptions: LintOptions = {
    cwd: io.cwd,
    ruleOverrides: options.ruleOverrides,
    fix: options.fix,
    oneShot: true,
    ...(options.configFile === undefined ? {} : { configFile: options.configFile }),
    ...(options.mode === undefined ? {} : { mode: options.mode }),
    ...(options.parametersFile === undefined ? {} : { parametersFile: options.parametersFile }),
  };
  const engine = await host.createEngine(lintOptions);
  const baselinePath = options.baseline === undefined ? undefined : resolve(io.cwd, options.baseline);
  const baseline = baselinePath === undefined ? undefined : { baseline: await readBaseline(baselinePath), path: baselinePath };
  // The files are streamed, not listed: a directory is walked as its files are linted (streamFiles).
  const findFiles = (): AsyncIterable<FileToLint> => {
    const found = streamFiles(options.patterns, { cwd: io.cwd, isIgnored: (path) => engine.isIgnored(path) });
    return options.shard === undefined ? found : filesInShard(found, options.shard, io.cwd);
  };
  // Enough files read ahead to choose the number of threads; discovery errors come here, before any starts.
  const wanted = Math.max(PARALLEL_MIN_FILES, options.jobs ?? 0);
  const files = await peek(findFiles(), (head) => head.filter((file) => !file.ignored).length >= wanted);
  // A progress line needs the total: counted by a walk of its own, which holds no list.
  const total = !progressWanted(io) ? 0 : files.complete ? files.head.length : await count(findFiles());
  const cache =
    options.cache === undefined
      ? undefined
      : await LintCache.openAt(options.cache, io.cwd, { toolVersion: safePackageVersion(host.packageRoot), dataVersion: DATA_VERSION, lintOptions });

  const toLint = files.complete ? files.head.filter((file) => !file.ignored).length : wanted;
  const linter = createLinter(host, engine, lintOptions, chooseJobs(options.jobs, toLint));
  const progress = createProgress(io, total);
  const color = options.color ?? (io.stdout.isTTY === true && (io.env.NO_COLOR ?? '') === '');
  const context: FormatContext = {
    color: options.outputFile === undefined ? color : options.color === true,
    cwd: reportBase(options.format, io),
    rules: host.rules.map((rule) => rule.meta),
    tool: toolInfo(host),
  };
  // Without fixes and baselines, the report (to stdout or --output-file) is written as the files
  // are linted: no result is held.
  const streamable = options.fix === false && baseline === undefined && options.writeBaseline === undefined;
  const stream = streamable ? getStreamingFormatter(options.format) : undefined;
  const reportFile = stream !== undefined && options.outputFile !== undefined ? ReportFile.open(options.outputFile, io.cwd) : undefined;
  const shownOf = options.quiet ? errorsOnly : (results: readonly LintResult[]) => [...results];
  const streamed =
    stream &&
    (reportFile === undefined
      ? new StreamedReport(stream(context), io.stdout, shownOf, progress)
      : new StreamedReport(stream(context), reportFile, shownOf, undefined, false));
  let linted: LintedFile[];
  try {
    linted = await lintFiles(linter.lint, files.all, {
      snapshots: options.fix !== false,
      concurrency: linter.concurrency,
      ...(cache === undefined ? {} : { cache }),
      ...(progress === undefined ? {} : { onProgress: (done: number) => { progress.update(done); } }),
      ...(streamed === undefined ? {} : { onLinted: streamed.onLinted }),
    });
  } catch (error) {
    reportFile?.discard();
    throw error;
  } finally {
    progress?.finish();
    await linter.close();
  }
  linted = linted.filter(isWorthReporting);
  await cache?.save();
  if (streamed !== undefined) {
    const totals = streamed.finish();
    reportFile?.commit();
    return exitCode(totals.errors, totals.warnings, options.maxWarnings, io);
  }

  let writeFailed = false;
  if (options.fix !== false && options.dryRun) {
    // The diff shares stdout with the report only when the report is for people to read.
    if (options.format === 'stylish' || options.outputFile !== undefined) io.stdout.write(diffs(linted, io.cwd, color));
    const count = linted.filter(hasChanges).length;
    io.stderr.write(`Would fix ${plural(count, 'file')}.\n`);
  } else if (options.fix !== false) {
    writeFailed = !(await writeFixes(linted, io));
  }

  const writeTo = options.writeBaseline === undefined ? undefined : resolve(io.cwd, options.writeBaseline);
  const results = await withBaselines(linted.map((entry) => entry.result), { baseline, writeTo }, io);
  const shown = options.quiet ? errorsOnly(results) : results;
  const report = formatter(shown, context);
  if (options.outputFile === undefined) {
    if (report !== '') io.stdout.write(report.endsWith('\n') ? report : `${report}\n`);
  } else {
    await writeReport(options.outputFile, io.cwd, report);
  }

  if (writeFailed) return 2;
  return exitCode(sum(results, (r) => r.errorCount), sum(results, (r) => r.warningCount), options.maxWarnings, io);
}

function exitCode(errors: number, warnings: number, maxWarnings: number | undefined, io: CliIo): number {
  const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
  if (errors === 0 && tooManyWarnings) {
    io.stderr.write(`tl-lint found too many warnings (maximum: ${String(maxWarnings)}).\n`);
  }
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

/**
 * GitHub resolves the paths of annotations and code scanning results against the checkout, which
 * is not the working directory when tl-lint runs in a subdirectory.
 */
function reportBase(format: string, io: CliIo): string {
  const workspace = io.env.GITHUB_WORKSPACE;
  return (format === 'github' || format === 'sarif') && workspace !== undefined && workspace !== '' ? resolve(workspace) : io.cwd;
}

function toolInfo(host: CliHost): ToolInfo {
  return { name: 'tl-lint', version: safePackageVersion(host.packageRoot), dataVersion: DATA_VERSION, docsDirectory: join(host.packageRoot, 'docs', 'rules') };
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

async function count(items: AsyncIterable<unknown>): Promise<number> {
  const iterator = items[Symbol.asyncIterator]();
  let counted = 0;
  while ((await iterator.next()).done !== true) counted++;
  return counted;
}

function plural(count: number, word: string): string {
  return `${String(count)} ${count === 1 ? word : `${word}s`}`;
}
