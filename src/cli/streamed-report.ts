import type { LintResult } from '../engine/result.js';
import type { ReportStream } from '../formatters/index.js';
import type { OutputStream } from './io.js';
import type { LintedFile } from './lint-files.js';
import type { Progress } from './progress.js';

export interface Totals {
  errors: number;
  warnings: number;
}

/**
 * A report written to stdout or the `--output-file` while the files are linted (lintFiles'
 * `onLinted`), so a run over a large tree holds no results: what it writes is byte for byte what
 * the formatter would return for all the results at the end. The progress line is cleared before
 * each write.
 */
export class StreamedReport {
  private readonly totals: Totals = { errors: 0, warnings: 0 };
  private wroteAny = false;
  private endsWithNewline = false;

  constructor(
    private readonly stream: ReportStream,
    /** stdout, or the `--output-file` (ReportFile). */
    private readonly out: OutputStream,
    /** `--quiet`: what is shown of a result (the counts are of the whole result). */
    private readonly shown: (results: readonly LintResult[]) => LintResult[],
    /** The progress line on stderr, cleared before each write to a terminal. */
    private readonly progress: Progress | undefined,
    /** stdout ends with a line break, as the report printed at the end did; a report file is written as the formatter made it. */
    private readonly endWithNewline = true,
  ) {}

  readonly onLinted = (entry: LintedFile): void => {
    this.totals.errors += entry.result.errorCount;
    this.totals.warnings += entry.result.warningCount;
    for (const result of this.shown([entry.result])) this.write(this.stream.write(result));
  };

  /** Writes the end of the report; returns the counts for the exit code. */
  finish(): Totals {
    this.write(this.stream.end());
    if (this.endWithNewline && this.wroteAny && !this.endsWithNewline) this.out.write('\n');
    return this.totals;
  }

  private write(text: string): void {
    if (text === '') return;
    this.progress?.finish();
    this.out.write(text);
    this.wroteAny = true;
    this.endsWithNewline = text.endsWith('\n');
  }
}
