import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { fingerprintMessages, FINGERPRINT_KEY } from '../cli/fingerprint.js';
import { pathBelow } from '../cli/paths.js';
import type { LintMessage, LintResult, MessageFix, RelatedMessage } from '../engine/result.js';
import type { Level, RuleMeta } from '../engine/rule.js';
import { createSourceFile, positionAt, type SourceFile } from '../model/source.js';
import { readRuleDocs } from './rule-docs.js';
import type { FormatContext, Formatter } from './types.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = 'SRCROOT';

const LEVEL: Readonly<Record<Level, Sarif.ReportingConfiguration.level>> = { error: 'error', warn: 'warning', info: 'note' };
const SEVERITY_LEVEL = ['note', 'warning', 'error'] as const;

/**
 * SARIF 2.1.0 for code scanning: one run, every rule in `tool.driver.rules`, paths relative to the
 * `SRCROOT` base (the working directory), fixes as artifact changes and stable `partialFingerprints`.
 * Parse errors and ignored files are tool notifications, not results: they belong to no rule.
 * https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
export const sarif: Formatter = (results, context) => {
  const rules = driverRules(results, context);
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const sarifResults: Sarif.Result[] = [];
  const notifications: Sarif.Notification[] = [];
  for (const result of results) {
    const text = result.output ?? result.source;
    const file = text === undefined ? undefined : createSourceFile(result.filePath, text);
    const fingerprints = fingerprintMessages(result, context.cwd);
    result.messages.forEach((message, i) => {
      if (message.ruleId === null) {
        notifications.push(notification(result.filePath, message, context.cwd));
        return;
      }
      sarifResults.push(toResult(result.filePath, message, { file, fingerprint: fingerprints[i] ?? '', ruleIndex: index.get(message.ruleId), cwd: context.cwd }));
    });
    // Findings suppressed by a comment or resource metadata: kept, marked, so code scanning shows them as such.
    const suppressedPrints = fingerprintMessages(result, context.cwd, result.suppressedMessages);
    result.suppressedMessages.forEach((message, i) => {
      if (message.ruleId === null) return;
      const found = toResult(result.filePath, message, { file, fingerprint: suppressedPrints[i] ?? '', ruleIndex: index.get(message.ruleId), cwd: context.cwd });
      sarifResults.push({ ...found, suppressions: [{ kind: 'inSource' }] });
    });
  }
  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: driver(context, rules) },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(context.cwd) } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function driver(context: FormatContext, rules: Sarif.ReportingDescriptor[]): Sarif.ToolComponent {
  const tool = context.tool;
  return {
    name: tool?.name ?? 'tl-lint',
    ...(tool ? { version: tool.version, semanticVersion: tool.version } : {}),
    ...(tool?.dataVersion === undefined ? {} : { properties: { dataVersion: tool.dataVersion } }),
    rules,
  };
}

/** The run's rules, then any rule id a result names that is not one of them (an internal error). */
function driverRules(results: readonly LintResult[], context: FormatContext): Sarif.ReportingDescriptor[] {
  const descriptors = (context.rules ?? []).map((meta) => describeRule(meta, context.tool?.docsDirectory));
  const known = new Set(descriptors.map((d) => d.id));
  for (const message of results.flatMap((r) => [...r.messages, ...r.suppressedMessages])) {
    if (message.ruleId === null || known.has(message.ruleId)) continue;
    known.add(message.ruleId);
    descriptors.push({ id: message.ruleId, shortDescription: { text: message.ruleId } });
  }
  return descriptors;
}

function describeRule(meta: RuleMeta<unknown>, docsDirectory: string | undefined): Sarif.ReportingDescriptor {
  const docs = docsDirectory === undefined ? undefined : readRuleDocs(docsDirectory, meta.id);
  return {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: meta.description },
    fullDescription: { text: docs?.why ?? meta.description },
    ...(docs ? { helpUri: docs.url, help: { text: docs.markdown, markdown: docs.markdown } } : {}),
    defaultConfiguration: { level: LEVEL[meta.level], enabled: true },
    properties: { tags: ['azure', 'trusted-launch', meta.mode === 'upgrade' ? 'upgrade' : 'upgrade-and-new'], fix: meta.fix, mode: meta.mode },
  };
}

