import type { Engine, FixLevel, LintOptions } from '../engine/api.js';
import type { Mode } from '../engine/rule.js';

export type EngineFactory = (options: LintOptions) => Promise<Engine>;

/**
 * The engines the server lints with, one per (mode, fix level). An engine caches the config files
 * and parameter-file folders it has read, so when one of those changes on disk the server drops
 * them all and the next lint creates fresh ones.
 */
export class EngineProvider {
  private engines = new Map<string, Promise<Engine>>();

  constructor(
    private readonly cwd: string,
    private readonly factory: EngineFactory,
  ) {}

  get(mode: Mode | undefined, fix: FixLevel): Promise<Engine> {
    const key = `${mode ?? ''}|${String(fix)}`;
    let engine = this.engines.get(key);
    if (!engine) {
      engine = this.factory({ cwd: this.cwd, fix, ...(mode ? { mode } : {}) });
      this.engines.set(key, engine);
    }
    return engine;
  }

  reset(): void {
    this.engines = new Map();
  }
}
