/**
 * A small stand-in for the real engine, so the CLI is tested on its own: it classifies files by
 * `$schema`, flags marker strings with fixes, honours --rule levels, --fix levels and ignores.
 */
import { readFileSync } from 'node:fs';
import type { Engine, FileKind, FileLintResult, LintOptions } from '../../src/engine/api.js';
import type { LintMessage, Severity } from '../../src/engine/result.js';
import { noOptions, type Level, type Rule } from '../../src/engine/rule.js';
import { createSourceFile, positionAt, type SourceFile } from '../../src/model/source.js';
import type { CliHost } from '../../src/cli/host.js';
import type { CliIo } from '../../src/cli/io.js';

interface Marker {
  readonly ruleId: string;
  readonly find: string;
  readonly message: string;
  readonly safe?: string;
  readonly unsafe?: string;
}

/** `"2019-03-01"` is an error with a safe fix; `"warn-me"` a warning; `"info-me"` an info; `"unsafe-me"` an error with only an unsafe fix. */
const markers: readonly Marker[] = [
  { ruleId: 'fake-api-version', find: '"2019-03-01"', message: 'apiVersion 2019-03-01 is too old.', safe: '"2022-03-01"' },
  { ruleId: 'fake-warning', find: '"warn-me"', message: 'Something to look at.' },
  { ruleId: 'fake-info', find: '"info-me"', message: 'Good to know.' },
  { ruleId: 'fake-unsafe', find: '"unsafe-me"', message: 'Needs an unsafe fix.', unsafe: '"fixed-unsafely"' },
];

const levels: Readonly<Record<string, Level>> = {
  'fake-api-version': 'error',
  'fake-warning': 'warn',
  'fake-info': 'info',
  'fake-unsafe': 'error',
};

export const fakeRules: readonly Rule<unknown>[] = Object.entries(levels).map(([id, level]) => ({
  meta: {
    id,
    level,
    mode: 'both',
    description: `Flags the ${id} marker.`,
    messages: { found: 'found' },
    fix: id === 'fake-api-version' ? 'safe' : id === 'fake-unsafe' ? 'unsafe' : 'none',
    options: noOptions,
  },
  check: () => undefined,
}));

const severityOf: Readonly<Record<Level, Severity>> = { error: 2, warn: 1, info: 0 };

export class FakeEngine implements Engine {
  readonly rules = new Map(fakeRules.map((rule) => [rule.meta.id, rule]));
  readonly linted: string[] = [];

  constructor(
    readonly options: LintOptions,
    private readonly ignored: readonly string[] = [],
    private readonly whileLinting?: (filePath: string) => void,
  ) {}

  isIgnored(filePath: string): boolean {
    return this.ignored.some((suffix) => filePath.endsWith(suffix));
  }

  lintFile(filePath: string, text?: string): Promise<FileLintResult> {
    this.linted.push(filePath);
    const file = createSourceFile(filePath, text ?? readFileSync(filePath, 'utf8'));
    this.whileLinting?.(filePath);
    return Promise.resolve(this.lintSource(file));
  }

  prepare(): Promise<void> {
    return Promise.resolve();
  }

  lintText(filePath: string, text: string): FileLintResult {
    this.linted.push(filePath);
    return this.lintSource(createSourceFile(filePath, text));
  }

  private lintSource(original: SourceFile): FileLintResult {
    const kind = classify(original.text);
    if (kind === 'fatal') return fatal(original);
    if (kind !== 'template') return summarize(original, [], kind);
    let file = original;
    if (this.options.fix) {
      let text = original.text;
      for (const marker of markers) {
        const replacement = marker.safe ?? (this.options.fix === 'unsafe' ? marker.unsafe : undefined);
        if (replacement !== undefined && this.levelOf(marker.ruleId) !== 'off') text = text.split(marker.find).join(replacement);
      }
      file = { ...original, text };
    }
    const result = summarize(file, this.findings(file), 'template');
    return file.text === original.text ? result : { ...result, output: file.text };
  }

