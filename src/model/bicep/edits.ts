// Text edits of Bicep objects and arrays in the file's layout: members go on lines of their own,
// indented like their siblings, before the closing brace's line, so comments stay where they are.
// Objects and arrays written on one line take a comma-separated member, or are laid out again
// over several lines when the new member spans lines.
import type { WorkingText } from './working-text.js';
import type { JsonValue } from '../value.js';
import { renderValue, type Layout } from './print.js';
import type { SyntaxNode } from './syntax.js';

export function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charAt(i - 1) !== '\n' && text.charAt(i - 1) !== '\r') i--;
  return i;
}

export function lineEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text.charAt(i) !== '\n' && text.charAt(i) !== '\r') i++;
  return i;
}

export function lineIndent(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))?.[0] ?? '';
}

/** The file's indentation unit: that of the first indented line (two spaces when none is). */
export function detectLayout(text: string, eol: string): Layout {
  const indent = /^([ \t]+)\S/m.exec(text)?.[1];
  if (indent === undefined) return { unit: '  ', eol };
  return { unit: indent.startsWith('\t') ? '\t' : indent, eol };
}

/** Members of an object (`key: value` lines) or an array (items), rendered at `indent`. */
export type MemberRenderer = (indent: string) => readonly string[] | undefined;

export function objectMembers(entries: readonly (readonly [string, JsonValue])[], key: (name: string) => string, layout: Layout): MemberRenderer {
  return (indent) => {
    const lines: string[] = [];
    for (const [name, value] of entries) {
      const rendered = renderValue(value, indent, layout);
      if (rendered === undefined) return undefined;
      lines.push(`${key(name)}: ${rendered}`);
    }
    return lines;
  };
}

/**
 * Adds members at the end of an object or array. `members` are the container's current members
 * and `hasComment` tells whether a comment lies inside it (a one-line container with one is not
 * laid out again).
 */
export function addMembers(
  copy: WorkingText,
  container: SyntaxNode,
  members: readonly SyntaxNode[],
  render: MemberRenderer,
  layout: Layout,
  hasComment: boolean,
): boolean {
  const { text } = copy;
  const closing = container.end - 1;
  const outer = lineIndent(text, container.start);
  const multiline = /[\r\n]/.test(text.slice(container.start, container.end));
  if (multiline) {
    const first = members[0];
    const indent = first !== undefined && lineStart(text, first.start) > container.start ? lineIndent(text, first.start) : lineIndent(text, closing) + layout.unit;
    const lines = render(indent);
    if (lines === undefined) return false;
    const closingLine = lineStart(text, closing);
    if (text.slice(closingLine, closing).trim() === '') {
      copy.apply(closingLine, 0, lines.map((line) => `${indent}${line}${layout.eol}`).join(''));
      return true;
    }
    let contentEnd = closing;
    while (contentEnd > container.start + 1 && /[ \t]/.test(text.charAt(contentEnd - 1))) contentEnd--;
    const content = lines.map((line) => `${layout.eol}${indent}${line}`).join('') + layout.eol + lineIndent(text, closing);
    copy.apply(contentEnd, closing - contentEnd, content);
    return true;
  }
  const inner = outer + layout.unit;
  const lines = render(inner);
  if (lines === undefined) return false;
  const last = members.at(-1);
  if (last !== undefined && lines.every((line) => !/[\r\n]/.test(line))) {
    copy.apply(last.end, 0, lines.map((line) => `, ${line}`).join(''));
    return true;
  }
  if (hasComment) return false;
  const existing = members.map((member) => text.slice(member.start, member.end));
  const all = [...existing, ...lines].map((line) => `${inner}${line}`).join(layout.eol);
  const open = text.charAt(container.start);
  const close = text.charAt(closing);
  copy.apply(container.start, container.end - container.start, `${open}${layout.eol}${all}${layout.eol}${outer}${close}`);
  return true;
}

/**
 * Removes a member. On lines of its own it goes with those lines (and a comment at their end);
 * written inline, with the comma that separates it from its neighbour.
 */
export function removeMember(copy: WorkingText, member: SyntaxNode, container: SyntaxNode): void {
  const { text } = copy;
  const start = lineStart(text, member.start);
  const end = lineEnd(text, member.end);
  const rest = text.slice(member.end, end);
  if (text.slice(start, member.start).trim() === '' && /^\s*(?:,\s*)?(\/\/.*|\/\*.*\*\/\s*)?$/.test(rest)) {
    let next = end;
    if (text.startsWith('\r\n', next)) next += 2;
    else if (next < text.length) next += 1;
    copy.apply(start, next - start, '');
    return;
  }
  const after = /^\s*,\s*/.exec(text.slice(member.end, container.end))?.[0];
  if (after !== undefined) {
    copy.apply(member.start, member.end + after.length - member.start, '');
    return;
  }
  const before = /,\s*$/.exec(text.slice(container.start, member.start))?.[0];
  const from = member.start - (before?.length ?? 0);
  copy.apply(from, member.end - from, '');
}
