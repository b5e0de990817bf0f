import { workspacePath } from '../cli/paths.js';
import type { LintMessage, LintResult } from '../engine/result.js';
import type { Formatter } from './types.js';

const LEVEL = ['info', 'warning', 'error'] as const;

/**
 * GitHub-flavoured Markdown for pull-request comments: a summary line, then a table per file with
 * problems (position, level, rule, message, fix). A clean run says so in one line.
 */
export const markdown: Formatter = (results, context) => {
  const withProblems = results.filter((result) => result.messages.length > 0);
  const count = (pick: (result: LintResult) => number) => results.reduce((sum, result) => sum + pick(result), 0);
  const errors = count((r) => r.errorCount);
  const warnings = count((r) => r.warningCount);
  const infos = count((r) => r.infoCount);
  const total = count((r) => r.messages.length);
  if (total === 0) return `**tl-lint**: no problems in ${plural(results.length, 'file')}.\n`;
  const sections = withProblems.map((result) => fileTable(workspacePath(result.filePath, context.cwd), result.messages));
  const summary = `**tl-lint**: ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}) in ${plural(withProblems.length, 'file')}.`;
  return `${[summary, ...sections].join('\n\n')}\n`;
};

function fileTable(path: string, messages: readonly LintMessage[]): string {
  const rows = messages.map((message) => {
    const level = message.fatal === true ? 'error' : LEVEL[message.severity];
    const rule = message.ruleId === null ? '' : `\`${message.ruleId}\``;
    const fix = message.fix ? 'safe' : (message.suggestions?.length ?? 0) > 0 ? 'unsafe' : '';
    return `| ${String(message.line)}:${String(message.column)} | ${level} | ${rule} | ${cell(message.message)} | ${fix} |`;
  });
  return [`#### ${codeSpan(path)}`, '', '| Line | Level | Rule | Message | Fix |', '| ---: | --- | --- | --- | --- |', ...rows].join('\n');
}

/** Table cells: a `|` would end the cell, a newline the row, and `<` could start HTML. */
function cell(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll('<', '&lt;').replace(/\r?\n/g, '<br>');
}

/** A code span that survives backticks in the text (CommonMark: a longer fence than any run inside). */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return longest > 0 ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

function plural(count: number, word: string): string {
  return `${String(count)} ${count === 1 ? word : `${word}s`}`;
}
