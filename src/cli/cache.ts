import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { FileLintResult, LintOptions } from '../engine/api.js';
import { findConfigFile } from '../engine/config.js';
import type { LintMessage } from '../engine/result.js';
import { findParameterFileFor } from '../model/arm/index.js';
import { DEFAULT_CACHE_LOCATION } from './args.js';
import { pathBelow, portablePath } from './paths.js';

/** What besides a file's own text decides its results. */
export interface CacheSettings {
  /** package.json version and the Azure data tables' version: a new tl-lint invalidates everything. */
  readonly toolVersion: string;
  readonly dataVersion: string;
  readonly lintOptions: LintOptions;
}

interface Entry {
  readonly key: string;
  readonly result: FileLintResult;
}

interface CacheFile {
  readonly version: 1;
  readonly entries: Readonly<Record<string, Entry>>;
}

/**
 * `--cache`: the results of files whose content, config file, parameter file, tool version and
 * result-changing options are unchanged since the last run. Entries are keyed by path relative to
 * the cache file, and hold paths relative to it, so a CI cache restored elsewhere still hits.
 * Fixed results (`output`) are not kept: a fixed file changes on disk anyway.
 */
export class LintCache {
  private readonly entries: Map<string, Entry>;
  private readonly base: string;
  private readonly settingsKey: string;
  private readonly configTexts = new Map<string, string>();
  private readonly configDirs = new Map<string, string | undefined>();
  hits = 0;
  misses = 0;

  private constructor(
    private readonly path: string,
    private readonly settings: CacheSettings,
    entries: Readonly<Record<string, Entry>>,
  ) {
    this.base = dirname(path);
    this.entries = new Map(Object.entries(entries));
    this.settingsKey = settingsKey(settings);
  }

  /** `--cache-location`: a file, or a directory (an existing one, or a path ending in a separator) to hold `.tl-lint-cache`. */
  static openAt(location: string, cwd: string, settings: CacheSettings): Promise<LintCache> {
    const path = resolve(cwd, location);
    const isDirectory = /[\\/]$/.test(location) || (existsSync(path) && statSync(path).isDirectory());
    return LintCache.open(isDirectory ? join(path, DEFAULT_CACHE_LOCATION) : path, settings);
  }

  /** Opens the cache at `path`; a missing, unreadable or foreign file is an empty cache. */
  static async open(path: string, settings: CacheSettings): Promise<LintCache> {
    let entries: Readonly<Record<string, Entry>> = {};
    try {
      const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<CacheFile>;
      if (parsed.version === 1 && typeof parsed.entries === 'object') entries = parsed.entries;
    } catch {
      // Nothing cached yet, or a cache from something else: start empty.
    }
    return new LintCache(path, settings, entries);
  }

  /** The key of a file's results: everything that decides them, hashed. */
  keyFor(filePath: string, text: string): string {
    const { lintOptions } = this.settings;
    const hash = createHash('sha256').update(this.settingsKey);
    if (lintOptions.configFile === undefined) {
      const config = findConfigFile(dirname(filePath), this.configDirs);
      hash.update(`\u0000config:${config === undefined ? '' : this.entryName(config)}\u0000${config === undefined ? '' : this.configText(config)}`);
    }
    if (lintOptions.parametersFile === undefined) {
      const parameters = findParameterFileFor(filePath);
      hash.update(`\u0000parameters:${parameters === undefined ? '' : this.entryName(parameters.path)}\u0000${parameters?.text ?? ''}`);
    }
    return hash.update('\u0000file\u0000').update(text).digest('hex');
  }

  /** The cached results when the key matches, with the source restored from `text`. */
  lookup(filePath: string, key: string, text: string): FileLintResult | undefined {
    const entry = this.entries.get(this.entryName(filePath));
    if (entry?.key !== key) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    const result = this.absolutize(entry.result, filePath);
    return result.messages.length > 0 ? { ...result, source: text.replace(/^\uFEFF/, '') } : result;
  }

  store(filePath: string, key: string, result: FileLintResult): void {
    if (result.output !== undefined) return;
    this.entries.set(this.entryName(filePath), { key, result: this.relativize(result) });
  }

  /** Writes the cache atomically; entries of files that no longer exist are dropped. */
  async save(): Promise<void> {
    const entries: Record<string, Entry> = {};
    for (const [name, entry] of [...this.entries].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (existsSync(resolve(this.base, name))) entries[name] = entry;
    }
    const file: CacheFile = { version: 1, entries };
    await mkdir(this.base, { recursive: true });
    const temp = join(this.base, `.tl-lint-cache.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await writeFile(temp, JSON.stringify(file));
      await rename(temp, this.path);
    } finally {
      await rm(temp, { force: true });
    }
  }

  private configText(path: string): string {
    let text = this.configTexts.get(path);
    if (text === undefined) {
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        text = '';
      }
      this.configTexts.set(path, text);
    }
    return text;
  }

  private entryName(filePath: string): string {
    return portablePath(relativeTo(this.base, filePath));
  }

  private relativize(result: FileLintResult): FileLintResult {
    const name = (path: string) => portablePath(relativeTo(this.base, path));
    // The source is the file's text: the lookup puts it back from the text it hashed.
    return { ...result, source: undefined, filePath: name(result.filePath), messages: result.messages.map((m) => withRelatedPaths(m, name)) };
  }

  private absolutize(result: FileLintResult, filePath: string): FileLintResult {
    const path = (name: string) => (isAbsolute(name) ? name : resolve(this.base, name));
    return { ...result, filePath, messages: result.messages.map((m) => withRelatedPaths(m, path)) };
  }
}

function withRelatedPaths(message: LintMessage, map: (path: string) => string): LintMessage {
  if (message.related === undefined) return message;
  return { ...message, related: message.related.map((related) => ({ ...related, filePath: map(related.filePath) })) };
}

function relativeTo(base: string, path: string): string {
  return pathBelow(base, path) ?? path;
}

/** The run-wide part of every key: tool, data, options that change results, and the files options name. */
function settingsKey(settings: CacheSettings): string {
  const { lintOptions: options } = settings;
  const read = (path: string | undefined) => {
    if (path === undefined) return null;
    try {
      return readFileSync(resolve(options.cwd, path), 'utf8');
    } catch {
      return '';
    }
  };
  const overrides = Object.entries(options.ruleOverrides ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify({
    tool: settings.toolVersion,
    data: settings.dataVersion,
    mode: options.mode ?? null,
    fix: options.fix ?? false,
    rules: overrides,
    config: read(options.configFile),
    parameters: read(options.parametersFile),
  });
}
