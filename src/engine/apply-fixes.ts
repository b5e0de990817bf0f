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
  taken.sort((a, b) => b.range.start - a.range.start);
  let result = text;
  for (const edit of taken) result = result.slice(0, edit.range.start) + edit.text + result.slice(edit.range.end);
  return result === text ? undefined : result;
}
