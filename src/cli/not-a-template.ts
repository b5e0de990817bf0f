import { statSync } from 'node:fs';
import type { FileLintResult } from '../engine/api.js';
import type { LintedFile } from './lint-files.js';

/**
 * A file named on the command line that is not a template (an empty file, package.json) would
 * otherwise be reported with no message at all, as if it had been checked and found clean.
 */
export function withNotATemplateNotice(entry: LintedFile): LintedFile {
  if (!entry.file.explicit || entry.result.kind !== 'not-a-template') return entry;
  const message = isEmpty(entry.file.path)
    ? 'The file is empty: it is not a deployment template, parameter file or Bicep file, so nothing was checked.'
    : 'Not a deployment template, parameter file or Bicep file (no deployment $schema): nothing was checked.';
  const result: FileLintResult = {
    ...entry.result,
    messages: [{ ruleId: null, severity: 1, message, line: 0, column: 0, endLine: 0, endColumn: 0, offset: 0, length: 0 }],
    warningCount: entry.result.warningCount + 1,
  };
  return { ...entry, result };
}

function isEmpty(path: string): boolean {
  try {
    return statSync(path).size === 0;
  } catch {
    return false;
  }
}
