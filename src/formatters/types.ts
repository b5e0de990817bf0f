import type { LintResult } from '../engine/result.js';
import type { RuleMeta } from '../engine/rule.js';

/** The tool that produced the results, for formats that describe it (SARIF's `tool.driver`). */
export interface ToolInfo {
  readonly name: string;
  readonly version: string;
  /** The date and sources of the Azure data tables (`DATA_VERSION`). */
  readonly dataVersion?: string;
  /** The directory holding `<rule-id>.md`, the rules' docs pages. */
  readonly docsDirectory?: string;
}

export interface FormatContext {
  /** Emit ANSI colours. */
  readonly color: boolean;
  /** The directory paths are shown relative to, where a formatter shows relative paths. */
  readonly cwd: string;
  /** Every rule of the run, for formats that list rules (SARIF's `tool.driver.rules`, JUnit test cases). */
  readonly rules?: readonly RuleMeta<unknown>[];
  readonly tool?: ToolInfo;
}

/** Turns lint results into the text written to stdout or `--output-file`. */
export type Formatter = (results: readonly LintResult[], context: FormatContext) => string;
