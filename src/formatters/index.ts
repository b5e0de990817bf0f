import { json } from './json.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export type { FormatContext, Formatter } from './types.js';

const formatters: ReadonlyMap<string, Formatter> = new Map<string, Formatter>([
  ['stylish', stylish],
  ['json', json],
]);

export const formatterNames: readonly string[] = [...formatters.keys()];

export function getFormatter(name: string): Formatter | undefined {
  return formatters.get(name);
}
