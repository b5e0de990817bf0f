import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverFiles } from '../../src/cli/files.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { tempTree } from './temp-tree.js';

const none = (): boolean => false;

describe('discoverFiles', () => {
  it('scans directories for template extensions, skipping node_modules and .git, sorted', async () => {
    const root = tempTree({
      'b/main.bicep': '',
      'b/main.bicepparam': '',
      'a/azuredeploy.json': '{}',
      'a/settings.jsonc': '{}',
      'a/UPPER.JSON': '{}',
      '.github/arm.json': '{}',
      'a/readme.md': '',
      'a/script.ps1': '',
      'node_modules/pkg/template.json': '{}',
      'a/node_modules/x.json': '{}',
      '.git/config.json': '{}',
    });
    const files = await discoverFiles(['.'], { cwd: root, isIgnored: none });
    expect(files.map((f) => [f.path.slice(root.length + 1), f.explicit])).toEqual([
      ['.github/arm.json', false],
      ['a/UPPER.JSON', false],
      ['a/azuredeploy.json', false],
      ['a/settings.jsonc', false],
      ['b/main.bicep', false],
      ['b/main.bicepparam', false],
    ]);
  });

  it('marks files named on the command line as explicit, whatever their extension, and de-duplicates', async () => {
    const root = tempTree({ 'x/t.json': '{}', 'x/notes.txt': '' });
    const files = await discoverFiles(['x', 'x/t.json', 'x/notes.txt', './x/t.json'], { cwd: root, isIgnored: none });
    expect(files).toEqual([
      { path: join(root, 'x/notes.txt'), explicit: true, ignored: false },
      { path: join(root, 'x/t.json'), explicit: true, ignored: false },
    ]);
  });

  it('expands globs relative to cwd, and absolute globs', async () => {
    const root = tempTree({ 'a/one.json': '{}', 'a/two.json': '{}', 'b/three.json': '{}', 'a/node_modules/n.json': '{}' });
    const relative = await discoverFiles(['a/**/*.json'], { cwd: root, isIgnored: none });
    expect(relative.map((f) => f.path)).toEqual([join(root, 'a/one.json'), join(root, 'a/two.json')]);
    const absolute = await discoverFiles([`${root}/*/t*.json`], { cwd: '/', isIgnored: none });
    expect(absolute.map((f) => f.path)).toEqual([join(root, 'a/two.json'), join(root, 'b/three.json')]);
  });

  it.each([
    { pattern: 'missing.json', message: "No files matching 'missing.json' were found." },
    { pattern: 'nothing/*.json', message: "No files matching 'nothing/*.json' were found." },
    { pattern: 'docs', message: "No files matching 'docs' were found." },
  ])('rejects $pattern with ESLint’s wording', async ({ pattern, message }) => {
    const root = tempTree({ 'docs/readme.md': '' });
    await expect(discoverFiles([pattern], { cwd: root, isIgnored: none })).rejects.toThrow(new UsageError(message));
  });

  it('drops ignored files found by a scan, keeps ignored files named explicitly, and rejects a pattern that matches only ignored files', async () => {
    const root = tempTree({ 'a/keep.json': '{}', 'a/skip.json': '{}', 'gen/out.json': '{}' });
    const isIgnored = (path: string): boolean => path.endsWith('skip.json') || path.includes('/gen/');
    const files = await discoverFiles(['a', 'a/skip.json'], { cwd: root, isIgnored });
    expect(files).toEqual([
      { path: join(root, 'a/keep.json'), explicit: false, ignored: false },
      { path: join(root, 'a/skip.json'), explicit: true, ignored: true },
    ]);
    await expect(discoverFiles(['gen'], { cwd: root, isIgnored })).rejects.toThrow("All files matched by 'gen' are ignored.");
  });
});
