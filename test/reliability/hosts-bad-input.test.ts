// The bad inputs of bad-input.test.ts through the two other hosts: the ESLint plugin (files read
// by ESLint itself) and the language server (texts as an editor decodes them).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeTemplateBytes } from '../../src/engine/read.js';
import plugin from '../../src/eslint/index.js';
import { tempTree } from '../cli/temp-tree.js';
import { inProcessClient } from '../lsp/client.js';
import { badInputs, type BadInput } from './cases.js';
import { goodTemplate, stackTraceLine } from './hostile.js';

interface Seen {
  readonly ruleId: string | null;
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

type Expected = BadInput['expected'] | 'nothing';

const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();

/** The first finding each host shows, or 'nothing' where the host rightly shows none. */
function expectations(host: 'eslint' | 'lsp'): { readonly file: string; readonly expected: Expected }[] {
  // Not templates: ESLint lints every file its config matches, the server every JSON document the
  // editor opens; neither reports what is not a template (the CLI does, for files named to it).
  const nothing = new Set(['empty.json', 'package.json']);
  // ESLint reads files as UTF-8 itself: invalid bytes become U+FFFD (no template left), UTF-16 has NULs.
  if (host === 'eslint') nothing.add('invalid-utf8.json');
  // The server shows parse errors only in documents that claim to be templates (DESIGN: a broken
  // package.json is its own language server's business); these have no deployment $schema.
  if (host === 'lsp') for (const file of ['nul.json', 'random-binary.json', 'invalid-utf8.json']) nothing.add(file);
  const utf16AsBinary = { ruleId: null, message: 'binary (it contains NUL bytes)', line: 1, column: 1 };
  return badInputs.map(({ file, expected }) => ({
    file,
    expected: nothing.has(file) ? 'nothing' : host === 'eslint' && file.startsWith('utf16') ? utf16AsBinary : expected,
  }));
}

function checkFirst(seen: readonly Seen[], expected: Expected, ruleIdPrefix: string): void {
  for (const finding of seen) expect(finding.message).not.toMatch(stackTraceLine);
  if (expected === 'nothing') {
    expect(seen).toEqual([]);
    return;
  }
  const ruleId = expected.ruleId === null ? null : `${ruleIdPrefix}${expected.ruleId}`;
  expect(seen[0]).toMatchObject({ ruleId, message: expect.stringContaining(expected.message) as string, line: expected.line, column: expected.column });
}

const tree = () => tempTree(Object.fromEntries([...badInputs.map((c) => [c.file, c.content] as const), ['good.json', goodTemplate]]));

describe('bad input through the ESLint plugin (lintFiles, one run)', () => {
  let root = '';
  let seen = new Map<string, Seen[]>();

  beforeAll(async () => {
    root = tree();
    const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] });
    const results = await eslint.lintFiles([...badInputs.map((c) => c.file), 'good.json']);
    seen = new Map(results.map((r) => [r.filePath.slice(root.length + 1), r.messages.map((m) => ({ ...m, message: m.message.replace(/^Parsing error: /, '') }))]));
  }, 120_000);

  it.each(expectations('eslint'))('$file', ({ file, expected }) => {
    checkFirst(seen.get(file) ?? [], expected, 'tl-lint/');
  });

  it('lints the good file of the same run, and pollutes nothing', () => {
    expect(seen.get('good.json')?.map((m) => m.ruleId)).toEqual(['tl-lint/manual-upgrade-policy', 'tl-lint/security-type-not-trusted-launch', 'tl-lint/api-version-too-old']);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
  });

  it('lintText with fix: true returns, for every bad input', async () => {
    const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended], fix: true });
    for (const { file, content } of badInputs) {
      const text = typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
      const [result] = await eslint.lintText(text, { filePath: join(root, file) });
      expect(result?.filePath).toBe(join(root, file));
    }
  }, 120_000);
});

describe('bad input through the language server (one session)', () => {
  const seen = new Map<string, Seen[]>();

  beforeAll(async () => {
    const root = tree();
    const client = inProcessClient();
    try {
      await client.initialize(pathToFileURL(root).href);
      for (const { file, content } of [...badInputs, { file: 'good.json', content: goodTemplate }]) {
        // As an editor shows the file: decoded when it can be (UTF-16 with BOM), else as UTF-8.
        const decoded = typeof content === 'string' ? undefined : decodeTemplateBytes(content);
        const text = typeof content === 'string' ? content : decoded?.ok ? decoded.text : Buffer.from(content).toString('utf8');
        const uri = pathToFileURL(join(root, file)).href;
        await client.open(uri, file.endsWith('.bicep') ? 'bicep' : 'json', text);
        const diagnostics = await client.diagnostics(uri);
        seen.set(
          file,
          diagnostics.map((d) => ({ ruleId: typeof d.code === 'string' ? d.code : null, message: typeof d.message === 'string' ? d.message : d.message.value, line: d.range.start.line + 1, column: d.range.start.character + 1 })),
        );
      }
    } finally {
      await client.dispose();
    }
  }, 120_000);

  it.each(expectations('lsp'))('$file', ({ file, expected }) => {
    checkFirst(seen.get(file) ?? [], expected, '');
  });

  it('lints the good document opened after them all, and pollutes nothing', () => {
    expect(seen.get('good.json')?.map((m) => m.ruleId)).toEqual(['manual-upgrade-policy', 'security-type-not-trusted-launch', 'api-version-too-old']);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
  });
});
