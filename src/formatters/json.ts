import type { LintMessage, LintResult } from '../engine/result.js';
import { collected, type StreamingFormatter } from './types.js';

/**
 * ESLint's JSON formatter output: the keys ESLint's own `LintResult` and `LintMessage` have, in
 * ESLint's order, so tools that read ESLint JSON read ours. Our own fields (kind, infoCount,
 * offset, length, related) stay out.
 */
export const jsonStream: StreamingFormatter = () => {
  let separator = '[';
  return {
    write(result) {
      const text = separator + JSON.stringify(toEslintResult(result));
      separator = ',';
      return text;
    },
    end: () => (separator === '[' ? '[]' : ']'),
  };
};

export const json = collected(jsonStream);

interface EslintResult {
  readonly filePath: string;
  readonly messages: readonly EslintMessage[];
  readonly suppressedMessages: readonly EslintMessage[];
  readonly errorCount: number;
  readonly fatalErrorCount: number;
  readonly warningCount: number;
  readonly fixableErrorCount: number;
  readonly fixableWarningCount: number;
  readonly output?: string;
  readonly source?: string;
  readonly usedDeprecatedRules: readonly never[];
}

type EslintMessage = Pick<
  LintMessage,
  'ruleId' | 'fatal' | 'severity' | 'message' | 'line' | 'column' | 'messageId' | 'endLine' | 'endColumn' | 'fix' | 'suggestions'
>;

export function toEslintResult(result: LintResult): EslintResult {
  // ESLint keeps `source` only when there are problems and no fixed `output` to show instead.
  const withSource = result.errorCount + result.warningCount > 0 && result.output === undefined;
  return {
    filePath: result.filePath,
    messages: result.messages.map(toEslintMessage),
    suppressedMessages: result.suppressedMessages.map(toEslintMessage),
    errorCount: result.errorCount,
    fatalErrorCount: result.fatalErrorCount,
    warningCount: result.warningCount,
    fixableErrorCount: result.fixableErrorCount,
    fixableWarningCount: result.fixableWarningCount,
    ...(result.output === undefined ? {} : { output: result.output }),
    ...(withSource && result.source !== undefined ? { source: result.source } : {}),
    usedDeprecatedRules: [],
  };
}

function toEslintMessage(message: LintMessage): EslintMessage {
  return {
    ruleId: message.ruleId,
    ...(message.fatal ? { fatal: true } : {}),
    severity: message.severity,
    message: message.message,
    line: message.line,
    column: message.column,
    ...(message.messageId === undefined ? {} : { messageId: message.messageId }),
    endLine: message.endLine,
    endColumn: message.endColumn,
    ...(message.fix === undefined ? {} : { fix: { range: message.fix.range, text: message.fix.text } }),
    ...(message.suggestions === undefined || message.suggestions.length === 0
      ? {}
      : {
          suggestions: message.suggestions.map((s) => ({
            desc: s.desc,
            fix: { range: s.fix.range, text: s.fix.text },
          })),
        }),
  };
}
