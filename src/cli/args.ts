import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { FixLevel } from '../engine/api.js';
import type { Mode, Setting } from '../engine/rule.js';
import { closestMatches } from './closest.js';
import { UsageError } from './usage-error.js';

export interface LintCommandOptions {
  readonly patterns: readonly string[];
  readonly fix: FixLevel;
  /** `--fix-dry-run`: compute fixes, print the diff, write nothing. */
  readonly dryRun: boolean;
  readonly format: string;
  readonly outputFile: string | undefined;
  readonly configFile: string | undefined;
  readonly ruleOverrides: Readonly<Record<string, Setting>>;
  readonly mode: Mode | undefined;
  readonly parametersFile: string | undefined;
  readonly maxWarnings: number | undefined;
  readonly quiet: boolean;
  /** undefined: colour when stdout is a terminal and NO_COLOR is not set. */
  readonly color: boolean | undefined;
  /** `--baseline`: report only findings whose fingerprints this file does not record. */
  readonly baseline: string | undefined;
  /** `--write-baseline`: record every current finding in this file. */
  readonly writeBaseline: string | undefined;
  /** `--cache`, with `--cache-location` or the default `.tl-lint-cache`. */
  readonly cache: string | undefined;
  /** `--jobs`: worker threads; undefined lets the CLI choose (the number of cores for large runs). */
  readonly jobs: number | undefined;
  readonly shard: Shard | undefined;
}

/** `--shard k/n`: the k-th of n parts of the file set, 1-based. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

export type PlanFormat = 'text' | 'markdown' | 'json';

export const planFormats: readonly PlanFormat[] = ['text', 'markdown', 'json'];

export interface PlanCommandOptions {
  readonly patterns: readonly string[];
  readonly format: PlanFormat;
  readonly outputFile: string | undefined;
  readonly configFile: string | undefined;
  readonly ruleOverrides: Readonly<Record<string, Setting>>;
  readonly mode: Mode | undefined;
  readonly parametersFile: string | undefined;
  readonly color: boolean | undefined;
}

export interface RollbackCommandOptions {
  readonly patterns: readonly string[];
  /** Print the diff, write nothing. */
  readonly dryRun: boolean;
  /** Also edit variables and parameter defaults that other resources may share. */
  readonly unsafe: boolean;
  readonly configFile: string | undefined;
  readonly parametersFile: string | undefined;
  readonly color: boolean | undefined;
}

export interface InitCommandOptions {
  readonly force: boolean;
  readonly mode: Mode | undefined;
}

export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'rules' }
  | { readonly kind: 'rule'; readonly id: string }
  | { readonly kind: 'lint'; readonly options: LintCommandOptions }
  | { readonly kind: 'plan'; readonly options: PlanCommandOptions }
  | { readonly kind: 'rollback'; readonly options: RollbackCommandOptions }
  | { readonly kind: 'init'; readonly options: InitCommandOptions };

export interface ArgContext {
  readonly ruleIds: readonly string[];
  readonly formats: readonly string[];
}

