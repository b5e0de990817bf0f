import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import picomatch from 'picomatch';
import { validateOptions } from './options.js';
import type { Mode, Rule, Setting } from './rule.js';

export const CONFIG_FILE_NAME = 'tl-lint.config.json';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export interface RuleConfig {
  readonly setting: Setting;
  readonly options: unknown;
}

/** A config file as validated: what the engine needs to run the rules on a file. */
export interface ResolvedConfig {
  readonly path: string | undefined;
  readonly mode: Mode;
  readonly rules: ReadonlyMap<string, RuleConfig>;
  isIgnored(filePath: string): boolean;
}

const SETTINGS: readonly Setting[] = ['error', 'warn', 'info', 'off'];

export function isSetting(value: unknown): value is Setting {
  return typeof value === 'string' && (SETTINGS as readonly string[]).includes(value);
}

function readJsonc(path: string): unknown {
  const errors: ParseError[] = [];
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  try {
    const tree = parseTree(text, errors, { allowTrailingComma: true });
    const first = errors[0];
    if (first) throw new ConfigError(`${path}: ${printParseErrorCode(first.error)} at offset ${String(first.offset)}`);
    return tree && plainValue(tree);
  } catch (error) {
    // Both the parser and plainValue recurse: a config nested thousands deep overflows the stack.
    if (error instanceof RangeError) throw new ConfigError(`${path}: nested too deeply`);
    throw error;
  }
}

/**
 * The value of a parsed node, with every key an own property: jsonc-parser's `parse` assigns keys,
 * so `"__proto__": {…}` would set the object's prototype and slip past the key checks below.
 */
function plainValue(node: JsonNode): unknown {
  if (node.type === 'array') return (node.children ?? []).map(plainValue);
  if (node.type !== 'object') return node.value;
  const entries = (node.children ?? []).flatMap((property) => {
    const [key, value] = property.children ?? [];
    return key === undefined || value === undefined ? [] : [[String(key.value), plainValue(value)] as const];
  });
  return Object.fromEntries(entries);
}

function ruleEntry(path: string, id: string, entry: unknown, rule: Rule<unknown> | undefined): RuleConfig {
  if (!rule) throw new ConfigError(`${path}: unknown rule '${id}' in "rules"`);
  const [setting, options] = (Array.isArray(entry) ? entry : [entry]) as unknown[];
  if (!isSetting(setting)) {
    throw new ConfigError(`${path}: rule '${id}': level must be one of ${SETTINGS.join(', ')}, got ${JSON.stringify(setting)}`);
  }
  if (options === undefined) return { setting, options: rule.meta.options.defaults };
  const problems = validateOptions(rule.meta.options.schema, options);
  if (problems.length > 0) throw new ConfigError(`${path}: rule '${id}': ${problems.join('; ')}`);
  return { setting, options: { ...(rule.meta.options.defaults as object), ...(options as object) } };
}

/** Reads and validates one config file. Throws ConfigError with the file and the problem. */
export function loadConfig(path: string | undefined, rules: ReadonlyMap<string, Rule<unknown>>): ResolvedConfig {
  const raw = path === undefined ? {} : readJsonc(path);
  const where = path ?? '<defaults>';
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${where}: the config must be an object`);
  const { mode = 'upgrade', rules: ruleSettings = {}, ignores = [] } = raw as Record<string, unknown>;
  const extra = Object.keys(raw).filter((key) => !['mode', 'rules', 'ignores', '$schema'].includes(key));
  if (extra.length > 0) throw new ConfigError(`${where}: unknown key '${extra.join("', '")}' (allowed: mode, rules, ignores)`);
  if (mode !== 'upgrade' && mode !== 'new') throw new ConfigError(`${where}: "mode" must be "upgrade" or "new"`);
  if (!Array.isArray(ignores) || !ignores.every((g) => typeof g === 'string')) throw new ConfigError(`${where}: "ignores" must be an array of globs`);
  if (ruleSettings === null || typeof ruleSettings !== 'object') throw new ConfigError(`${where}: "rules" must be an object`);
  const resolved = new Map<string, RuleConfig>();
  for (const [id, rule] of rules) resolved.set(id, { setting: rule.meta.level, options: rule.meta.options.defaults });
  for (const [id, entry] of Object.entries(ruleSettings)) resolved.set(id, ruleEntry(where, id, entry, rules.get(id)));
  const base = path === undefined ? process.cwd() : dirname(path);
  const matchers = ignores.map((glob) => picomatch(glob, { dot: true }));
  return {
    path,
    mode,
    rules: resolved,
    isIgnored: (filePath) => {
      const rel = relative(base, resolve(filePath)).split('\\').join('/');
      return matchers.some((match) => match(rel));
    },
  };
}

/** The nearest config file walking up from `directory`, or undefined. */
export function findConfigFile(directory: string, cache: Map<string, string | undefined>): string | undefined {
  if (cache.has(directory)) return cache.get(directory);
  const candidate = join(directory, CONFIG_FILE_NAME);
  const parent = dirname(directory);
  const found = existsSync(candidate) ? candidate : parent === directory ? undefined : findConfigFile(parent, cache);
  cache.set(directory, found);
  return found;
}