  private levelOf(ruleId: string): Level | 'off' {
    return this.options.ruleOverrides?.[ruleId] ?? levels[ruleId] ?? 'off';
  }

  private findings(file: SourceFile): LintMessage[] {
    const messages: LintMessage[] = [];
    for (const marker of markers) {
      const level = this.levelOf(marker.ruleId);
      if (level === 'off') continue;
      for (let at = file.text.indexOf(marker.find); at !== -1; at = file.text.indexOf(marker.find, at + 1)) {
        const end = at + marker.find.length;
        const start = positionAt(file, at);
        const stop = positionAt(file, end);
        messages.push({
          ruleId: marker.ruleId,
          severity: severityOf[level],
          message: marker.message,
          messageId: 'found',
          line: start.line,
          column: start.column,
          endLine: stop.line,
          endColumn: stop.column,
          ...(marker.safe === undefined ? {} : { fix: { range: [at, end] as const, text: marker.safe } }),
          ...(marker.unsafe === undefined ? {} : { suggestions: [{ desc: 'Fix it unsafely', fix: { range: [at, end] as const, text: marker.unsafe } }] }),
          offset: at,
          length: end - at,
        });
      }
    }
    return messages.sort((a, b) => a.offset - b.offset);
  }
}

function classify(text: string): FileKind {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'fatal';
  }
  const schema = typeof parsed === 'object' && parsed !== null && '$schema' in parsed ? String(parsed.$schema) : '';
  if (schema.includes('deploymentTemplate')) return 'template';
  if (schema.includes('deploymentParameters')) return 'parameters';
  return 'not-a-template';
}

function fatal(file: SourceFile): FileLintResult {
  const message: LintMessage = {
    ruleId: null,
    fatal: true,
    severity: 2,
    message: 'Parsing error: the file is not valid JSON.',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    offset: 0,
    length: 0,
  };
  return { ...summarize(file, [message], 'fatal'), fatalErrorCount: 1 };
}

function summarize(file: SourceFile, messages: readonly LintMessage[], kind: FileKind): FileLintResult {
  const count = (predicate: (m: LintMessage) => boolean): number => messages.filter(predicate).length;
  return {
    kind,
    filePath: file.path,
    messages,
    suppressedMessages: [],
    errorCount: count((m) => m.severity === 2),
    warningCount: count((m) => m.severity === 1),
    infoCount: count((m) => m.severity === 0),
    fatalErrorCount: 0,
    fixableErrorCount: count((m) => m.severity === 2 && m.fix !== undefined),
    fixableWarningCount: count((m) => m.severity === 1 && m.fix !== undefined),
    source: file.text,
  };
}

export interface FakeHost extends CliHost {
  /** The engines created, latest last, to check what the CLI passed. */
  readonly engines: FakeEngine[];
}

export interface FakeHostOptions {
  /** Paths ending in one of these are ignored by the config. */
  readonly ignored?: readonly string[];
  /** Called after a file is read and before its result is returned (to change it on disk meanwhile). */
  readonly whileLinting?: (filePath: string) => void;
}

export function fakeHost(packageRoot: string, options: FakeHostOptions = {}): FakeHost {
  const engines: FakeEngine[] = [];
  return {
    engines,
    rules: fakeRules,
    packageRoot,
    createEngine: (lintOptions) => {
      const engine = new FakeEngine(lintOptions, options.ignored ?? [], options.whileLinting);
      engines.push(engine);
      return Promise.resolve(engine);
    },
  };
}

export interface CapturedIo {
  readonly io: CliIo;
  readonly stdout: () => string;
  readonly stderr: () => string;
}

export function captureIo(cwd: string, options: { readonly isTTY?: boolean; readonly env?: Record<string, string> } = {}): CapturedIo {
  let out = '';
  let err = '';
  return {
    io: {
      cwd,
      env: options.env ?? {},
      stdout: { write: (text) => void (out += text), isTTY: options.isTTY ?? false },
      stderr: { write: (text) => void (err += text) },
    },
    stdout: () => out,
    stderr: () => err,
  };
}
