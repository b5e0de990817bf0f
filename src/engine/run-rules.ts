import type { Applicability, TextEdit } from '../model/fix.js';
import type { TemplateModel } from '../model/template.js';
import type { Level, Mode, RelatedLocation, Report, Rule } from './rule.js';
import { createTemplateView } from './view.js';

export interface ActiveRule {
  readonly rule: Rule<unknown>;
  readonly level: Level;
  readonly options: unknown;
}

export interface RenderedFix {
  readonly title: string;
  readonly applicability: Applicability;
  readonly edits: readonly TextEdit[];
}

/** A rule's report, with its message filled in and its fixes rendered for this file's syntax. */
export interface Finding {
  readonly ruleId: string;
  readonly messageId: string;
  readonly message: string;
  readonly level: Level;
  readonly report: Report;
  readonly related: readonly RelatedLocation[];
  readonly fixes: readonly RenderedFix[];
}

export const INTERNAL_ERROR = 'internal-error';

const LEVEL_RANK: Readonly<Record<Level, number>> = { info: 0, warn: 1, error: 2 };

export function formatMessage(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) =>
    Object.hasOwn(data, key) ? String(data[key]) : whole,
  );
}

function toFinding(rule: Rule<unknown>, level: Level, report: Report, model: TemplateModel): Finding {
  const template = rule.meta.messages[report.messageId];
  if (template === undefined) throw new Error(`reported unknown messageId '${report.messageId}'`);
  const fixes = (report.fixes ?? []).flatMap((fix): RenderedFix[] => {
    if (fix.applicability === 'display-only') return [{ title: fix.title, applicability: fix.applicability, edits: [] }];
    const edits = model.renderer.render(fix.intents);
    return edits ? [{ title: fix.title, applicability: fix.applicability, edits }] : [];
  });
  // A report may lower its level (uncertain data), never raise it above the configured one.
  const effective = report.level && LEVEL_RANK[report.level] < LEVEL_RANK[level] ? report.level : level;
  return {
    ruleId: rule.meta.id,
    messageId: report.messageId,
    message: formatMessage(template, report.data),
    level: effective,
    report,
    related: report.related ?? [],
    fixes,
  };
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs each rule in isolation: a rule that throws becomes one internal-error finding. */
export function runRules(model: TemplateModel, rules: readonly ActiveRule[], mode: Mode): Finding[] {
  const view = createTemplateView(model);
  const findings: Finding[] = [];
  for (const { rule, level, options } of rules) {
    if (mode === 'new' && rule.meta.mode === 'upgrade') continue;
    const reports: Report[] = [];
    try {
      rule.check({ template: view, options, mode, report: (r) => reports.push(r) });
      for (const report of reports) findings.push(toFinding(rule, level, report, model));
    } catch (error) {
      findings.push({
        ruleId: INTERNAL_ERROR,
        messageId: 'internalError',
        message: `Rule '${rule.meta.id}' failed on ${model.file.path}: ${describeError(error)}. This is a bug in tl-lint; please report it.`,
        level: 'error',
        report: { messageId: 'internalError', range: { start: 0, end: 0 }, data: { rule: rule.meta.id } },
        related: [],
        fixes: [],
      });
    }
  }
  return findings.sort((a, b) => a.report.range.start - b.report.range.start || a.ruleId.localeCompare(b.ruleId));
}
