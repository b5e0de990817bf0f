import { readFile } from 'node:fs/promises';
import type { Engine, FileLintResult } from '../engine/api.js';
import { decodeTemplateBytes } from '../engine/read.js';
import type { LintCache } from './cache.js';
import type { FileToLint } from './files.js';

/** Lints one file: in this thread (an engine) or in a worker; `text` when the caller already read it. */
export type LintOne = (filePath: string, text?: string) => Promise<FileLintResult>;

export function engineLinter(engine: Engine): LintOne {
  return (filePath, text) => engine.lintFile(filePath, text);
}

export interface Snapshot {
  /** The bytes as read, to tell whether the file changed before a fix is written. */
  readonly bytes: Uint8Array;
  /** The text the engine linted (BOM excluded), to diff against the fixed output. */
  readonly text: string;
}

export interface LintedFile {
  readonly file: FileToLint;
  readonly result: FileLintResult;
  /** Present when fixing: what the fix is based on. */
  readonly snapshot?: Snapshot;
}

export interface LintFilesOptions {
  /** Read each file here and hand the text to the engine, keeping the bytes (for --fix). */
  readonly snapshots: boolean;
  /** How many files are in flight at once (a worker pool wants a few per worker). */
  readonly concurrency?: number;
  /** `--cache`: reuse results of unchanged files, and record the new ones. */
  readonly cache?: LintCache;
  /** Called after each file with the number of files done. */
  readonly onProgress?: (done: number) => void;
}

/** Lints every file; results come back in the order of `files`, whatever order they finish in. */
export async function lintFiles(lint: LintOne, files: readonly FileToLint[], options: LintFilesOptions): Promise<LintedFile[]> {
  const linted = new Array<LintedFile | undefined>(files.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      const file = files[index];
      if (file === undefined) continue;
      linted[index] = await lintOne(lint, file, options);
      options.onProgress?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 8, files.length) }, worker));
  return linted.filter((entry) => entry !== undefined);
}

async function lintOne(lint: LintOne, file: FileToLint, options: LintFilesOptions): Promise<LintedFile> {
  if (file.ignored) return { file, result: ignoredResult(file.path) };
  const { cache } = options;
  if (!options.snapshots && cache === undefined) return { file, result: withoutUnusedSource(await lint(file.path)) };
  const bytes = await readFile(file.path).catch(() => undefined);
  const decoded = bytes && decodeTemplateBytes(bytes);
  // Unreadable or undecodable: the engine reads it again and reports why as a fatal message.
  if (bytes === undefined || !decoded?.ok) return { file, result: await lint(file.path) };
  const key = cache?.keyFor(file.path, decoded.text);
  const cached = key === undefined ? undefined : cache?.lookup(file.path, key, decoded.text);
  const result = cached ?? (await lint(file.path, decoded.text));
  if (key !== undefined && cached === undefined) cache?.store(file.path, key, result);
  if (result.output === undefined || !options.snapshots) return { file, result: withoutUnusedSource(result) };
  const text = decoded.text.startsWith('\uFEFF') ? decoded.text.slice(1) : decoded.text;
  return { file, result, snapshot: { bytes, text } };
}

/** Formatters only show the source of files with messages: the rest need not stay in memory for the whole run. */
export function withoutUnusedSource(result: FileLintResult): FileLintResult {
  if (result.messages.length > 0 || result.source === undefined) return result;
  return { ...result, source: undefined };
}

/** Directory scans and globs match package.json and friends: only templates are worth showing. */
export function isWorthReporting({ file, result }: LintedFile): boolean {
  if (file.explicit) return true;
  if (result.kind === 'not-a-template' || result.kind === 'ignored') return false;
  return result.kind !== 'parameters' || result.messages.length > 0;
}

/** An explicitly named file that the config ignores gets a warning instead of silence (as in ESLint). */
export function ignoredResult(filePath: string): FileLintResult {
  return {
    kind: 'ignored',
    filePath,
    messages: [
      {
        ruleId: null,
        severity: 1,
        message: 'File ignored because of a matching pattern in "ignores" of the tl-lint config.',
        line: 0,
        column: 0,
        endLine: 0,
        endColumn: 0,
        offset: 0,
        length: 0,
      },
    ],
    suppressedMessages: [],
    errorCount: 0,
    warningCount: 1,
    infoCount: 0,
    fatalErrorCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  };
}
