import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export type { FormatContext, Formatter, ToolInfo } from './types.js';

const formatters: ReadonlyMap<string, Formatter> = new Map<string, Formatter>([
  ['stylish', stylish],
  ['json', json],
  ['sarif', sarif],
  ['github', github],
  ['junit', junit],
  ['markdown', markdown],
]);

export const formatterNames: readonly string[] = [...formatters.keys()];

export function getFormatter(name: string): Formatter | undefined {
  return formatters.get(name);
}