const lintOptions = {
  fix: { type: 'boolean' },
  'unsafe-fixes': { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  rule: { type: 'string', multiple: true },
  mode: { type: 'string' },
  parameters: { type: 'string' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  shard: { type: 'string' },
} as const;

const planOptions = {
  format: lintOptions.format,
  'output-file': lintOptions['output-file'],
  config: lintOptions.config,
  rule: lintOptions.rule,
  mode: lintOptions.mode,
  parameters: lintOptions.parameters,
  color: lintOptions.color,
  'no-color': lintOptions['no-color'],
  help: lintOptions.help,
} as const;

const rollbackOptions = {
  'dry-run': { type: 'boolean' },
  'unsafe-fixes': lintOptions['unsafe-fixes'],
  config: lintOptions.config,
  parameters: lintOptions.parameters,
  color: lintOptions.color,
  'no-color': lintOptions['no-color'],
  help: lintOptions.help,
} as const;

const initOptions = {
  force: { type: 'boolean' },
  mode: lintOptions.mode,
  help: lintOptions.help,
} as const;

/** Where `--cache` keeps its file when `--cache-location` is not given (ESLint's is `.eslintcache`). */
export const DEFAULT_CACHE_LOCATION = '.tl-lint-cache';

const settings: readonly Setting[] = ['error', 'warn', 'info', 'off'];
const modes: readonly Mode[] = ['upgrade', 'new'];

export function parseCommand(argv: readonly string[], context: ArgContext): Command {
  const [first, ...rest] = argv;
  if (first === 'rules') {
    const { positionals, values } = strictParse(rest, { help: lintOptions.help });
    if (values.help === true) return { kind: 'help' };
    if (positionals.length > 0) throw new UsageError(`'rules' takes no arguments (got '${positionals.join(' ')}').`);
    return { kind: 'rules' };
  }
  if (first === 'rule') {
    const { positionals, values } = strictParse(rest, { help: lintOptions.help });
    if (values.help === true) return { kind: 'help' };
    const [id, ...extra] = positionals;
    if (id === undefined || extra.length > 0) throw new UsageError("'rule' takes exactly one rule id: tl-lint rule <id>");
    return { kind: 'rule', id };
  }
  if (first === 'plan') return parsePlan(rest, context);
  if (first === 'rollback') return parseRollback(rest);
  if (first === 'init') return parseInit(rest);

  const { positionals, values } = strictParse(argv, lintOptions);
  if (values.help === true) return { kind: 'help' };
  if (values.version === true) return { kind: 'version' };
  const color = parseColor(values.color, values['no-color']);
  const format = values.format ?? 'stylish';
  if (!context.formats.includes(format)) {
    throw new UsageError(`Unknown format '${format}'. Formats: ${context.formats.join(', ')}.`);
  }
  const fix: FixLevel = values['unsafe-fixes'] === true ? 'unsafe' : values.fix === true || values['fix-dry-run'] === true ? 'safe' : false;
  return {
    kind: 'lint',
    options: {
      patterns: positionals.length > 0 ? positionals : ['.'],
      fix,
      dryRun: values['fix-dry-run'] === true,
      format,
      outputFile: values['output-file'],
      configFile: values.config,
      ruleOverrides: parseRuleOverrides(values.rule ?? [], context.ruleIds),
      mode: parseMode(values.mode),
      parametersFile: values.parameters,
      maxWarnings: parseMaxWarnings(values['max-warnings']),
      quiet: values.quiet === true,
      color,
      baseline: values.baseline,
      writeBaseline: values['write-baseline'],
      cache: values.cache === true ? (values['cache-location'] ?? DEFAULT_CACHE_LOCATION) : undefined,
      jobs: parseJobs(values.jobs),
      shard: parseShard(values.shard),
    },
  };
}

function parsePlan(args: readonly string[], context: ArgContext): Command {
  const { positionals, values } = strictParse(args, planOptions);
  if (values.help === true) return { kind: 'help' };
  const color = parseColor(values.color, values['no-color']);
  const format = planFormats.find((f) => f === (values.format ?? 'text'));
  if (format === undefined) throw new UsageError(`Unknown plan format '${values.format ?? ''}'. Formats: ${planFormats.join(', ')}.`);
  return {
    kind: 'plan',
    options: {
      patterns: positionals.length > 0 ? positionals : ['.'],
      format,
      outputFile: values['output-file'],
      configFile: values.config,
      ruleOverrides: parseRuleOverrides(values.rule ?? [], context.ruleIds),
      mode: parseMode(values.mode),
      parametersFile: values.parameters,
      color,
    },
  };
}

function parseRollback(args: readonly string[]): Command {
  const { positionals, values } = strictParse(args, rollbackOptions);
  if (values.help === true) return { kind: 'help' };
  if (positionals.length === 0) throw new UsageError("'rollback' rewrites files: name them (tl-lint rollback <paths or globs...>).");
  return {
    kind: 'rollback',
    options: {
      patterns: positionals,
      dryRun: values['dry-run'] === true,
      unsafe: values['unsafe-fixes'] === true,
      configFile: values.config,
      parametersFile: values.parameters,
      color: parseColor(values.color, values['no-color']),
    },
  };
}

function parseInit(args: readonly string[]): Command {
  const { positionals, values } = strictParse(args, initOptions);
  if (values.help === true) return { kind: 'help' };
  if (positionals.length > 0) throw new UsageError(`'init' takes no arguments (got '${positionals.join(' ')}').`);
  return { kind: 'init', options: { force: values.force === true, mode: parseMode(values.mode) } };
}

function parseColor(color: boolean | undefined, noColor: boolean | undefined): boolean | undefined {
  if (color === true && noColor === true) throw new UsageError('--color and --no-color cannot be used together.');
  return noColor === true ? false : color;
}

function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--jobs expects a whole number >= 1, got '${value}'.`);
  return Number(value);
}

export function parseShard(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard expects <k>/<n> with 1 <= k <= n (e.g. 2/4), got '${value}'.`);
  }
  return { index, count };
}

function strictParse<const Options extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: Options) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    // node:util reports unknown options and missing values as TypeErrors with an ERR_PARSE_ARGS_* code.
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError(`${error.message}\nRun 'tl-lint --help' for the options.`);
    }
    throw error;
  }
}

export function parseRuleOverrides(specs: readonly string[], ruleIds: readonly string[]): Record<string, Setting> {
  const overrides: Record<string, Setting> = {};
  for (const spec of specs) {
    const colon = spec.indexOf(':');
    const id = colon === -1 ? spec : spec.slice(0, colon).trim();
    const level = colon === -1 ? '' : spec.slice(colon + 1).trim();
    if (colon === -1 || id === '') throw new UsageError(`--rule expects <id>:<level>, got '${spec}'.`);
    if (!isSetting(level)) throw new UsageError(`Invalid level '${level}' in --rule '${spec}'. Levels: ${settings.join(', ')}.`);
    if (!ruleIds.includes(id)) throw new UsageError(`Unknown rule '${id}' in --rule '${spec}'.${didYouMean(id, ruleIds)}`);
    overrides[id] = level;
  }
  return overrides;
}

export function didYouMean(id: string, ruleIds: readonly string[]): string {
  const close = closestMatches(id, ruleIds);
  return close.length > 0 ? ` Did you mean: ${close.join(', ')}?` : '';
}

function isSetting(value: string): value is Setting {
  return (settings as readonly string[]).includes(value);
}

function parseMode(value: string | undefined): Mode | undefined {
  if (value === undefined) return undefined;
  const mode = modes.find((m) => m === value);
  if (mode === undefined) throw new UsageError(`Invalid --mode '${value}'. Modes: ${modes.join(', ')}.`);
  return mode;
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings expects a whole number >= 0, got '${value}'.`);
  return Number(value);
}
