import { workspacePath } from '../cli/paths.js';
import type { LintMessage } from '../engine/result.js';
import { collected, type StreamingFormatter } from './types.js';

const COMMAND = ['notice', 'warning', 'error'] as const;

/**
 * GitHub Actions workflow commands, one annotation per finding:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<rule>::message`.
 * https://docs.github.com/actions/reference/workflows-and-actions/workflow-commands
 */
export const githubStream: StreamingFormatter = (context) => ({
  write: (result) => result.messages.map((message) => annotation(workspacePath(result.filePath, context.cwd), message)).join(''),
  end: () => '',
});

export const github = collected(githubStream);

function annotation(file: string, message: LintMessage): string {
  const command = message.fatal === true ? 'error' : COMMAND[message.severity];
  const where: [string, string][] = [['file', file]];
  if (message.line >= 1) {
    where.push(['line', String(message.line)], ['col', String(message.column)], ['endLine', String(message.endLine)], ['endColumn', String(message.endColumn)]);
  }
  where.push(['title', message.ruleId ?? (message.fatal === true ? 'parse error' : 'tl-lint')]);
  const properties = where.map(([key, value]) => `${key}=${escapeProperty(value)}`).join(',');
  return `::${command} ${properties}::${escapeData(message.message)}\n`;
}


// The escapes of @actions/core's `issueCommand` (toolkit packages/core/src/command.ts).
function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
