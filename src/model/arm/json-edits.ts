// Raw edits of the prepared text on the current jsonc-parser tree. Formatting is applied after.
import { createScanner, SyntaxKind, type Node as JsonNode } from 'jsonc-parser';
import type { JsonValue } from '../value.js';
import type { RawEdit } from './working-copy.js';

export function serialize(value: JsonValue): string {
  return JSON.stringify(value);
}

export function replaceValue(node: JsonNode, value: JsonValue): RawEdit[] {
  return [{ offset: node.offset, length: node.length, content: serialize(value) }];
}

/**
 * Appends a member (`"key": value` or a value) to an object or array. When the last member has a
 * comment on its line, the new member goes after the comment, so the comment stays with the
 * member it describes. `text` may be a part of the document that starts at `textStart` and
 * holds the container's end.
 */
export function appendMember(text: string, container: JsonNode, member: string, eol: string, textStart = 0): RawEdit[] {
  const last = container.children?.at(-1);
  if (last === undefined) return [{ offset: container.offset + 1, length: 0, content: member }];
  const lastEnd = last.offset + last.length;
  const scanner = createScanner(text, false);
  scanner.setPosition(lastEnd - textStart);
  let insertAt = lastEnd;
  let hasComma = false;
  let afterLineComment = false;
  for (let token = scanner.scan(); ; token = scanner.scan()) {
    const tokenEnd = textStart + scanner.getTokenOffset() + scanner.getTokenLength();
    if (token === SyntaxKind.Trivia) continue;
    if (token === SyntaxKind.CommaToken && !hasComma) {
      hasComma = true;
      insertAt = tokenEnd;
    } else if (token === SyntaxKind.BlockCommentTrivia) {
      insertAt = tokenEnd;
    } else if (token === SyntaxKind.LineCommentTrivia) {
      insertAt = tokenEnd;
      afterLineComment = true;
      break;
    } else {
      break;
    }
  }
  const content = (afterLineComment ? eol : '') + member;
  if (hasComma) return [{ offset: insertAt, length: 0, content }];
  if (insertAt === lastEnd) return [{ offset: lastEnd, length: 0, content: `,${member}` }];
  return [
    { offset: lastEnd, length: 0, content: ',' },
    { offset: insertAt, length: 0, content },
  ];
}
