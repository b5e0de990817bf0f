import { dirname, resolve } from 'node:path';
import { createParameterFileFinder } from '../model/arm/index.js';
import { parseSource, prepareFrontend } from '../model/frontends.js';
import { createSourceFile, type SourceFile } from '../model/source.js';
import type { TemplateModel } from '../model/template.js';
import type { Engine, FileLintResult, FixLevel, LintOptions } from './api.js';
import { applyOnePass, MAX_FIX_PASSES } from './apply-fixes.js';
import { ConfigError, findConfigFile, loadConfig, type ResolvedConfig } from './config.js';
import { fatalMessage, toMessage } from './messages.js';
import { resourceKeyLocator } from './resource-key.js';
import { readTemplateFile } from './read.js';
import { allRules } from './registry.js';
import type { LintMessage } from './result.js';
import type { Rule } from './rule.js';
import { runRules, type ActiveRule } from './run-rules.js';
import { partitionSuppressed } from './suppress.js';
import { summarize } from './summary.js';

export { allRules } from './registry.js';
export { ConfigError } from './config.js';

export const ruleMap: ReadonlyMap<string, Rule<unknown>> = new Map(allRules.map((rule) => [rule.meta.id, rule]));

type Parsed = ReturnType<typeof parseSource>;

class EngineImpl implements Engine {
  readonly rules = ruleMap;
  private readonly configDirs = new Map<string, string | undefined>();
  private readonly configs = new Map<string | undefined, ResolvedConfig>();
  private readonly parametersFile: SourceFile | undefined;
  /** Reads each folder once for all its templates (see createParameterFileFinder). */
  private readonly findParametersFile: (templatePath: string) => SourceFile | undefined;

  constructor(private readonly options: LintOptions) {
    this.findParametersFile = createParameterFileFinder(undefined, options.oneShot === true);
    const path = options.parametersFile && resolve(options.cwd, options.parametersFile);
    if (path === undefined) return;
    const read = readTemplateFile(path);
    if (!read.ok) throw new ConfigError(`--parameters ${path}: ${read.message}`);
    this.parametersFile = createSourceFile(path, read.text);
  }

  /** Throws ConfigError for a broken config file: the host reports it and exits 2. */
  configFor(filePath: string): ResolvedConfig {
    const configPath = this.options.configFile
      ? resolve(this.options.cwd, this.options.configFile)
      : findConfigFile(dirname(resolve(filePath)), this.configDirs);
    let config = this.configs.get(configPath);
    if (!config) {
      config = loadConfig(configPath, this.rules);
      this.configs.set(configPath, config);
    }
    return config;
  }

  isIgnored(filePath: string): boolean {
    return this.configFor(filePath).isIgnored(filePath);
  }

  /** The rules in force under each config, worked out once per config rather than once per file. */
  private readonly rulesByConfig = new Map<ResolvedConfig, readonly ActiveRule[]>();

  private activeRules(config: ResolvedConfig): readonly ActiveRule[] {
    let active = this.rulesByConfig.get(config);
    if (active === undefined) {
      active = this.rulesUnder(config);
      this.rulesByConfig.set(config, active);
    }
    return active;
  }

  private rulesUnder(config: ResolvedConfig): ActiveRule[] {
    const overrides = this.options.ruleOverrides ?? {};
    return [...this.rules.values()].flatMap((rule) => {
      const configured = config.rules.get(rule.meta.id);
      const setting = overrides[rule.meta.id] ?? configured?.setting ?? rule.meta.level;
      return setting === 'off' ? [] : [{ rule, level: setting, options: configured?.options ?? rule.meta.options.defaults }];
    });
  }

  private parse(file: SourceFile): Parsed {
    return parseSource(file, {
      ...(this.parametersFile ? { parametersFile: this.parametersFile } : {}),
      findParametersFile: this.findParametersFile,
    });
  }

  private check(model: TemplateModel, rules: readonly ActiveRule[], config: ResolvedConfig) {
    return partitionSuppressed(model, runRules(model, rules, this.options.mode ?? config.mode));
  }

  async lintFile(filePath: string, text?: string): Promise<FileLintResult> {
    await this.prepare(filePath);
    let raw = text;
    if (raw === undefined) {
      const read = readTemplateFile(filePath);
      if (!read.ok) return fatalResult(createSourceFile(filePath, ''), 0, read.message);
      raw = read.text;
    }
    return this.lintText(filePath, raw);
  }

  prepare(filePath: string): Promise<void> {
    return prepareFrontend(filePath);
  }

  lintText(filePath: string, raw: string): FileLintResult {
    const config = this.configFor(filePath);
    if (config.isIgnored(filePath)) return { ...summarize(filePath, [], []), kind: 'ignored' };
    const rules = this.activeRules(config);
    const original = createSourceFile(filePath, raw);
    const fixed = this.options.fix ? this.fixPasses(original, rules, config, this.options.fix) : original;
    const parsed = this.parse(fixed);
    if (parsed.kind === 'fatal') return fatalResult(parsed.file, parsed.offset, parsed.message);
    if (parsed.kind !== 'template') return { ...summarize(filePath, [], [], fixed.text), kind: parsed.kind };
    const { kept, suppressed } = this.check(parsed.model, rules, config);
    const keyAt = resourceKeyLocator(parsed.model.resources);
    const withKey = (m: LintMessage): LintMessage => ({ ...m, resourceKey: keyAt(m.offset, m.length) });
    const messages = kept.map((f) => withKey(toMessage(fixed, f)));
    const result = summarize(filePath, messages, suppressed.map((f) => withKey(toMessage(fixed, f))), fixed.text);
    return { ...result, kind: 'template', ...(fixed.text !== original.text ? { output: fixed.text } : {}) };
  }

  /** Fix passes until nothing changes; a pass whose result does not re-parse as a template is dropped. */
  private fixPasses(file: SourceFile, rules: readonly ActiveRule[], config: ResolvedConfig, level: Exclude<FixLevel, false>): SourceFile {
    let current = file;
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const parsed = this.parse(current);
      if (parsed.kind !== 'template') return pass === 0 ? file : current;
      const next = applyOnePass(current.text, this.check(parsed.model, rules, config).kept, level);
      if (next === undefined) break;
      const candidate = { ...current, text: next };
      if (this.parse(candidate).kind !== 'template') break;
      current = candidate;
    }
    return current;
  }
}

function fatalResult(file: SourceFile, offset: number, message: string): FileLintResult {
  return { ...summarize(file.path, [fatalMessage(file, offset, message)], [], file.text), kind: 'fatal' };
}

export function createEngine(options: LintOptions): Promise<Engine> {
  return Promise.resolve(new EngineImpl(options));
}
