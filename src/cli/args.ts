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
}

export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'rules' }
  | { readonly kind: 'rule'; readonly id: string }
  | { readonly kind: 'lint'; readonly options: LintCommandOptions };

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
} as const;

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

  const { positionals, values } = strictParse(argv, lintOptions);
  if (values.help === true) return { kind: 'help' };
  if (values.version === true) return { kind: 'version' };
  if (values.color === true && values['no-color'] === true) throw new UsageError('--color and --no-color cannot be used together.');

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
      color: values['no-color'] === true ? false : values.color,
    },
  };
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
