import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';

const schemaPath = join(import.meta.dirname, '..', 'fixtures', 'sarif', 'sarif-2.1.0-rtm.5.json');

const isUrl = (text: string, base?: string): boolean => {
  try {
    return new URL(text, base).href !== '';
  } catch {
    return false;
  }
};

/**
 * The official SARIF 2.1.0 schema (draft-04, see test/fixtures/sarif/README.md). `unicodeRegExp: false`:
 * one pattern in it is not a valid /u regular expression; `strict: false` for its draft-04 idioms. The
 * formats it uses are checked here with the URL parser and Date.parse (ajv itself knows none).
 */
export function sarifValidator(): (log: unknown) => readonly string[] {
  const Ajv = AjvDraft04.default;
  const ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true });
  ajv.addFormat('uri', (text: string) => isUrl(text));
  ajv.addFormat('uri-reference', (text: string) => isUrl(text, 'file:///base/'));
  ajv.addFormat('date-time', (text: string) => !Number.isNaN(Date.parse(text)));
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
  return (log) => {
    if (validate(log)) return [];
    return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
  };
}
