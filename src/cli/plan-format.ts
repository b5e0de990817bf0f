import pc from 'picocolors';
import type { PlanFormat } from './args.js';
import type { Step } from '../engine/plan.js';
import type { FilePlan, MachinePlanReport, PlanFinding } from './plan-command.js';

export interface PlanRenderOptions {
  readonly format: PlanFormat;
  readonly color: boolean;
  /** Files linted that hold no scale set, VM or finding. */
  readonly skipped: number;
}

export function renderPlan(plans: readonly FilePlan[], options: PlanRenderOptions): string {
  if (options.format === 'json') return `${JSON.stringify({ files: plans, filesWithoutMachines: options.skipped }, null, 2)}\n`;
  if (options.format === 'markdown') return markdownPlan(plans, options.skipped);
  return textPlan(plans, options);
}

// ---- text ---------------------------------------------------------------------------------------

type Colors = ReturnType<typeof pc.createColors>;

function textPlan(plans: readonly FilePlan[], options: PlanRenderOptions): string {
  const c = pc.createColors(options.color);
  const out: string[] = [];
  for (const plan of plans) {
    out.push(c.underline(plan.file));
    if (plan.error !== undefined) out.push(`  ${c.red('cannot plan:')} ${plan.error}`);
    for (const machine of plan.machines) out.push(...machineText(machine, c));
    if (plan.templateFindings.length > 0) {
      out.push(`  ${c.bold('Elsewhere in the template')}`);
      out.push(...plan.templateFindings.map((f) => `    ${findingText(f, c)}`));
    }
    if (plan.diff !== '') {
      out.push(`  ${c.bold('Changes the fixes make')} ${c.dim('(tl-lint --unsafe-fixes; --fix applies the safe ones)')}`);
      out.push(...plan.diff.trimEnd().split('\n').map((line) => `    ${paintDiff(line, c)}`));
    }
    out.push('');
  }
  out.push(summary(plans, options.skipped));
  return `${out.join('\n')}\n`;
}

function machineText(machine: MachinePlanReport, c: Colors): string[] {
  const lines = [`  ${c.bold(machine.label)} ${c.dim(`(${machine.type}, line ${String(machine.line)})`)}`];
  if (machine.upgradeModes !== undefined) lines.push(`    Upgrade policy: ${machine.upgradeModes.join(' or ')}`);
  else if (machine.type.toLowerCase().endsWith('virtualmachinescalesets')) lines.push('    Upgrade policy: decided at deployment time');
  lines.push(
    machine.blockers.length === 0
      ? `    ${c.green('No blockers: ready for Trusted Launch.')}`
      : `    ${c.red(`Blockers (${String(machine.blockers.length)}):`)}`,
  );
  lines.push(...machine.blockers.map((f) => `      ${findingText(f, c)}`));
  if (machine.notes.length > 0) lines.push('    Also:', ...machine.notes.map((f) => `      ${findingText(f, c)}`));
  if (machine.costs.length > 0) lines.push('    What it costs:', ...machine.costs.map((cost) => `      - ${cost}`));
  for (const when of ['before deploying', 'after deploying'] as const) {
    const steps = machine.steps.filter((s) => s.when === when);
    if (steps.length > 0) lines.push(`    ${capitalize(when)}:`, ...steps.flatMap((s) => stepText(s, c)));
  }
  lines.push('    To roll back:', ...machine.rollback.map((step) => `      - ${step}`));
  return lines;
}

