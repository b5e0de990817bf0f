import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import type { LintMessage, LintResult } from '../engine/result.js';
import { parseSource } from '../model/frontends.js';
import { createSourceFile } from '../model/source.js';
import { resourceKeyLocator } from '../engine/resource-key.js';
import { portablePath } from './paths.js';

/** The `partialFingerprints` key of SARIF results, and the version of the recipe below. */
export const FINGERPRINT_KEY = 'tlLintFingerprint/v1';

/**
 * Stable identities of a result's messages, in the order of `result.messages`: a hash of the rule id,
 * the file path relative to `baseDir`, the resource the finding sits in (type and symbolic or
 * written name, with its parents), the message id and the flagged text with its whitespace folded.
 * Nothing positional goes in, so a moved line keeps its fingerprint; nothing evaluated goes in (the
 * message text, a name computed from parameters), so the same finding reached through two parameter
 * files gets one fingerprint. Equal findings are told apart by an occurrence count, `hash:n`, as
 * CodeQL does for `primaryLocationLineHash`.
 */
export function fingerprintMessages(result: LintResult, baseDir: string, messages: readonly LintMessage[] = result.messages): string[] {
  const path = portablePath(relative(baseDir, result.filePath));
  const { source } = result;
  const needsLocator = messages.some((m) => m.resourceKey === undefined);
  const locate = needsLocator && source !== undefined ? resourceLocator(result.filePath, source) : () => '';
  const resourceAt = (message: LintMessage) => message.resourceKey ?? locate(message.offset, message.length);
  const seen = new Map<string, number>();
  return messages.map((message) => {
    const flagged = result.source?.slice(message.offset, message.offset + message.length) ?? '';
    const hash = digest([message.ruleId ?? '', path, resourceAt(message), message.messageId ?? '', foldWhitespace(flagged)]);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${String(occurrence)}`;
  });
}

/** The fingerprint of each message of each result, keyed by the message object. */
export function fingerprintAll(results: readonly LintResult[], baseDir: string): ReadonlyMap<LintMessage, string> {
  const fingerprints = new Map<LintMessage, string>();
  for (const result of results) {
    const prints = fingerprintMessages(result, baseDir);
    result.messages.forEach((message, index) => fingerprints.set(message, prints[index] ?? ''));
  }
  return fingerprints;
}

function digest(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A function from a range to the identity of the innermost resource that contains it, for results
 * whose messages lack `resourceKey` (the engine sets it; other producers may not). Parses the text
 * again without parameters: resource ranges, types and written names do not depend on them.
 */
export function resourceLocator(filePath: string, text: string): (offset: number, length: number) => string {
  const parsed = parseSource(createSourceFile(filePath, text), {});
  return parsed.kind === 'template' ? resourceKeyLocator(parsed.model.resources) : () => '';
}
