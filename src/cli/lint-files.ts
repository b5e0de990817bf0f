import { readFile } from 'node:fs/promises';
import type { Engine, FileLintResult } from '../engine/api.js';
import { decodeTemplateBytes } from '../engine/read.js';
import type { FileToLint } from './files.js';

export interface Snapshot {
  /** The bytes as read, to tell whether the file changed before a fix is written. */
  readonly bytes: Buffer;
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
  readonly concurrency?: number;
}

/** Lints every file; results come back in the order of `files`. */
export async function lintFiles(engine: Engine, files: readonly FileToLint[], options: LintFilesOptions): Promise<LintedFile[]> {
  const linted = new Array<LintedFile | undefined>(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      const file = files[index];
      if (file !== undefined) linted[index] = await lintOne(engine, file, options.snapshots);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 8, files.length) }, worker));
  return linted.filter((entry) => entry !== undefined);
}

async function lintOne(engine: Engine, file: FileToLint, snapshots: boolean): Promise<LintedFile> {
  if (file.ignored) return { file, result: ignoredResult(file.path) };
  if (!snapshots) return { file, result: withoutUnusedSource(await engine.lintFile(file.path)) };
  const bytes = await readFile(file.path).catch(() => undefined);
  const decoded = bytes && decodeTemplateBytes(bytes);
  // Unreadable or undecodable: the engine reads it again and reports why as a fatal message.
  if (bytes === undefined || !decoded?.ok) return { file, result: await engine.lintFile(file.path) };
  const result = await engine.lintFile(file.path, decoded.text);
  if (result.output === undefined) return { file, result: withoutUnusedSource(result) };
  const text = decoded.text.startsWith('\uFEFF') ? decoded.text.slice(1) : decoded.text;
  return { file, result, snapshot: { bytes, text } };
}

/** Formatters only show the source of files with messages: the rest need not stay in memory for the whole run. */
function withoutUnusedSource(result: FileLintResult): FileLintResult {
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
