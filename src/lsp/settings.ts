import type { Mode } from '../engine/rule.js';

/** The `tl-lint` settings section, as clients send it through `workspace/configuration`. */
export interface ServerSettings {
  /** Overrides the config file's mode; undefined leaves it to the config file. */
  readonly mode: Mode | undefined;
  /** Apply every safe fix on `textDocument/willSaveWaitUntil`. */
  readonly fixOnSave: boolean;
  /** Quiet time after the last change before a document is linted. */
  readonly debounceMs: number;
}

export const DEFAULT_DEBOUNCE_MS = 150;
const MAX_DEBOUNCE_MS = 10_000;

export const defaultSettings: ServerSettings = { mode: undefined, fixOnSave: false, debounceMs: DEFAULT_DEBOUNCE_MS };

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a settings section; a missing or malformed value falls back to its default rather than failing. */
export function parseSettings(raw: unknown): ServerSettings {
  const section = isRecord(raw) ? raw : {};
  const { mode, fixOnSave, debounceMs } = section;
  const debounceOk = typeof debounceMs === 'number' && Number.isFinite(debounceMs) && debounceMs >= 0;
  return {
    mode: mode === 'upgrade' || mode === 'new' ? mode : undefined,
    fixOnSave: fixOnSave === true,
    debounceMs: debounceOk ? Math.min(debounceMs, MAX_DEBOUNCE_MS) : DEFAULT_DEBOUNCE_MS,
  };
}

/** The `tl-lint` section inside a `workspace/didChangeConfiguration` payload (`{ settings: { 'tl-lint': … } }`). */
export function sectionOf(settings: unknown): unknown {
  return isRecord(settings) ? settings['tl-lint'] : undefined;
}

export type SettingsFetcher = (scopeUri: string) => Promise<unknown>;

/**
 * Settings per document. With a client that answers `workspace/configuration` they are asked for
 * once per document and cached until the configuration changes; otherwise the section pushed by
 * `initializationOptions` or `didChangeConfiguration` applies to every document.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<ServerSettings>>();
  private pushed: ServerSettings;

  constructor(
    private readonly fetch: SettingsFetcher | undefined,
    initial: unknown,
  ) {
    // `initializationOptions` may be the section itself or, as Helix sends its `config`, hold it under `tl-lint`.
    this.pushed = parseSettings(sectionOf(initial) ?? initial);
  }

  get(uri: string): Promise<ServerSettings> {
    const { fetch } = this;
    if (!fetch) return Promise.resolve(this.pushed);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = fetch(uri).then(
        (raw) => parseSettings(raw),
        () => this.pushed,
      );
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** `workspace/didChangeConfiguration`: forget what was asked; take a pushed section when there is one. */
  changed(settings: unknown): void {
    this.cache.clear();
    const section = sectionOf(settings);
    if (section !== undefined) this.pushed = parseSettings(section);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
