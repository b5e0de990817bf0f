// `format()` follows .NET composite formatting: `{index[,alignment][:formatString]}`, with
// `{{` and `}}` as literal braces. Only the numeric format strings templates use are supported.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string#format
import type { JsonValue } from '../../value.js';
import { type EvalContext, fail } from '../context.js';
import { expectString, toDisplayText } from '../json.js';
import { argument, type PureFunction } from './types.js';

function padNumber(value: number, width: number): string {
  const digits = String(Math.abs(value)).padStart(width, '0');
  return value < 0 ? `-${digits}` : digits;
}

function formatNumber(value: number, spec: string): string {
  if (/^[0#]+$/u.test(spec)) return padNumber(value, spec.replaceAll('#', '').length);
  const match = /^([DXNFG])(\d{0,2})$/iu.exec(spec);
  if (!match) fail(`format string '${spec}' is not supported`);
  const letter = (match[1] ?? '').toUpperCase();
  const precision = match[2] === undefined || match[2] === '' ? undefined : Number(match[2]);
  switch (letter) {
    case 'D':
      if (!Number.isInteger(value)) fail(`format D needs an integer`);
      return padNumber(value, precision ?? 0);
    case 'X': {
      if (!Number.isInteger(value) || value < 0) fail(`format X needs a non-negative integer`);
      const hex = value.toString(16).padStart(precision ?? 0, '0');
      return spec.startsWith('x') ? hex : hex.toUpperCase();
    }
    case 'N':
      return value.toLocaleString('en-US', {
        minimumFractionDigits: precision ?? 2,
        maximumFractionDigits: precision ?? 2,
      });
    case 'F':
      return value.toFixed(precision ?? 2);
    default:
      return String(value);
  }
}

function formatItem(value: JsonValue, spec: string | undefined, ctx: EvalContext): string {
  if (spec !== undefined && spec !== '' && typeof value === 'number') return formatNumber(value, spec);
  return toDisplayText(value, ctx);
}

function align(text: string, alignment: number): string {
  return alignment >= 0 ? text.padStart(alignment) : text.padEnd(-alignment);
}

export const format: PureFunction = (args, ctx) => {
  const template = expectString(argument(args, 0), 'the format string');
  const values = args.slice(1);
  let result = '';
  const append = (text: string): void => {
    ctx.checkStringLength(result.length + text.length);
    result += text;
  };
  let i = 0;
  while (i < template.length) {
    ctx.tick();
    const c = template.charAt(i);
    if (c === '}') {
      if (template.charAt(i + 1) !== '}') fail("unbalanced '}' in the format string");
      append('}');
      i += 2;
      continue;
    }
    if (c !== '{') {
      const next = template.slice(i).search(/[{}]/u);
      const end = next < 0 ? template.length : i + next;
      append(template.slice(i, end));
      i = end;
      continue;
    }
    if (template.charAt(i + 1) === '{') {
      append('{');
      i += 2;
      continue;
    }
    const close = template.indexOf('}', i);
    if (close < 0) fail("unbalanced '{' in the format string");
    // One `\s*` between the parts, not two in a row: those backtrack quadratically on long blanks.
    const item = /^(\d+)\s*(?:,\s*(-?\d+)\s*)?(?::(.*))?$/su.exec(template.slice(i + 1, close));
    if (!item) fail(`'${template.slice(i, close + 1)}' is not a format item`);
    const index = Number(item[1]);
    if (index >= values.length) fail(`format item {${String(index)}} has no argument`);
    const alignment = item[2] === undefined ? 0 : Number(item[2]);
    ctx.checkStringLength(result.length + Math.abs(alignment));
    append(align(formatItem(values[index] ?? null, item[3], ctx), alignment));
    i = close + 1;
  }
  return result;
};