interface ResultContext {
  readonly file: SourceFile | undefined;
  readonly fingerprint: string;
  readonly ruleIndex: number | undefined;
  readonly cwd: string;
}

function toResult(filePath: string, message: LintMessage, context: ResultContext): Sarif.Result {
  const fixes = [
    ...(message.fix ? [toFix(filePath, message.fix.desc ?? 'Apply the safe fix (tl-lint --fix)', message.fix, 'safe', context)] : []),
    ...(message.suggestions ?? []).map((s) => toFix(filePath, s.desc, s.fix, 'unsafe', context)),
  ];
  return {
    ruleId: message.ruleId ?? undefined,
    ...(context.ruleIndex === undefined ? {} : { ruleIndex: context.ruleIndex }),
    level: SEVERITY_LEVEL[message.severity],
    message: { text: message.message },
    locations: [{ physicalLocation: physicalLocation(filePath, context.cwd, messageRegion(message)) }],
    ...(message.related && message.related.length > 0
      ? { relatedLocations: message.related.map((related, id) => relatedLocation(related, id, context.cwd)) }
      : {}),
    ...(fixes.length > 0 ? { fixes } : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: context.fingerprint },
  };
}

function messageRegion(message: LintMessage): Sarif.Region | undefined {
  if (message.line < 1) return undefined;
  return {
    startLine: message.line,
    startColumn: message.column,
    endLine: message.endLine,
    endColumn: message.endColumn,
    charOffset: message.offset,
    charLength: message.length,
  };
}

function relatedLocation(related: RelatedMessage, id: number, cwd: string): Sarif.Location {
  const region: Sarif.Region = { startLine: related.line, startColumn: related.column, endLine: related.endLine, endColumn: related.endColumn };
  return { id, message: { text: related.message }, physicalLocation: physicalLocation(related.filePath, cwd, related.line >= 1 ? region : undefined) };
}

function toFix(filePath: string, description: string, fix: MessageFix, applicability: 'safe' | 'unsafe', context: ResultContext): Sarif.Fix {
  const [start, end] = fix.range;
  const deletedRegion: Sarif.Region = { charOffset: start, charLength: end - start, ...lineColumns(context.file, start, end) };
  return {
    description: { text: description },
    artifactChanges: [{ artifactLocation: artifactLocation(filePath, context.cwd), replacements: [{ deletedRegion, insertedContent: { text: fix.text } }] }],
    properties: { applicability },
  };
}

function lineColumns(file: SourceFile | undefined, start: number, end: number): Sarif.Region {
  if (file === undefined) return {};
  const from = positionAt(file, start);
  const to = positionAt(file, end);
  return { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column };
}

function notification(filePath: string, message: LintMessage, cwd: string): Sarif.Notification {
  return {
    level: message.fatal === true ? 'error' : 'warning',
    message: { text: message.message },
    descriptor: { id: message.fatal === true ? 'parse-error' : 'file-ignored' },
    locations: [{ physicalLocation: physicalLocation(filePath, cwd, messageRegion(message)) }],
  };
}

function physicalLocation(filePath: string, cwd: string, region: Sarif.Region | undefined): Sarif.PhysicalLocation {
  return { artifactLocation: artifactLocation(filePath, cwd), ...(region ? { region } : {}) };
}

/** Relative to SRCROOT when the file is below it; an absolute file URI otherwise. */
function artifactLocation(filePath: string, cwd: string): Sarif.ArtifactLocation {
  const shown = pathBelow(cwd, filePath);
  if (shown === undefined) return { uri: pathToFileURL(filePath).href };
  return { uri: shown.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function directoryUri(directory: string): string {
  const href = pathToFileURL(directory).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function pascalCase(id: string): string {
  return id
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}
