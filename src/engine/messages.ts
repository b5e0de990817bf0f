import { positionAt, type SourceFile, type TextRange } from '../model/source.js';
import type { TextEdit } from '../model/fix.js';
import type { LintMessage, MessageFix, Severity } from './result.js';
import type { Finding } from './run-rules.js';
import type { Level } from './rule.js';

const SEVERITY: Readonly<Record<Level, Severity>> = { error: 2, warn: 1, info: 0 };

function location(file: SourceFile, range: TextRange) {
  const start = positionAt(file, range.start);
  const end = positionAt(file, range.end);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** ESLint fixes are one replacement: several edits merge into one spanning them (as ESLint's mergeFixes). */
export function mergeEdits(text: string, edits: readonly TextEdit[]): MessageFix {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start);
  const start = sorted[0]?.range.start ?? 0;
  const end = Math.max(...sorted.map((e) => e.range.end), start);
  let merged = '';
  let cursor = start;
  for (const edit of sorted) {
    merged += text.slice(cursor, edit.range.start) + edit.text;
    cursor = edit.range.end;
  }
  return { range: [start, end], text: merged + text.slice(cursor, end) };
}

export function toMessage(file: SourceFile, finding: Finding): LintMessage {
  const { range } = finding.report;
  const applicable = finding.fixes.filter((f) => f.applicability !== 'display-only' && f.edits.length > 0);
  const safe = applicable.find((f) => f.applicability === 'safe');
  const suggestions = applicable
    .filter((f) => f !== safe)
    .map((f) => ({ desc: f.title, fix: mergeEdits(file.text, f.edits) }));
  return {
    ruleId: finding.ruleId,
    severity: SEVERITY[finding.level],
    message: finding.message,
    messageId: finding.messageId,
    ...location(file, range),
    ...(safe ? { fix: { ...mergeEdits(file.text, safe.edits), desc: safe.title } } : {}),
    ...(suggestions.length > 0 ? { suggestions } : {}),
    ...(finding.related.length > 0
      ? {
          related: finding.related.map((r) => ({ filePath: r.file.path, message: r.message, ...location(r.file, r.range) })),
        }
      : {}),
    offset: range.start,
    length: range.end - range.start,
  };
}

export function fatalMessage(file: SourceFile, offset: number, message: string): LintMessage {
  return {
    ruleId: null,
    severity: 2,
    fatal: true,
    message,
    ...location(file, { start: offset, end: offset }),
    offset,
    length: 0,
  };
}
