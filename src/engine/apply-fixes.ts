import type { TextEdit } from '../model/fix.js';
import type { Finding, RenderedFix } from './run-rules.js';
import type { FixLevel } from './api.js';

export const MAX_FIX_PASSES = 10;

function wanted(fix: RenderedFix, level: Exclude<FixLevel, false>): boolean {
  if (fix.edits.length === 0) return false;
  return fix.applicability === 'safe' || (level === 'unsafe' && fix.applicability === 'unsafe');
}

const overlaps = (a: TextEdit, b: TextEdit) => a.range.start < b.range.end && b.range.start < a.range.end;

/**
 * One pass: the first applicable fix of each finding, whole or not at all, skipping any fix that
 * overlaps one already taken (the next pass gets it, as in ESLint). Returns undefined when nothing applies.
 */
export function applyOnePass(text: string, findings: readonly Finding[], level: Exclude<FixLevel, false>): string | undefined {
  const taken: TextEdit[] = [];
  for (const finding of findings) {
    const fix = finding.fixes.find((f) => wanted(f, level));
    if (!fix) continue;
    const touching = (edit: TextEdit) => taken.some((t) => overlaps(t, edit) || (t.range.start === edit.range.start && t.range.end === edit.range.end));
    if (fix.edits.some(touching)) continue;
    taken.push(...fix.edits);
  }
  if (taken.length === 0) return undefined;
  // Built in one pass from the start: splicing each edit into the whole text copied the text once
  // per edit, quadratic over a template with thousands of fixes.
  taken.sort((a, b) => a.range.start - b.range.start);
  const parts: string[] = [];
  let cursor = 0;
  for (const edit of taken) {
    parts.push(text.slice(cursor, edit.range.start), edit.text);
    cursor = edit.range.end;
  }
  parts.push(text.slice(cursor));
  const result = parts.join('');
  return result === text ? undefined : result;
}
