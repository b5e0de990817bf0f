// Every rule of the registry as an ESLint rule, made from its metadata: the rule reports what the
// shared engine run found for its id, with the safe fix as ESLint's fix and the other fixes as suggestions.
import type { RuleContext, RuleDefinition, RuleTextEditor, SettingsConfig, ViolationReport } from '@eslint/core';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { allRules } from '../engine/registry.js';
import type { MessageFix } from '../engine/result.js';
import type { Mode, Rule } from '../engine/rule.js';
import { INTERNAL_ERROR_MESSAGE_ID, problemsFor, type Problem } from './engine-results.js';
import { findPackage } from './package-root.js';
import { TemplateSourceCode, type TemplateLanguageOptions, type TemplateNode } from './source-code.js';

type RuleOptions = [Record<string, unknown>?];

export type TemplateRuleDefinition = RuleDefinition<{
  LangOptions: TemplateLanguageOptions;
  Code: TemplateSourceCode;
  RuleOptions: RuleOptions;
  Visitor: { Document?: () => void };
  Node: TemplateNode;
  MessageIds: string;
  ExtRuleDocs: unknown;
}>;

type Context = RuleContext<{ LangOptions: TemplateLanguageOptions; Code: TemplateSourceCode; RuleOptions: RuleOptions; Node: TemplateNode; MessageIds: string }>;

const packageRoot = findPackage(import.meta.url)?.root;

/** The rule's page in the installed package (docs/rules/<id>.md), as the SARIF output links it. */
function docsUrl(id: string): string | undefined {
  return packageRoot === undefined ? undefined : pathToFileURL(join(packageRoot, 'docs', 'rules', `${id}.md`)).href;
}

/** `settings: { 'tl-lint': { mode: 'new' } }` turns off the rules that only matter when upgrading existing resources. */
export function modeOf(settings: SettingsConfig): Mode {
  const own = settings['tl-lint'];
  const mode = own !== null && typeof own === 'object' && 'mode' in own ? own.mode : undefined;
  if (mode === undefined || mode === 'upgrade' || mode === 'new') return mode ?? 'upgrade';
  throw new Error(`tl-lint: settings['tl-lint'].mode must be "upgrade" or "new", got ${JSON.stringify(mode)}`);
}

const edit = (fix: MessageFix) => (fixer: RuleTextEditor) => fixer.replaceTextRange([fix.range[0], fix.range[1]], fix.text);

function toReport(problem: Problem, fixable: boolean): ViolationReport<TemplateNode> {
  const { message } = problem;
  const loc = { start: { line: message.line, column: message.column - 1 }, end: { line: message.endLine, column: message.endColumn - 1 } };
  // A rule whose metadata promises no safe fix offers any it makes as a suggestion (ESLint rejects undeclared fixes).
  const safe = fixable ? message.fix : undefined;
  const suggestions = [...(message.fix && !fixable ? [{ desc: message.fix.desc ?? 'Apply the fix', fix: message.fix }] : []), ...(message.suggestions ?? [])];
  return {
    loc,
    messageId: problem.messageId,
    data: problem.data,
    ...(safe ? { fix: edit(safe) } : {}),
    ...(suggestions.length > 0 ? { suggest: suggestions.map((s) => ({ desc: s.desc, fix: edit(s.fix) })) } : {}),
  };
}

export function toEslintRule(rule: Rule<unknown>): TemplateRuleDefinition {
  const { meta } = rule;
  const fixable = meta.fix === 'safe';
  const url = docsUrl(meta.id);
  return {
    meta: {
      // Info-level rules are notes about the roll-out, not blockers (`eslint --fix-type` tells them apart).
      type: meta.level === 'info' ? 'suggestion' : 'problem',
      docs: { description: meta.description, recommended: true, ...(url === undefined ? {} : { url }) },
      ...(fixable ? { fixable: 'code' as const } : {}),
      // Unsafe fixes (and a safe fix's alternatives) become suggestions.
      hasSuggestions: meta.fix === 'safe' || meta.fix === 'unsafe',
      schema: [meta.options.schema],
      defaultOptions: [meta.options.defaults as Record<string, unknown>],
      messages: { ...meta.messages, [INTERNAL_ERROR_MESSAGE_ID]: '{{message}}' },
    },
    create(context: Context) {
      const { sourceCode } = context;
      // A rule enabled for files of another language (a `rules` entry without `files`) has nothing to say there.
      if (!(sourceCode instanceof TemplateSourceCode)) return {};
      return {
        Document() {
          const options = context.options[0] ?? meta.options.defaults;
          for (const problem of problemsFor(sourceCode, rule, options, modeOf(context.settings))) context.report(toReport(problem, fixable));
        },
      };
    },
  };
}

export const eslintRules: Readonly<Record<string, TemplateRuleDefinition>> = Object.fromEntries(allRules.map((rule) => [rule.meta.id, toEslintRule(rule)]));