function stepText(step: Step, c: Colors): string[] {
  return [`      ${step.description}:`, ...step.commands.map((command) => `        ${command.text}  ${c.dim(`# ${command.shell}`)}`)];
}

function findingText(finding: PlanFinding, c: Colors): string {
  const level = finding.level === 'error' ? c.red(finding.level) : finding.level === 'warning' ? c.yellow(finding.level) : c.blue(finding.level);
  const fix = finding.fix === 'none' ? 'no automatic fix' : `${finding.fix} fix`;
  return `${String(finding.line)}:${String(finding.column)}  ${level}  ${finding.message}  ${c.dim(`${finding.ruleId}, ${fix}`)}`;
}

function paintDiff(line: string, c: Colors): string {
  if (line.startsWith('+++') || line.startsWith('---')) return c.bold(line);
  if (line.startsWith('@@')) return c.cyan(line);
  if (line.startsWith('+')) return c.green(line);
  return line.startsWith('-') ? c.red(line) : line;
}

// ---- markdown -----------------------------------------------------------------------------------

function markdownPlan(plans: readonly FilePlan[], skipped: number): string {
  const out: string[] = ['# Trusted Launch upgrade plan', ''];
  for (const plan of plans) {
    out.push(`## \`${plan.file}\``, '');
    if (plan.error !== undefined) out.push(`Cannot plan: ${plan.error}`, '');
    for (const machine of plan.machines) out.push(...machineMarkdown(machine));
    if (plan.templateFindings.length > 0) out.push('### Elsewhere in the template', '', ...findingTable(plan.templateFindings), '');
    if (plan.diff !== '') out.push('### Changes the fixes make', '', '`tl-lint --unsafe-fixes` (`--fix` applies the safe ones):', '', '```diff', plan.diff.trimEnd(), '```', '');
  }
  out.push(summary(plans, skipped));
  return `${out.join('\n')}\n`;
}

function machineMarkdown(machine: MachinePlanReport): string[] {
  const lines = [`### ${machine.label}`, '', `\`${machine.type}\`, line ${String(machine.line)}.`];
  if (machine.upgradeModes !== undefined) lines.push(`Upgrade policy: ${machine.upgradeModes.join(' or ')}.`);
  lines.push('');
  if (machine.blockers.length === 0) lines.push('No blockers: ready for Trusted Launch.', '');
  else lines.push('**Blockers**', '', ...findingTable(machine.blockers), '');
  if (machine.notes.length > 0) lines.push('**Also**', '', ...findingTable(machine.notes), '');
  if (machine.costs.length > 0) lines.push('**What it costs**', '', ...machine.costs.map((cost) => `- ${cost}`), '');
  for (const when of ['before deploying', 'after deploying'] as const) {
    const steps = machine.steps.filter((s) => s.when === when);
    if (steps.length === 0) continue;
    lines.push(`**${capitalize(when)}**`, '');
    for (const step of steps) {
      lines.push(`${step.description}:`, '', '```sh', ...step.commands.map((command) => `${command.text}  # ${command.shell}`), '```', '');
    }
  }
  lines.push('**To roll back**', '', ...machine.rollback.map((step) => `- ${step}`), '');
  return lines;
}

function findingTable(findings: readonly PlanFinding[]): string[] {
  const escape = (text: string) => text.replaceAll('|', '\\|').replace(/\r?\n/g, '<br>');
  return [
    '| Line | Level | Rule | Finding | Fix |',
    '| ---: | --- | --- | --- | --- |',
    ...findings.map((f) => `| ${String(f.line)}:${String(f.column)} | ${f.level} | \`${f.ruleId}\` | ${escape(f.message)} | ${f.fix} |`),
  ];
}

// ---- shared -------------------------------------------------------------------------------------

function summary(plans: readonly FilePlan[], skipped: number): string {
  const machines = plans.flatMap((p) => p.machines);
  const blocked = machines.filter((m) => m.blockers.length > 0).length;
  const without = skipped > 0 ? ` ${plural(skipped, 'other file')} without scale sets, VMs or findings.` : '';
  return `${plural(machines.length, 'scale set or VM', 'scale sets and VMs')} in ${plural(plans.length, 'file')}: ${String(blocked)} blocked, ${String(machines.length - blocked)} ready.${without}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${String(count)} ${count === 1 ? one : many}`;
}
