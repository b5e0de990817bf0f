import { relative } from 'node:path';
import type { Engine, LintOptions } from '../engine/api.js';
import { guidanceFor, machineOf, machinesOf, type Machine, type MachineGuidance } from '../engine/plan.js';
import type { LintMessage } from '../engine/result.js';
import { createSourceFile } from '../model/source.js';
import type { PlanCommandOptions } from './args.js';
import { diffNames, unifiedDiff } from './diff.js';
import { discoverFiles } from './files.js';
import type { CliHost } from './host.js';
import type { CliIo } from './io.js';
import { createParser, requireFile, writeReport } from './command-support.js';
import { renderPlan } from './plan-format.js';

export type FixKind = 'safe' | 'unsafe' | 'none';

export interface PlanFinding {
  readonly ruleId: string;
  readonly level: 'error' | 'warning' | 'info';
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly fix: FixKind;
}

export interface MachinePlanReport extends MachineGuidance {
  readonly label: string;
  readonly type: string;
  readonly name: string | undefined;
  readonly line: number;
  readonly upgradeModes: readonly string[] | undefined;
  /** Error-level findings: what stops Trusted Launch. */
  readonly blockers: readonly PlanFinding[];
  /** Warnings and infos. */
  readonly notes: readonly PlanFinding[];
}

export interface FilePlan {
  /** Relative to the working directory. */
  readonly file: string;
  readonly machines: readonly MachinePlanReport[];
  /** Findings outside every scale set and VM (a gallery image, an expression in a variable). */
  readonly templateFindings: readonly PlanFinding[];
  /** What `--unsafe-fixes` would change, as a unified diff ('' when nothing). */
  readonly diff: string;
  /** Set when the file could not be read as a template. */
  readonly error?: string;
}

/** `tl-lint plan`: per scale set and VM, the blockers, the fixes' diff and cost, the commands, the way back. */
export async function runPlan(options: PlanCommandOptions, io: CliIo, host: CliHost): Promise<number> {
  requireFile('Config file', options.configFile, io.cwd);
  requireFile('Parameters file', options.parametersFile, io.cwd);
  const base: LintOptions = {
    cwd: io.cwd,
    ruleOverrides: options.ruleOverrides,
    oneShot: true,
    ...(options.configFile === undefined ? {} : { configFile: options.configFile }),
    ...(options.mode === undefined ? {} : { mode: options.mode }),
    ...(options.parametersFile === undefined ? {} : { parametersFile: options.parametersFile }),
  };
  const engine = await host.createEngine({ ...base, fix: false });
  const fixer = await host.createEngine({ ...base, fix: 'unsafe' });
  const files = await discoverFiles(options.patterns, { cwd: io.cwd, isIgnored: (path) => engine.isIgnored(path) });
  const parse = createParser(io.cwd, options.parametersFile);
  const plans: FilePlan[] = [];
  let skipped = 0;
  for (const file of files.filter((f) => !f.ignored)) {
    const plan = await planFile(file.path, { engine, fixer, parse, cwd: io.cwd });
    if (plan === undefined || (plan.machines.length === 0 && plan.templateFindings.length === 0 && plan.error === undefined)) skipped++;
    else plans.push(plan);
  }
  const color = options.outputFile === undefined && (options.color ?? (io.stdout.isTTY === true && (io.env.NO_COLOR ?? '') === ''));
  const report = renderPlan(plans, { format: options.format, color, skipped });
  if (options.outputFile === undefined) io.stdout.write(report);
  else await writeReport(options.outputFile, io.cwd, report);
  return plans.some((plan) => plan.error !== undefined) ? 1 : 0;
}

interface PlanContext {
  readonly engine: Engine;
  readonly fixer: Engine;
  readonly parse: ReturnType<typeof createParser>;
  readonly cwd: string;
}

async function planFile(path: string, context: PlanContext): Promise<FilePlan | undefined> {
  const file = relative(context.cwd, path);
  const result = await context.engine.lintFile(path);
  if (result.kind === 'fatal') return { file, machines: [], templateFindings: [], diff: '', error: result.messages[0]?.message ?? 'The file cannot be read.' };
  if (result.kind !== 'template' || result.source === undefined) return undefined;
  const parsed = context.parse(createSourceFile(path, result.source));
  const machines = parsed.kind === 'template' ? machinesOf(parsed.model) : [];
  const fixed = await context.fixer.lintFile(path, result.source);
  const diff = fixed.output === undefined ? '' : unifiedDiff(result.source, fixed.output, diffNames(path, context.cwd));
  const byMachine = new Map<Machine, LintMessage[]>(machines.map((m) => [m, []]));
  const templateFindings: PlanFinding[] = [];
  for (const message of result.messages) {
    const owner = machineOf(machines, message);
    if (owner) byMachine.get(owner)?.push(message);
    else templateFindings.push(toFinding(message));
  }
  const text = result.source;
  return { file, machines: machines.map((m) => machineReport(m, byMachine.get(m) ?? [], text)), templateFindings, diff };
}

function machineReport(target: Machine, messages: readonly LintMessage[], text: string): MachinePlanReport {
  const findings = messages.map(toFinding);
  const blockers = findings.filter((f) => f.level === 'error');
  const notes = findings.filter((f) => f.level !== 'error');
  const guidance = guidanceFor(target, new Set(findings.map((f) => f.ruleId)));
  // A machine with nothing to change has nothing to pay and nothing to run; the way back still applies.
  const changes = blockers.length > 0 || notes.some((f) => f.fix !== 'none');
  return {
    label: target.label,
    type: target.type,
    name: target.name,
    line: text.slice(0, target.typeRange.start).split(/\r\n|\r|\n/).length,
    upgradeModes: target.upgradeModes,
    blockers,
    notes,
    ...(changes ? guidance : { ...guidance, costs: [], steps: [] }),
  };
}

const LEVELS = ['info', 'warning', 'error'] as const;

function toFinding(message: LintMessage): PlanFinding {
  return {
    ruleId: message.ruleId ?? 'parse-error',
    level: message.fatal === true ? 'error' : LEVELS[message.severity],
    message: message.message,
    line: message.line,
    column: message.column,
    fix: message.fix ? 'safe' : (message.suggestions?.length ?? 0) > 0 ? 'unsafe' : 'none',
  };
}
