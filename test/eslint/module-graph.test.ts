/**
 * The plugin must not load the CLI or the language server: every module reachable from
 * src/eslint/index.ts through static and dynamic imports is listed, and none is under src/cli or src/lsp.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** Relative imports name the emitted `.js`; the source is the `.ts` beside it. */
function sourceOf(from: string, specifier: string): string {
  const target = resolve(dirname(from), specifier);
  const candidate = target.replace(/\.js$/, '.ts');
  if (existsSync(candidate)) return candidate;
  throw new Error(`${relative(root, from)}: cannot resolve ${specifier}`);
}

function reachableFrom(entry: string): { readonly modules: Set<string>; readonly packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (modules.has(file)) continue;
    modules.add(file);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (fileName.startsWith('.')) pending.push(sourceOf(file, fileName));
      else packages.add(fileName);
    }
  }
  return { modules, packages };
}

describe('the ESLint plugin module graph', () => {
  const { modules, packages } = reachableFrom(join(root, 'src', 'eslint', 'index.ts'));
  const paths = [...modules].map((m) => relative(root, m).split('\\').join('/'));

  it('reaches the engine, the rules and both front-ends', () => {
    expect(paths).toEqual(expect.arrayContaining(['src/engine/run-rules.ts', 'src/model/arm/index.ts', 'src/model/bicep/index.ts', 'rules/gen1-image.ts']));
  });

  it('does not reach the CLI or the LSP server', () => {
    expect(paths.filter((p) => p.startsWith('src/cli/') || p.startsWith('src/lsp/'))).toEqual([]);
  });

  it('uses no language-server or CLI packages', () => {
    expect([...packages].filter((p) => /^(vscode-languageserver|vscode-jsonrpc|picocolors|tinyglobby)/.test(p))).toEqual([]);
  });
});
