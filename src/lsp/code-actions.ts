import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic, type Position, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { FileLintResult } from '../engine/api.js';
import type { LintMessage } from '../engine/result.js';
import { toDiagnostic, type DocsUrl } from './diagnostics.js';
import { bomLength, minimalEdit } from './documents.js';

export const FIX_ALL_KIND = 'source.fixAll.tl-lint';

/** `only` entries are hierarchical: `source` and `source.fixAll` both ask for `source.fixAll.tl-lint`. */
export function isWanted(kind: string, only: readonly string[] | undefined): boolean {
  return only === undefined || only.some((prefix) => kind === prefix || kind.startsWith(`${prefix}.`));
}

/** How edits are sent: versioned `documentChanges` when the client takes them, so a stale edit is refused. */
export interface EditTarget {
  readonly document: TextDocument;
  readonly version: number;
  readonly documentChanges: boolean;
}

export function workspaceEdit(target: EditTarget, edits: TextEdit[]): WorkspaceEdit {
  const { uri } = target.document;
  return target.documentChanges ? { documentChanges: [{ textDocument: { uri, version: target.version }, edits }] } : { changes: { [uri]: edits } };
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const touches = (a: Range, b: Range) => before(a.start, b.end) && before(b.start, a.end);

/** Per finding in `range`: its safe fix (preferred), its unsafe fixes, and a suppression comment. */
export function quickFixes(target: EditTarget, path: string, result: FileLintResult, range: Range, docsUrl: DocsUrl): CodeAction[] {
  const { document } = target;
  const actions: CodeAction[] = [];
  const disabled = new Set<string>();
  for (const message of result.messages) {
    const { ruleId } = message;
    if (ruleId === null) continue;
    const diagnostic = toDiagnostic(document, path, message, docsUrl);
    if (!touches(diagnostic.range, range)) continue;
    const fixAction = (title: string, fix: NonNullable<LintMessage['fix']>, isPreferred: boolean): CodeAction => ({
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      ...(isPreferred ? { isPreferred } : {}),
      edit: workspaceEdit(target, [minimalEdit(document, fix.range[0], fix.range[1], fix.text)]),
    });
    if (message.fix) actions.push(fixAction(message.fix.desc ?? `Fix this ${ruleId} problem`, message.fix, true));
    for (const suggestion of message.suggestions ?? []) actions.push(fixAction(`${suggestion.desc} (unsafe)`, suggestion.fix, false));
    const key = `${String(diagnostic.range.start.line)}:${ruleId}`;
    if (!disabled.has(key)) {
      disabled.add(key);
      actions.push(disableForLine(target, ruleId, diagnostic));
    }
  }
  return actions;
}

/** An existing `// tl-lint-disable-next-line ids -- reason` line: the new id goes after the list. */
const NEXT_LINE_DIRECTIVE = /^([ \t]*\/\/[ \t]*tl-lint-disable-next-line[ \t]+)(.*?)(?:[ \t]+--(?:[ \t].*)?)?[ \t]*$/;

function lineText(document: TextDocument, line: number): string {
  return document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
}

/**
 * `// tl-lint-disable-next-line <id>` above the finding's line, indented like it. `//` comments
 * work in Bicep and in ARM JSON, which allows comments in `.json` files too.
 */
function disableForLine(target: EditTarget, ruleId: string, diagnostic: Diagnostic): CodeAction {
  const { document } = target;
  const { line } = diagnostic.range.start;
  const previous = line > 0 ? NEXT_LINE_DIRECTIVE.exec(lineText(document, line - 1)) : null;
  let edit: TextEdit;
  if (previous) {
    const character = (previous[1] ?? '').length + (previous[2] ?? '').length;
    edit = { range: { start: { line: line - 1, character }, end: { line: line - 1, character } }, newText: `, ${ruleId}` };
  } else {
    const text = line === 0 ? lineText(document, 0).slice(bomLength(document.getText())) : lineText(document, line);
    const indent = /^[ \t]*/.exec(text)?.[0] ?? '';
    const eol = document.getText().includes('\r\n') ? '\r\n' : '\n';
    const at = { line, character: line === 0 ? bomLength(document.getText()) : 0 };
    edit = { range: { start: at, end: at }, newText: `${indent}// tl-lint-disable-next-line ${ruleId}${eol}` };
  }
  return { title: `Disable ${ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: workspaceEdit(target, [edit]) };
}

/** Every safe fix at once: the engine's fixed text (`fix: 'safe'`) as one minimal edit. */
export function fixAllEdits(document: TextDocument, fixed: FileLintResult): TextEdit[] {
  if (fixed.output === undefined) return [];
  const length = document.getText().length - bomLength(document.getText());
  return [minimalEdit(document, 0, length, fixed.output)];
}

export function fixAllAction(target: EditTarget, fixed: FileLintResult): CodeAction | undefined {
  const edits = fixAllEdits(target.document, fixed);
  if (edits.length === 0) return undefined;
  return { title: 'Fix all safe tl-lint problems', kind: FIX_ALL_KIND, edit: workspaceEdit(target, edits) };
}
