import type { Engine, FileLintResult } from '../engine/api.js';
import { decodeTemplateBytes, readRegularFile } from '../engine/read.js';
import type { LintCache } from './cache.js';
import type { FileToLint } from './files.js';
import { HELD_SOURCE_BUDGET, withoutUnusedSource, withSourceOnDemand } from './held-source.js';
import { withNotATemplateNotice } from './not-a-template.js';

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
  /**
   * Streams the run: called with each file worth reporting, in the order of `files`, as soon as it
   * and the files before it are done. Those files are then not held: the list returned is empty.
   */
  readonly onLinted?: (entry: LintedFile) => void;
}

/**
 * Lints every file; results come back in the order of `files`, whatever order they finish in.
 * `files` may be an async iterable (a directory walk): it is read only as files are wanted, so the
 * run never holds the list. Only what a report can show is held for the rest of the run (see
 * isWorthReporting and HELD_SOURCE_BUDGET), so memory does not grow with the number or size of
 * the files linted. If reading `files` fails, the files in flight finish and the error is thrown.
 */
export async function lintFiles(
  lint: LintOne,
  files: Iterable<FileToLint> | AsyncIterable<FileToLint>,
  options: LintFilesOptions,
): Promise<LintedFile[]> {
  const source = Symbol.asyncIterator in files ? files[Symbol.asyncIterator]() : files[Symbol.iterator]();
  // Done and not passed on yet, by index (null: nothing to report): at most the files in flight.
  const finished = new Map<number, LintedFile | null>();
  const kept: LintedFile[] = [];
  const { onLinted } = options;
  let next = 0;
  let passed = 0;
  let done = 0;
  let heldSource = 0;
  let failure: { readonly error: unknown } | undefined;
  const held = (entry: LintedFile): LintedFile => {
    const text = entry.snapshot === undefined ? entry.result.source : undefined;
    if (text === undefined) return entry;
    heldSource += text.length;
    return heldSource <= HELD_SOURCE_BUDGET ? entry : { file: entry.file, result: withSourceOnDemand(entry.result) };
  };
  const passOn = (): void => {
    for (let entry = finished.get(passed); entry !== undefined; entry = finished.get(passed)) {
      finished.delete(passed++);
      if (entry === null) continue;
      if (onLinted === undefined) kept.push(held(entry));
      else onLinted(entry);
    }
  };
  const nextFile = async (): Promise<{ readonly file: FileToLint; readonly index: number } | undefined> => {
    if (failure !== undefined) return undefined;
    // Numbered when asked for: the answers come in the order of the questions.
    const index = next++;
    const step = await source.next();
    return step.done === true ? undefined : { file: step.value, index };
  };
  const worker = async (): Promise<void> => {
    try {
      for (let item = await nextFile(); item !== undefined; item = await nextFile()) {
        const entry = withNotATemplateNotice(await lintOne(lint, item.file, options));
        finished.set(item.index, isWorthReporting(entry) ? entry : null);
        passOn();
        options.onProgress?.(++done);
      }
    } catch (error) {
      failure ??= { error };
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  if (failure !== undefined) {
    await source.return?.();
    throw failure.error;
  }
  return kept;
}

async function lintOne(lint: LintOne, file: FileToLint, options: LintFilesOptions): Promise<LintedFile> {
  if (file.ignored) return { file, result: ignoredResult(file.path) };
  const { cache } = options;
  if (!options.snapshots && cache === undefined) return { file, result: withoutUnusedSource(await lint(file.path)) };
  const bytes = await readRegularFile(file.path).catch(() => undefined);
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
