// Diff-friendly JSON: a value that fits on one line stays on one line, and so does a table row
// (an object of short scalars and scalar lists); anything else is expanded one member per line.

const WIDTH = 110;
const SHORT_STRING = 60;

/**
 * @param {unknown} value
 * @param {string} [indent]
 * @returns {string}
 */
export function formatJson(value, indent = '') {
  const line = oneLine(value);
  if (value === null || typeof value !== 'object' || indent.length + line.length <= WIDTH || isRow(value)) return line;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return `[\n${value.map((item) => inner + formatJson(item, inner)).join(',\n')}\n${indent}]`;
  }
  const members = Object.entries(value).map(
    ([key, item]) => `${inner}${JSON.stringify(key)}: ${formatJson(item, inner)}`,
  );
  return `{\n${members.join(',\n')}\n${indent}}`;
}

/** One-line form with a space after `:` and `,`, like hand-written JSON. */
function oneLine(value) {
  if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${oneLine(item)}`);
    return members.length === 0 ? '{}' : `{ ${members.join(', ')} }`;
  }
  const text = JSON.stringify(value);
  if (text === undefined) throw new Error(`formatJson: ${String(value)} is not JSON`);
  return text;
}

function isRow(value) {
  if (Array.isArray(value)) return false;
  const scalar = (item) => item === null || typeof item !== 'object' && !(typeof item === 'string' && item.length > SHORT_STRING);
  return Object.values(value).every((item) => scalar(item) || (Array.isArray(item) && item.every(scalar)));
}
