import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/api.js';
import { createEngine } from '../../src/engine/engine.js';
import type { MessageFix } from '../../src/engine/result.js';
import { INTERNAL_ERROR } from '../../src/engine/run-rules.js';
import { parseSource, prepareFrontend } from '../../src/model/frontends.js';
import { createSourceFile } from '../../src/model/source.js';
import { corpusEntries } from '../corpus-files.js';

// Templates with scale sets or VMs: those have findings with fixes. Every 7th, to keep it quick.
const samples = [
  ...corpusEntries().filter((e) => e.kind === 'arm-json' && (e.hasVmss || e.hasVm)),
  ...corpusEntries().filter((e) => e.kind === 'bicep' && (e.hasVmss || e.hasVm)),
]
  .filter((_, i) => i % 7 === 0)
  .map((e) => ({ path: e.path, text: readFileSync(e.path, 'utf8') }));

/** A random edit of a text: delete, duplicate, insert (JSON and Bicep tokens or any characters) or truncate. */
const editArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat({ max: 80 }),
  kind: fc.constantFrom('delete', 'duplicate', 'insert', 'truncate'),
  inserted: fc.oneof(
    fc.constantFrom('{', '}', '[', ']', ',', ':', '"', "'", '\n', '/*', '//', '\0', '\uFEFF', '"__proto__": {}', "[concat(", "')]", 'null', '${', 'resource x', '@sys.'),
    fc.string({ maxLength: 12 }),
  ),
});
type Edit = typeof editArb extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, edits: readonly Edit[]): string {
  let result = text;
  for (const edit of edits) {
    const at = Math.floor(edit.at * result.length);
    const end = Math.min(result.length, at + edit.length);
    if (edit.kind === 'delete') result = result.slice(0, at) + result.slice(end);
    else if (edit.kind === 'duplicate') result = result.slice(0, end) + result.slice(at, end) + result.slice(end);
    else if (edit.kind === 'insert') result = result.slice(0, at) + edit.inserted + result.slice(at);
    else result = result.slice(0, at);
  }
  return result;
}

/**
 * Edits that mostly keep the file a template: a comment after a line's last token, a blank line,
 * a line removed, an apiVersion or securityType changed, or all line ends turned to CRLF.
 */
const gentleEditArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  kind: fc.constantFrom('comment', 'blank', 'drop-line', 'api-version', 'security-type', 'crlf'),
  value: fc.constantFrom('2019-07-01', '2020-12-01', '2023-09-01', 'Standard', 'TrustedLaunch', 'ConfidentialVM', '[parameters(\'x\')]'),
});
type GentleEdit = typeof gentleEditArb extends fc.Arbitrary<infer T> ? T : never;

function mutateGently(text: string, edits: readonly GentleEdit[]): string {
  let result = text;
  for (const edit of edits) {
    const lines = result.split('\n');
    const line = Math.floor(edit.at * lines.length);
    const current = lines[line] ?? '';
    if (edit.kind === 'comment' && /[,{[]\s*$/.test(current)) lines[line] = `${current.trimEnd()} // tl-lint fuzz`;
    else if (edit.kind === 'blank') lines.splice(line, 0, '');
    else if (edit.kind === 'drop-line') lines.splice(line, 1);
    else if (edit.kind === 'crlf') return result.replace(/\r?\n/g, '\r\n');
    else {
      const key = edit.kind === 'api-version' ? 'apiVersion' : 'securityType';
      const matches = [...result.matchAll(new RegExp(`("${key}"\\s*:\\s*|${key}:\\s*)("[^"\\n]*"|'[^'\\n]*')`, 'g'))];
      const match = matches[Math.floor(edit.at * matches.length)];
      if (match?.index === undefined) continue;
      const quote = match[2]?.[0] ?? '"';
      const start = match.index + (match[1]?.length ?? 0);
      result = result.slice(0, start) + quote + edit.value.replace(/'/g, quote === "'" ? "''" : "'") + quote + result.slice(start + (match[2]?.length ?? 0));
      continue;
    }
    result = lines.join('\n');
  }
  return result;
}

const isTemplate = (path: string, text: string) => parseSource(createSourceFile(path, text), {}).kind === 'template';

/** ESLint's way: the fixes of a lint, sorted, each applied unless it overlaps one already applied. */
function applyMessageFixes(text: string, fixes: readonly MessageFix[]): string {
  let result = '';
  let cursor = 0;
  for (const fix of [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])) {
    if (fix.range[0] < cursor) continue;
    result += text.slice(cursor, fix.range[0]) + fix.text;
    cursor = fix.range[1];
  }
  return result + text.slice(cursor);
}

let lint: Engine;
let fix: Engine;
beforeAll(async () => {
  lint = await createEngine({ cwd: process.cwd() });
  fix = await createEngine({ cwd: process.cwd(), fix: 'safe' });
  for (const { path } of samples) await prepareFrontend(path);
});

describe('random edits of corpus templates', () => {
  it('no exception escapes the engine, and no rule fails on them', () => {
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.array(editArb, { minLength: 1, maxLength: 4 }), (sample, edits) => {
        const text = mutate(sample.text, edits);
        for (const engine of [lint, fix]) {
          const result = engine.lintText(sample.path, text);
          expect(result.messages.filter((m) => m.ruleId === INTERNAL_ERROR)).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('--fix output re-parses, a second --fix changes nothing, and only the reported fix ranges change', () => {
    let fixedRuns = 0;
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.array(gentleEditArb, { minLength: 1, maxLength: 3 }), (sample, edits) => {
        const text = mutateGently(sample.text, edits);
        const fixed = fix.lintText(sample.path, text);
        if (fixed.output === undefined) return;
        fixedRuns++;
        expect(isTemplate(sample.path, fixed.output)).toBe(true);
        expect(fix.lintText(sample.path, fixed.output).output).toBeUndefined();
        // Replaying the reported fixes pass by pass gives the same text: --fix changes no byte
        // outside the ranges its messages report (no reformatting, no line-end or BOM change).
        let replayed = text;
        for (let pass = 0; pass < 10; pass++) {
          const fixes = lint.lintText(sample.path, replayed).messages.flatMap((m) => (m.fix ? [m.fix] : []));
          if (fixes.length === 0) break;
          replayed = applyMessageFixes(replayed.replace(/^\uFEFF/, ''), fixes);
        }
        expect(replayed).toBe(fixed.output);
      }),
      { numRuns: 150 },
    );
    // Most edits leave a template with something to fix: the properties were not checked on nothing.
    expect(fixedRuns).toBeGreaterThan(50);
  }, 120_000);
});
