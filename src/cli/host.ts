import type { Engine, LintOptions } from '../engine/api.js';
import type { Rule } from '../engine/rule.js';

/** The engine and package the CLI runs against; tests pass a fake engine. */
export interface CliHost {
  createEngine(options: LintOptions): Promise<Engine>;
  readonly rules: readonly Rule<unknown>[];
  /** The installed package's directory: `package.json`, `docs/rules/`. */
  readonly packageRoot: string;
  /**
   * The compiled lint worker (`lint-worker.js`), which builds its own real engine. Without it,
   * `--jobs` lints in this thread: a host with its own engine (a test's fake) cannot be sent to workers.
   */
  readonly workerScript?: URL;
}
