import type { LintMessage, LintResult } from './result.js';

export function summarize(
  filePath: string,
  messages: readonly LintMessage[],
  suppressedMessages: readonly LintMessage[],
  source?: string,
): LintResult {
  const count = (predicate: (m: LintMessage) => boolean) => messages.filter(predicate).length;
  return {
    filePath,
    messages,
    suppressedMessages,
    errorCount: count((m) => m.severity === 2),
    warningCount: count((m) => m.severity === 1),
    infoCount: count((m) => m.severity === 0),
    fatalErrorCount: count((m) => m.fatal === true),
    fixableErrorCount: count((m) => m.severity === 2 && m.fix !== undefined),
    fixableWarningCount: count((m) => m.severity === 1 && m.fix !== undefined),
    ...(source === undefined ? {} : { source }),
  };
}
