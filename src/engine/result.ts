/** Results in the ESLint JSON formatter's shape (DESIGN §3), plus what our own formatters need. */

export type Severity = 0 | 1 | 2;

export interface MessageFix {
  /** [start, end) offsets in the file text as read (BOM excluded). */
  readonly range: readonly [number, number];
  readonly text: string;
  /** What the fix does ("Set securityType to TrustedLaunch"), for editors' quick-fix titles. Not part of ESLint's shape. */
  readonly desc?: string;
}

export interface MessageSuggestion {
  readonly desc: string;
  readonly fix: MessageFix;
}

export interface RelatedMessage {
  readonly filePath: string;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface LintMessage {
  readonly ruleId: string | null;
  readonly severity: Severity;
  readonly message: string;
  readonly messageId?: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly fatal?: true;
  /** The safe fix. */
  readonly fix?: MessageFix;
  /** Unsafe fixes (and safe ones beyond the first), applied by `--unsafe-fixes`. */
  readonly suggestions?: readonly MessageSuggestion[];
  readonly related?: readonly RelatedMessage[];
  /** The innermost resource containing the finding (type and written name, with its parents), for fingerprints. */
  readonly resourceKey?: string;
  /** Offsets of the primary range, for formatters that want them (SARIF). */
  readonly offset: number;
  readonly length: number;
}

export interface LintResult {
  readonly filePath: string;
  readonly messages: readonly LintMessage[];
  readonly suppressedMessages: readonly LintMessage[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly infoCount: number;
  readonly fatalErrorCount: number;
  readonly fixableErrorCount: number;
  readonly fixableWarningCount: number;
  /** The fixed text, when fixing changed it. */
  readonly output?: string;
  /** The text linted (for code frames). */
  readonly source?: string;
}
