import { pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import type { FileLintResult } from '../engine/api.js';
import type { LintMessage, RelatedMessage } from '../engine/result.js';
import { bomLength, rangeAt } from './documents.js';

export const SOURCE = 'tl-lint';

const SEVERITY = [DiagnosticSeverity.Information, DiagnosticSeverity.Warning, DiagnosticSeverity.Error] as const;

/** A rule's docs page for `codeDescription.href`. */
export type DocsUrl = (ruleId: string) => string;

/** Related ranges (the parameter default that decided a value): engine positions are 1-based. */
function relatedInformation(document: TextDocument, path: string, related: RelatedMessage): DiagnosticRelatedInformation {
  const inDocument = related.filePath === path;
  // Engine columns skip a BOM; the document's first line still has it.
  const shift = (line: number) => (inDocument && line === 1 ? bomLength(document.getText()) : 0);
  return {
    location: {
      uri: inDocument ? document.uri : pathToFileURL(related.filePath).href,
      range: {
        start: { line: related.line - 1, character: related.column - 1 + shift(related.line) },
        end: { line: related.endLine - 1, character: related.endColumn - 1 + shift(related.endLine) },
      },
    },
    message: related.message,
  };
}

export function toDiagnostic(document: TextDocument, path: string, message: LintMessage, docsUrl: DocsUrl): Diagnostic {
  const { ruleId } = message;
  return {
    range: rangeAt(document, message.offset, message.offset + message.length),
    severity: SEVERITY[message.severity],
    source: SOURCE,
    message: message.message,
    ...(ruleId === null ? {} : { code: ruleId, codeDescription: { href: docsUrl(ruleId) } }),
    ...(message.related ? { relatedInformation: message.related.map((r) => relatedInformation(document, path, r)) } : {}),
  };
}

/**
 * A parse error is only worth showing in a file that claims to be a template: every broken
 * package.json or settings file the user edits is JSON too, and its own language server reports it.
 */
function looksLikeTemplate(path: string, text: string): boolean {
  return /\.bicep(param)?$/i.test(path) || /schema\.management\.azure\.com/i.test(text);
}

export function toDiagnostics(document: TextDocument, path: string, result: FileLintResult, docsUrl: DocsUrl): Diagnostic[] {
  if (result.kind === 'fatal' && !looksLikeTemplate(path, document.getText())) return [];
  return result.messages.map((message) => toDiagnostic(document, path, message, docsUrl));
}

/** A config file that does not load: shown at the top of each document it governs, since nothing else is linted. */
export function configErrorDiagnostic(message: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    message,
  };
}
