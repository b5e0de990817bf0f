import { github, githubStream } from './github.js';
import { json, jsonStream } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish, stylishStream } from './stylish.js';
import type { Formatter, StreamingFormatter } from './types.js';

export type { FormatContext, Formatter, ReportStream, StreamingFormatter, ToolInfo } from './types.js';

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

/** The formats whose report can be written while files are linted (SARIF and JUnit need every result first). */
const streaming: ReadonlyMap<string, StreamingFormatter> = new Map<string, StreamingFormatter>([
  ['stylish', stylishStream],
  ['json', jsonStream],
  ['github', githubStream],
]);

export function getStreamingFormatter(name: string): StreamingFormatter | undefined {
  return streaming.get(name);
}
