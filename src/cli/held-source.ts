// What a run keeps of the sources it linted, for the report: only what a formatter can show.
import type { FileLintResult } from '../engine/api.js';
import { readTemplateFile } from '../engine/read.js';

/**
 * Sources (UTF-16 code units) a run holds for its report; past this, sources are read again when
 * the report needs them (withSourceOnDemand). A budget, not always on demand: reading and
 * checking a source again costs more than holding it, and most runs fit (the whole test corpus
 * holds 28 M).
 */
export const HELD_SOURCE_BUDGET = 32_000_000;

/** Formatters only show the source of files with messages: the rest need not stay in memory for the whole run. */
export function withoutUnusedSource(result: FileLintResult): FileLintResult {
  if (result.messages.length > 0 || result.source === undefined) return result;
  return { ...result, source: undefined };
}

/**
 * The result with its `source` read again from disk when a formatter asks for it, instead of held
 * for the whole run: a run over thousands of templates with findings would otherwise keep all of
 * them in memory. Only for results linted from the file as it is on disk (no fixed `output`); if
 * the file changed since, the source is left out (no code frame) rather than shown wrong.
 */
export function withSourceOnDemand(result: FileLintResult): FileLintResult {
  const { source, ...held } = result;
  if (source === undefined || result.output !== undefined) return result;
  // A copy: strings the parser sliced out of the source (names, keys in messages) are V8 sliced
  // strings that keep the whole source alive; the copy's strings are their own.
  const rest = structuredClone(held);
  const { filePath } = result;
  const length = source.length;
  const hash = fnv1a(source);
  return Object.defineProperty(rest, 'source', {
    enumerable: true,
    get(): string | undefined {
      const read = readTemplateFile(filePath);
      const text = read.ok ? (read.text.startsWith('\uFEFF') ? read.text.slice(1) : read.text) : undefined;
      return text?.length === length && fnv1a(text) === hash ? text : undefined;
    },
  });
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
