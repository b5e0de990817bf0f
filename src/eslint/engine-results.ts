// The engine runs once per file for every rule with its default options, and the generated ESLint
// rules read their own findings from that run; a rule configured with other options is run again
// alone. Results live as long as the SourceCode object ESLint made for the file.
import { toMessage } from '../engine/messages.js';
import { allRules } from '../engine/registry.js';
import type { LintMessage } from '../engine/result.js';
import type { Mode, Rule } from '../engine/rule.js';
import { INTERNAL_ERROR, runRules, type ActiveRule, type Finding } from '../engine/run-rules.js';
import { partitionSuppressed } from '../engine/suppress.js';
import type { TemplateModel } from '../model/template.js';
import type { TemplateSourceCode } from './source-code.js';

export interface Problem {
  /** The registry rule the problem belongs to (a rule that threw owns its internal error). */
  readonly ruleId: string;
  readonly messageId: string;
  readonly data: Readonly<Record<string, string | number>>;
  /** Position, fix and suggestions as the CLI reports them. */
  readonly message: LintMessage;
}

type ProblemsByRule = ReadonlyMap<string, readonly Problem[]>;

const runs = new WeakMap<TemplateSourceCode, Map<string, ProblemsByRule>>();

function toProblem(model: TemplateModel, finding: Finding): Problem | undefined {
  const message = toMessage(model.file, finding);
  if (finding.ruleId !== INTERNAL_ERROR) {
    return { ruleId: finding.ruleId, messageId: finding.messageId, data: finding.report.data ?? {}, message };
  }
  // The engine names the rule that threw; its ESLint rule reports the failure.
  const ruleId = finding.report.data?.rule;
  return typeof ruleId === 'string' ? { ruleId, messageId: INTERNAL_ERROR_MESSAGE_ID, data: { message: finding.message }, message } : undefined;
}

export const INTERNAL_ERROR_MESSAGE_ID = 'tlLintInternalError';

/** Runs the rules, drops what `tl-lint-disable` comments and resource metadata suppress (as the CLI does), and groups by rule. */
function run(model: TemplateModel, rules: readonly ActiveRule[], mode: Mode): ProblemsByRule {
  const byRule = new Map<string, Problem[]>();
  for (const finding of partitionSuppressed(model, runRules(model, rules, mode)).kept) {
    const problem = toProblem(model, finding);
    if (!problem) continue;
    const list = byRule.get(problem.ruleId) ?? [];
    list.push(problem);
    byRule.set(problem.ruleId, list);
  }
  return byRule;
}

/** JSON with sorted keys: options are plain JSON values, compared by content. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

const defaultsByRule = new Map<string, string>();

/** A rule's default options as canonical JSON, computed once per rule rather than once per file. */
function defaultsJson(rule: Rule<unknown>): string {
  let json = defaultsByRule.get(rule.meta.id);
  if (json === undefined) {
    json = canonicalJson(rule.meta.options.defaults);
    defaultsByRule.set(rule.meta.id, json);
  }
  return json;
}

const active = (rule: Rule<unknown>, options: unknown): ActiveRule => ({ rule, level: rule.meta.level, options });

/** The problems of one rule in a file, or none when the file is not a template. */
export function problemsFor(sourceCode: TemplateSourceCode, rule: Rule<unknown>, options: unknown, mode: Mode): readonly Problem[] {
  const { parsed } = sourceCode;
  if (parsed.kind !== 'template') return [];
  let cached = runs.get(sourceCode);
  if (!cached) {
    cached = new Map();
    runs.set(sourceCode, cached);
  }
  const written = canonicalJson(options);
  const own = written !== defaultsJson(rule);
  const key = own ? `${mode}\0${rule.meta.id}\0${written}` : mode;
  let results = cached.get(key);
  if (!results) {
    const rules = own ? [active(rule, options)] : allRules.map((r) => active(r, r.meta.options.defaults));
    results = run(parsed.model, rules, mode);
    cached.set(key, results);
  }
  return results.get(rule.meta.id) ?? [];
}
