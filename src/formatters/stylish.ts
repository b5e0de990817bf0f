import { relative } from 'node:path';
import pc from 'picocolors';
import type { LintMessage, LintResult, RelatedMessage } from '../engine/result.js';
import { codeFrame, defaultFrameOptions, splitLines } from './code-frame.js';
import { collected, type StreamingFormatter } from './types.js';

type Colors = ReturnType<typeof pc.createColors>;

const maxAlignedMessage = 72;

/**
 * ESLint's `stylish` layout (underlined path, `line:col  level  message  rule`, the ✖ summary),
 * with a code frame under each finding and `info` as a third level.
 */
export const stylishStream: StreamingFormatter = (context) => {
  const c = pc.createColors(context.color);
  const totals = { error: 0, warning: 0, info: 0, fixableError: 0, fixableWarning: 0, unsafeFixable: 0, suppressed: 0 };
  // Without a single problem the report is empty (or only the suppressed count): file blocks wait
  // here until a problem is counted.
  let held = '\n';
  const shown = (): string => {
    if (totals.error + totals.warning + totals.info === 0) return '';
    const text = held;
    held = '';
    return text;
  };
  return {
    write(result) {
      totals.suppressed += result.suppressedMessages.length;
      if (result.messages.length === 0) return '';
      totals.error += result.errorCount;
      totals.warning += result.warningCount;
      totals.info += result.infoCount;
      totals.fixableError += result.fixableErrorCount;
      totals.fixableWarning += result.fixableWarningCount;
      totals.unsafeFixable += result.messages.filter(onlyUnsafeFix).length;
      held += `${c.underline(result.filePath)}\n${fileBlock(result, c, context.cwd)}\n`;
      return shown();
    },
    end() {
      const total = totals.error + totals.warning + totals.info;
      // Suppressed findings are counted, so a suppression never hides a problem silently (DESIGN §3).
      const suppressed = totals.suppressed > 0 ? `${plural(totals.suppressed, 'problem')} suppressed by tl-lint-disable comments or metadata.\n` : '';
      if (total === 0) return suppressed === '' ? '' : `\n${suppressed}`;
      const summaryColor = totals.error > 0 ? c.red : totals.warning > 0 ? c.yellow : c.blue;
      const summary = (text: string): string => `${summaryColor(c.bold(text))}\n`;
      let output = shown();
      output += summary(
        `\u2716 ${plural(total, 'problem')} (${plural(totals.error, 'error')}, ${plural(totals.warning, 'warning')}, ${plural(totals.info, 'info')})`,
      );
      if (totals.fixableError > 0 || totals.fixableWarning > 0) {
        output += summary(
          `  ${plural(totals.fixableError, 'error')} and ${plural(totals.fixableWarning, 'warning')} potentially fixable with the \`--fix\` option.`,
        );
      }
      if (totals.unsafeFixable > 0) {
        output += summary(`  ${plural(totals.unsafeFixable, 'problem')} potentially fixable with the \`--unsafe-fixes\` option.`);
      }
      return output + suppressed;
    },
  };
};

export const stylish = collected(stylishStream);

function fileBlock(result: LintResult, c: Colors, cwd: string): string {
  const text = result.output ?? result.source;
  const lines = text === undefined ? undefined : splitLines(text);
  const rows = result.messages.map((message) => ({
    message,
    line: String(message.line),
    column: String(message.column),
    level: levelOf(message),
    text: withoutFinalPeriod(message.message),
  }));
  const width = (cell: (row: (typeof rows)[number]) => string): number => Math.max(...rows.map((row) => cell(row).length));
  const widths = {
    line: width((r) => r.line),
    column: width((r) => r.column),
    level: width((r) => r.level),
    // Rule ids line up after short messages; a long message is not a reason to push every id off screen.
    text: Math.min(width((r) => r.text), maxAlignedMessage),
  };

  return rows
    .map((row) => {
      const cells = [
        '',
        `${' '.repeat(widths.line - row.line.length)}${c.dim(`${row.line}:${row.column}`)}${' '.repeat(widths.column - row.column.length)}`,
        markerColor(row.level, c)(row.level) + ' '.repeat(widths.level - row.level.length),
        row.text + ' '.repeat(Math.max(0, widths.text - row.text.length)),
        row.message.ruleId === null ? '' : c.dim(row.message.ruleId),
      ];
      const style = { gutter: c.dim, marker: markerColor(row.level, c) };
      const frame = lines === undefined ? [] : codeFrame(lines, row.message, { ...defaultFrameOptions, style });
      const notes = (row.message.related ?? []).map(
        (related) => `${c.dim('related')} ${withoutFinalPeriod(related.message)} ${c.dim(`(${where(related, result.filePath, cwd)})`)}`,
      );
      const details = [...frame, ...notes].map((line) => `    ${line}\n`).join('');
      return { text: `${cells.join('  ').trimEnd()}\n${details}`, spaced: details !== '' };
    })
    .map((entry, index, all) => (entry.spaced && index < all.length - 1 ? `${entry.text}\n` : entry.text))
    .join('');
}

type LevelLabel = 'error' | 'warning' | 'info';

function levelOf(message: LintMessage): LevelLabel {
  if (message.fatal === true || message.severity === 2) return 'error';
  return message.severity === 1 ? 'warning' : 'info';
}

function markerColor(level: LevelLabel, c: Colors): (text: string) => string {
  return level === 'error' ? c.red : level === 'warning' ? c.yellow : c.blue;
}

function onlyUnsafeFix(message: LintMessage): boolean {
  return message.fix === undefined && (message.suggestions?.length ?? 0) > 0;
}

/** ESLint drops a final period unless a space precedes it. */
function withoutFinalPeriod(text: string): string {
  return text.length > 1 && text.endsWith('.') && text.at(-2) !== ' ' ? text.slice(0, -1) : text;
}

function where(related: RelatedMessage, filePath: string, cwd: string): string {
  const position = `${String(related.line)}:${String(related.column)}`;
  return related.filePath === filePath ? position : `${relative(cwd, related.filePath)}:${position}`;
}

function plural(count: number, word: string): string {
  return `${String(count)} ${count === 1 ? word : `${word}s`}`;
}
