import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { isWanted } from '../../src/lsp/code-actions.js';
import { bomLength, enginePath, isLintable, minimalEdit } from '../../src/lsp/documents.js';
import { DEFAULT_DEBOUNCE_MS, parseSettings } from '../../src/lsp/settings.js';

const doc = (text: string, languageId = 'json') => TextDocument.create('file:///w/t.json', languageId, 1, text);

describe('minimalEdit', () => {
  it.each([
    ['a change inside a word', 'apiVersion: 2019-03-01', 12, 22, '2020-12-01', { from: 14, to: 19, text: '20-12' }],
    ['an insertion', '{ "a": 1 }', 0, 10, '{ "a": 1, "b": 2 }', { from: 8, to: 8, text: ', "b": 2' }],
    ['a deletion', '{ "a": 1, "b": 2 }', 0, 18, '{ "a": 1 }', { from: 8, to: 16, text: '' }],
    ['no change', 'same', 0, 4, 'same', { from: 4, to: 4, text: '' }],
    // The rocket is U+1F680 (two UTF-16 units); its neighbour U+1F681 shares the high surrogate.
    ['a change to the low half of a surrogate pair keeps the pair whole', 'x🚀y', 0, 4, 'x🚁y', { from: 1, to: 3, text: '🚁' }],
  ])('%s', (_name, text, start, end, replacement, expected) => {
    const document = doc(text);
    const edit = minimalEdit(document, start, end, replacement);
    expect({ from: document.offsetAt(edit.range.start), to: document.offsetAt(edit.range.end), text: edit.newText }).toEqual(expected);
    expect(TextDocument.applyEdits(document, [edit])).toBe(text.slice(0, start) + replacement + text.slice(end));
  });

  it('shifts engine offsets past a BOM the client sent', () => {
    const document = doc('\uFEFF{"v": 1}');
    expect(bomLength(document.getText())).toBe(1);
    const edit = minimalEdit(document, 6, 7, '2');
    expect(TextDocument.applyEdits(document, [edit])).toBe('\uFEFF{"v": 2}');
  });
});

describe('documents', () => {
  it.each([
    ['file:///w/main.bicep', 'bicep', '/w/main.bicep'],
    ['file:///w/a%20b/azuredeploy.json', 'json', '/w/a b/azuredeploy.json'],
    ['untitled:Untitled-1', 'bicep', join('/cwd', 'untitled%3AUntitled-1.bicep')],
    ['untitled:Untitled-2', 'arm-template', join('/cwd', 'untitled%3AUntitled-2.json')],
    ['untitled:Untitled-3', 'bicep-params', join('/cwd', 'untitled%3AUntitled-3.bicepparam')],
  ])('%s (%s) is linted as %s', (uri, languageId, path) => {
    expect(enginePath(uri, languageId, '/cwd')).toBe(path);
  });

  it.each([
    ['json', '/w/x.json', true],
    ['arm-template', '/w/x.template', true],
    ['', '/w/x.bicep', true],
    ['markdown', '/w/x.md', false],
    ['yaml', '/w/x.yaml', false],
  ])('language %j, path %s: lintable %s', (languageId, path, lintable) => {
    expect(isLintable(doc('', languageId), path)).toBe(lintable);
  });
});

describe('settings', () => {
  it.each([
    [undefined, { mode: undefined, fixOnSave: false, debounceMs: DEFAULT_DEBOUNCE_MS }],
    [null, { mode: undefined, fixOnSave: false, debounceMs: DEFAULT_DEBOUNCE_MS }],
    [{ mode: 'new', fixOnSave: true, debounceMs: 0 }, { mode: 'new', fixOnSave: true, debounceMs: 0 }],
    [{ mode: 'upgrade', fixOnSave: 'yes', debounceMs: -5 }, { mode: 'upgrade', fixOnSave: false, debounceMs: DEFAULT_DEBOUNCE_MS }],
    [{ mode: 'NEW', debounceMs: 1e9 }, { mode: undefined, fixOnSave: false, debounceMs: 10_000 }],
    [{ debounceMs: Number.NaN }, { mode: undefined, fixOnSave: false, debounceMs: DEFAULT_DEBOUNCE_MS }],
    [['mode', 'new'], { mode: undefined, fixOnSave: false, debounceMs: DEFAULT_DEBOUNCE_MS }],
  ])('%j → %j', (raw, expected) => {
    expect(parseSettings(raw)).toEqual(expected);
  });
});

describe('code action kinds', () => {
  it.each([
    ['source.fixAll.tl-lint', undefined, true],
    ['source.fixAll.tl-lint', ['source'], true],
    ['source.fixAll.tl-lint', ['source.fixAll'], true],
    ['source.fixAll.tl-lint', ['source.fixAll.tl-lint'], true],
    ['source.fixAll.tl-lint', ['source.fix'], false],
    ['source.fixAll.tl-lint', ['source.fixAll.eslint'], false],
    ['source.fixAll.tl-lint', ['quickfix'], false],
    ['quickfix', ['quickfix', 'source'], true],
    ['quickfix', [], false],
  ])('%s wanted by only=%j: %s', (kind, only, wanted) => {
    expect(isWanted(kind, only)).toBe(wanted);
  });
});
