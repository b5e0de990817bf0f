/**
 * A strict reader for the XML subset JUnit reports use: a prolog, elements with double- or
 * single-quoted attributes, text, the five predefined entities and character references. It throws
 * on anything not well-formed (unbalanced or crossed tags, a raw `<` or `&`, duplicate attributes,
 * characters XML 1.0 forbids, more than one root), so a test that reads a report proves it is XML.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

const NAME = '[A-Za-z_:][-A-Za-z0-9_:.]*';
const ATTRIBUTE = new RegExp(`\\s+(${NAME})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, 'y');
const START = new RegExp(`<(${NAME})`, 'y');
const END = new RegExp(`</(${NAME})\\s*>`, 'y');
const PROLOG = /<\?xml\s+version="1\.[0-9]"(?:\s+encoding="[A-Za-z][-A-Za-z0-9._]*")?(?:\s+standalone="(?:yes|no)")?\s*\?>/y;
const TEXT = /[^<]+/y;
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function decode(raw: string, where: number): string {
  if (FORBIDDEN.test(raw)) throw new Error(`a character XML forbids near offset ${String(where)}`);
  return raw.replace(/&([^;]*);|&/g, (whole, body: string | undefined) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (body === undefined) throw new Error(`a raw & near offset ${String(where)}`);
    const value = named[body];
    if (value !== undefined) return value;
    const code = /^#x([0-9A-Fa-f]+)$/.exec(body)?.[1] ?? /^#([0-9]+)$/.exec(body)?.[1];
    if (code === undefined) throw new Error(`an unknown entity ${whole} near offset ${String(where)}`);
    return String.fromCodePoint(body.startsWith('#x') ? parseInt(code, 16) : Number(code));
  });
}

export function parseXml(text: string): XmlElement {
  let at = 0;
  const match = (pattern: RegExp): RegExpExecArray | null => {
    pattern.lastIndex = at;
    const found = pattern.exec(text);
    if (found) at = pattern.lastIndex;
    return found;
  };
  if (!match(PROLOG)) throw new Error('no XML declaration');
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (at < text.length) {
    const textRun = match(TEXT);
    if (textRun) {
      const content = textRun[0];
      const top = stack.at(-1);
      if (top) top.text += decode(content, at);
      else if (content.trim() !== '') throw new Error(`text outside the root element at offset ${String(at)}`);
      continue;
    }
    const end = match(END);
    if (end) {
      const open = stack.pop();
      if (open?.name !== end[1]) throw new Error(`</${end[1] ?? ''}> closes <${open?.name ?? 'nothing'}> at offset ${String(at)}`);
      continue;
    }
    const start = match(START);
    if (!start) throw new Error(`a raw < or markup this reader does not accept at offset ${String(at)}`);
    const attributes: Record<string, string> = {};
    for (let attribute = match(ATTRIBUTE); attribute; attribute = match(ATTRIBUTE)) {
      const [, name = '', double, single] = attribute;
      if (name in attributes) throw new Error(`duplicate attribute ${name} at offset ${String(at)}`);
      attributes[name] = decode(double ?? single ?? '', at);
    }
    const close = match(/\s*(\/?)>/y);
    if (!close) throw new Error(`an unterminated <${start[1] ?? ''}> at offset ${String(at)}`);
    const element: XmlElement = { name: start[1] ?? '', attributes, children: [], text: '' };
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else if (root) throw new Error('more than one root element');
    else root = element;
    if (close[1] !== '/') stack.push(element);
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)?.name ?? ''}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}
