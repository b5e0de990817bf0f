import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import type { FileLintResult } from '../engine/api.js';
import { summarize } from '../engine/summary.js';
import { fingerprintMessages } from './fingerprint.js';
import type { CliIo } from './io.js';
import { workspacePath } from './paths.js';
import { UsageError } from './usage-error.js';

/**
 * A baseline records today's findings by fingerprint, so a team can adopt tl-lint and fail CI only
 * on new findings. Fingerprints are computed with paths relative to the baseline file's directory,
 * so the file works from any working directory and on any machine.
 */
export interface Baseline {
  readonly version: 1;
  readonly findings: readonly BaselineEntry[];
}

export interface BaselineEntry {
  readonly fingerprint: string;
  readonly ruleId: string;
  /** For people reading the file: where the finding was and what it said. */
  readonly file: string;
  readonly message: string;
}

const BASELINE_VERSION = 1;

/** Every rule finding of the results (parse errors are not findings: they cannot be baselined). */
export function createBaseline(results: readonly FileLintResult[], baselinePath: string): Baseline {
  const base = dirname(baselinePath);
  const findings = results.flatMap((result) => {
    const fingerprints = fingerprintMessages(result, base);
    return result.messages.flatMap((message, index): BaselineEntry[] =>
      message.ruleId === null ? [] : [{ fingerprint: fingerprints[index] ?? '', ruleId: message.ruleId, file: workspacePath(result.filePath, base), message: message.message }],
    );
  });
  findings.sort((a, b) => compare(a.file, b.file) || compare(a.ruleId, b.ruleId) || compare(a.fingerprint, b.fingerprint));
  return { version: BASELINE_VERSION, findings };
}

export async function writeBaseline(path: string, baseline: Baseline): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, `${JSON.stringify(baseline, null, 2)}\n`);
  } catch (error) {
    throw new UsageError(`Cannot write the baseline to ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function readBaseline(path: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`Baseline file not found: ${path}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`The baseline ${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isBaseline(parsed)) throw new UsageError(`The baseline ${path} is not a tl-lint baseline (version ${String(BASELINE_VERSION)}).`);
  return parsed;
}

function isBaseline(value: unknown): value is Baseline {
  if (typeof value !== 'object' || value === null) return false;
  const { version, findings } = value as Partial<Record<keyof Baseline, unknown>>;
  return version === BASELINE_VERSION && Array.isArray(findings) && findings.every((entry) => typeof (entry as Partial<BaselineEntry> | null)?.fingerprint === 'string');
}

export interface BaselineOutcome {
  readonly results: FileLintResult[];
  /** How many findings the baseline accounted for. */
  readonly matched: number;
}

/** The results without the findings the baseline records; counts are recomputed. */
export function applyBaseline(results: readonly FileLintResult[], baseline: Baseline, baselinePath: string): BaselineOutcome {
  const known = new Set(baseline.findings.map((entry) => entry.fingerprint));
  const base = dirname(baselinePath);
  let matched = 0;
  const kept = results.map((result) => {
    const fingerprints = fingerprintMessages(result, base);
    const messages = result.messages.filter((message, index) => message.ruleId === null || !known.has(fingerprints[index] ?? ''));
    matched += result.messages.length - messages.length;
    if (messages.length === result.messages.length) return result;
    return { ...result, ...summarize(result.filePath, messages, result.suppressedMessages, result.source) };
  });
  return { results: kept, matched };
}

export interface BaselineFiles {
  /** `--baseline`: the baseline read, and where it was. */
  readonly baseline: { readonly baseline: Baseline; readonly path: string } | undefined;
  /** `--write-baseline`: where to record the current findings. */
  readonly writeTo: string | undefined;
}

/**
 * `--write-baseline` records every current finding; the results then leave out what `--baseline`
 * records, or, without it, what was just written (so adopting tl-lint starts from a passing run).
 */
export async function withBaselines(results: readonly FileLintResult[], files: BaselineFiles, io: CliIo): Promise<FileLintResult[]> {
  let filter = files.baseline;
  if (files.writeTo !== undefined) {
    const written = createBaseline(results, files.writeTo);
    await writeBaseline(files.writeTo, written);
    io.stderr.write(`Wrote ${plural(written.findings.length, 'finding')} to the baseline ${relative(io.cwd, files.writeTo)}.\n`);
    filter ??= { baseline: written, path: files.writeTo };
  }
  if (filter === undefined) return [...results];
  const outcome = applyBaseline(results, filter.baseline, filter.path);
  if (outcome.matched > 0) io.stderr.write(`${plural(outcome.matched, 'finding')} in the baseline not reported.\n`);
  return outcome.results;
}

function plural(count: number, word: string): string {
  return `${String(count)} ${count === 1 ? word : `${word}s`}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
