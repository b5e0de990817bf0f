// Removing a property from an object without leaving a stray comma, and keeping the comments
// that belong to its neighbours (jsonc-parser's own removal deletes a comment that ends the
// previous line).
import { createScanner, SyntaxKind, type Node as JsonNode } from 'jsonc-parser';
import type { RawEdit } from './working-copy.js';

interface Trailing {
  /** Where the removal may end: after the comma, a comment and the line break that follow. */
  readonly end: number;
  readonly hasComma: boolean;
  /** Nothing but whitespace, a comma and comments follows on the property's last line. */
  readonly endsLine: boolean;
}

/** What follows a property on its last line. */
function trailing(text: string, offset: number): Trailing {
  const scanner = createScanner(text, false);
  scanner.setPosition(offset);
  let end = offset;
  let hasComma = false;
  for (let token = scanner.scan(); ; token = scanner.scan()) {
    const tokenEnd = scanner.getTokenOffset() + scanner.getTokenLength();
    if (token === SyntaxKind.Trivia) continue;
    if (token === SyntaxKind.CommaToken && !hasComma) {
      hasComma = true;
      end = tokenEnd;
    } else if (token === SyntaxKind.LineCommentTrivia || token === SyntaxKind.BlockCommentTrivia) {
      end = tokenEnd;
    } else {
      return { end: token === SyntaxKind.LineBreakTrivia ? tokenEnd : end, hasComma, endsLine: token === SyntaxKind.LineBreakTrivia || token === SyntaxKind.EOF };
    }
  }
}

/** A comma with only spaces around it, on one line. */
function isPlainSeparator(text: string): boolean {
  return /^[ \t]*,[ \t]*$/.test(text);
}

/**
 * The edits that remove `property` from `object`. A property on lines of its own goes with its
 * whole lines (and a comment at the end of them); one that shares its line goes with the comma on
 * one side. The comma that separated it from its neighbour goes too, so no trailing comma is left.
 */
export function removeProperty(text: string, object: JsonNode, property: JsonNode): RawEdit[] {
  const siblings = object.children ?? [];
  const index = siblings.indexOf(property);
  const previous = index > 0 ? siblings[index - 1] : undefined;
  const next = siblings[index + 1];
  const start = property.offset;
  const end = property.offset + property.length;
  const after = trailing(text, end);
  const lineStart = startOfLine(text, start);
  const ownLines = after.endsLine && text.slice(lineStart, start).trim() === '';
  if (!ownLines && next !== undefined && isPlainSeparator(text.slice(end, next.offset))) {
    return [{ offset: start, length: next.offset - start, content: '' }];
  }
  const previousEnd = previous === undefined ? undefined : previous.offset + previous.length;
  if (!ownLines && next === undefined && previousEnd !== undefined && isPlainSeparator(text.slice(previousEnd, start))) {
    return [{ offset: previousEnd, length: end - previousEnd, content: '' }];
  }
  const removeFrom = ownLines ? lineStart : start;
  const removeTo = ownLines ? after.end : after.hasComma ? commaEnd(text, end) : end;
  const edits: RawEdit[] = [{ offset: removeFrom, length: removeTo - removeFrom, content: '' }];
  const comma =
    next === undefined
      ? previousEnd === undefined
        ? undefined
        : commaAfter(text, previousEnd)
      : after.hasComma
        ? undefined
        : commaAfter(text, end);
  if (comma !== undefined && (comma < removeFrom || comma >= removeTo)) edits.push({ offset: comma, length: 1, content: '' });
  return edits;
}

function startOfLine(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charAt(i - 1) !== '\n' && text.charAt(i - 1) !== '\r') i--;
  return i;
}

/** The offset of the next comma token after `offset`, skipping whitespace and comments. */
function commaAfter(text: string, offset: number): number | undefined {
  const scanner = createScanner(text, false);
  scanner.setPosition(offset);
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.CommaToken) return scanner.getTokenOffset();
    if (token !== SyntaxKind.Trivia && token !== SyntaxKind.LineBreakTrivia && token !== SyntaxKind.LineCommentTrivia && token !== SyntaxKind.BlockCommentTrivia) {
      return undefined;
    }
  }
  return undefined;
}

function commaEnd(text: string, offset: number): number {
  const comma = commaAfter(text, offset);
  return comma === undefined ? offset : comma + 1;
}
