import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach } from 'vitest';

export const fixtures = join(import.meta.dirname, '..', 'fixtures', 'lsp');

export const fixtureText = (name: string): string => readFileSync(join(fixtures, name), 'utf8');

const made: string[] = [];

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary workspace holding copies of the named fixtures; removed after the test. */
export function workspace(...names: string[]): { readonly root: string; readonly rootUri: string; uri(name: string): string; path(name: string): string } {
  const root = mkdtempSync(join(tmpdir(), 'tl-lint-lsp-'));
  made.push(root);
  for (const name of names) cpSync(join(fixtures, name), join(root, name));
  return { root, rootUri: pathToFileURL(root).href, uri: (name) => pathToFileURL(join(root, name)).href, path: (name) => join(root, name) };
}
