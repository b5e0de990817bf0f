// jsonc-parser is stricter than ARM's Json.NET reader in two ways that real templates hit: raw
// control characters (multi-line scripts, certificates) inside strings, and Unicode whitespace
// between tokens. Both are blanked to plain spaces of the same UTF-16 length, so every offset the
// parser reports is still an offset into the original text. Values are decoded from the original.

/** Beyond this depth the file is refused: jsonc-parser's parseTree is recursive (measured: a stack
 * overflow between 1,000 and 5,000 nested objects on Node 20). The corpus never exceeds 30. */
export const MAX_NESTING = 512;

export interface PreparedText {
  /** Same length as the original; only blanked characters differ. */
  readonly text: string;
  /** Strings that held raw control characters: start (the opening quote) → end (after the closing quote). */
  readonly blankedStrings: ReadonlyMap<number, number>;
  /** Closing characters still expected at the end of the text, innermost last. */
  readonly unclosed: readonly string[];
  /** The offset of the first bracket past MAX_NESTING, if any. */
  readonly tooDeepAt: number | undefined;
}

/** Whitespace that Json.NET skips between tokens but jsonc-parser rejects (it knows only space and tab). */
function isExtraWhitespace(code: number): boolean {
  return (
    code === 0x0b ||
    code === 0x0c ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

const NORMAL = 0;
const STRING = 1;
const LINE_COMMENT = 2;
const BLOCK_COMMENT = 3;
type State = typeof NORMAL | typeof STRING | typeof LINE_COMMENT | typeof BLOCK_COMMENT;

export function prepareText(original: string): PreparedText {
  const blanked: number[] = [];
  const blankedStrings = new Map<number, number>();
  let stringBlanked = false;
  const unclosed: string[] = [];
  let tooDeepAt: number | undefined;
  let state = NORMAL as State;
  let stringStart = 0;
  const length = original.length;
  for (let i = 0; i < length; i++) {
    const code = original.charCodeAt(i);
    switch (state) {
      case NORMAL:
        if (code === 0x22) {
          state = STRING;
          stringStart = i;
          stringBlanked = false;
        } else if (code === 0x2f && original.charCodeAt(i + 1) === 0x2f) {
          state = LINE_COMMENT;
          i++;
        } else if (code === 0x2f && original.charCodeAt(i + 1) === 0x2a) {
          state = BLOCK_COMMENT;
          i++;
        } else if (code === 0x7b || code === 0x5b) {
          unclosed.push(code === 0x7b ? '}' : ']');
          if (unclosed.length > MAX_NESTING && tooDeepAt === undefined) tooDeepAt = i;
        } else if (code === 0x7d || code === 0x5d) {
          unclosed.pop();
        } else if (code > 0x20 ? isExtraWhitespace(code) : code === 0x0b || code === 0x0c) {
          blanked.push(i);
        }
        break;
      case STRING:
        if (code === 0x5c) i++;
        else if (code === 0x22) {
          state = NORMAL;
          if (stringBlanked) blankedStrings.set(stringStart, i + 1);
        } else if (code < 0x20) {
          blanked.push(i);
          stringBlanked = true;
        }
        break;
      case LINE_COMMENT:
        if (code === 0x0a || code === 0x0d) state = NORMAL;
        break;
      case BLOCK_COMMENT:
        if (code === 0x2a && original.charCodeAt(i + 1) === 0x2f) {
          state = NORMAL;
          i++;
        }
        break;
    }
  }
  return { text: blankPositions(original, blanked), blankedStrings, unclosed, tooDeepAt };
}

function blankPositions(text: string, positions: readonly number[]): string {
  if (positions.length === 0) return text;
  const parts: string[] = [];
  let from = 0;
  for (const position of positions) {
    parts.push(text.slice(from, position), ' ');
    from = position + 1;
  }
  parts.push(text.slice(from));
  return parts.join('');
}
