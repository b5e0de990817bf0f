// The engine's surface for hosts (CLI, ESLint plugin, LSP). Hosts only translate what this returns.
import type { LintResult } from './result.js';
import type { Mode, Rule, Setting } from './rule.js';

export type FixLevel = false | 'safe' | 'unsafe';

export interface LintOptions {
  /** Base directory for config lookup and relative paths. */
  readonly cwd: string;
  /** `--config`: one config file for every file, instead of walking up from each file. */
  readonly configFile?: string;
  /** `--rule id:level` overrides, applied after the config file. */
  readonly ruleOverrides?: Readonly<Record<string, Setting>>;
  /** `--mode`; overrides the config file's mode. */
  readonly mode?: Mode;
  /** `--parameters`: a parameter file bound to every template linted. */
  readonly parametersFile?: string;
  /** Apply fixes in passes (at most 10) and return the fixed text as `output`. */
  readonly fix?: FixLevel;
  /**
   * The engine serves one run and is dropped (the CLI): the files it reads beside the templates
   * (parameter files) are taken not to change meanwhile, so each folder is read once. Long-lived
   * hosts (language server, ESLint in an editor) leave it unset and changes are seen.
   */
  readonly oneShot?: boolean;
}

export type FileKind = 'template' | 'parameters' | 'not-a-template' | 'fatal' | 'ignored';

export interface FileLintResult extends LintResult {
  readonly kind: FileKind;
}

export interface Engine {
  readonly rules: ReadonlyMap<string, Rule<unknown>>;
  /**
   * Lints one file. `text` is the content if the host already has it (editor buffer); otherwise
   * the file is read from disk. Never throws for bad input: problems become fatal messages.
   */
  lintFile(filePath: string, text?: string): Promise<FileLintResult>;
  /** Loads what `lintText` needs for this kind of file (the Bicep parser); cheap after the first call. */
  prepare(filePath: string): Promise<void>;
  /**
   * `lintFile` for a text the host already has, synchronously (ESLint's `parse` and rules are
   * synchronous). For Bicep files, `prepare` must have resolved first.
   */
  lintText(filePath: string, text: string): FileLintResult;
  /** True when the config in force for this file ignores it (`ignores` globs). */
  isIgnored(filePath: string): boolean;
}
