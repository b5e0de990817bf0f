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

/**
 * A formatter that can write its report while results come in, in order, so a run over a large
 * tree need not hold every result: `write` returns the text for one result, `end` the rest. The
 * concatenation is exactly what the plain formatter returns for the same results.
 */
export interface ReportStream {
  write(result: LintResult): string;
  end(): string;
}

export type StreamingFormatter = (context: FormatContext) => ReportStream;

/** The plain formatter of a streaming one: every result through one stream. */
export function collected(stream: StreamingFormatter): Formatter {
  return (results, context) => {
    const report = stream(context);
    let text = '';
    for (const result of results) text += report.write(result);
    return text + report.end();
  };
}
