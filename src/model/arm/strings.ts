// Decoding of JSON string tokens from the original text, with the map from decoded indices back to
// file offsets that expression ranges need (`\"`, `\u0041` make the two differ).

const simpleEscapes: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

export interface DecodedString {
  readonly value: string;
  /** `offsets[i]` is the file offset of decoded index i; `offsets[value.length]` is the closing quote. */
  readonly offsets: readonly number[];
}

/**
 * Decodes the string token that starts (opening quote) at `start` and ends before `end` (after the
 * closing quote). The token is known to be valid: jsonc-parser accepted it (raw control
 * characters, which ARM accepts, are kept as they are).
 */
export function decodeStringToken(text: string, start: number, end: number): DecodedString {
  let value = '';
  const offsets: number[] = [];
  const last = end - 1;
  let i = start + 1;
  while (i < last) {
    const char = text.charAt(i);
    if (char !== '\\') {
      value += char;
      offsets.push(i);
      i++;
      continue;
    }
    const escape = text.charAt(i + 1);
    offsets.push(i);
    if (escape === 'u') {
      value += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
      i += 6;
    } else {
      value += simpleEscapes[escape] ?? escape;
      i += 2;
    }
  }
  offsets.push(last);
  return { value, offsets };
}

/**
 * The offset map for a string token whose decoded value is `value`: cheap when there is no escape
 * (every escape is longer than the character it stands for, so the lengths tell).
 */
export function stringOffsetMapper(text: string, start: number, end: number, value: string): (index: number) => number {
  if (value.length === end - start - 2) return (index) => start + 1 + Math.max(0, Math.min(index, value.length));
  const { offsets } = decodeStringToken(text, start, end);
  const lastIndex = offsets.length - 1;
  return (index) => offsets[Math.max(0, Math.min(index, lastIndex))] ?? end - 1;
}
