import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { FileLintResult, FixLevel } from '../engine/api.js';
import { configErrorDiagnostic, toDiagnostics, type DocsUrl } from './diagnostics.js';
import { enginePath, isLintable } from './documents.js';
import type { EngineProvider } from './engines.js';
import type { SettingsStore } from './settings.js';

export interface LinterHost {
  readonly documents: TextDocuments<TextDocument>;
  readonly engines: EngineProvider;
  readonly settings: SettingsStore;
  readonly cwd: string;
  readonly docsUrl: DocsUrl;
  publish(uri: string, version: number, diagnostics: Diagnostic[]): void;
  logError(message: string): void;
}

/** A lint of one document version: the result, or the message of the config error that stopped it. */
export type LintOutcome = { readonly version: number } & (
  | { readonly kind: 'result'; readonly path: string; readonly result: FileLintResult }
  | { readonly kind: 'skipped' }
  | { readonly kind: 'config-error'; readonly message: string }
);

/**
 * Lints open documents after a quiet time (debounced per document) and publishes the diagnostics.
 * A newer version supersedes a pending or in-flight lint: results are published only when the
 * document is still open at the version that was linted, so stale diagnostics never reach the client.
 */
export class DocumentLinter {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Bumped on every schedule and close, so a lint that awaited across one knows it is stale. */
  private readonly generations = new Map<string, number>();
  private stopped = false;
  /** The last outcome per document and fix level: code actions asked on every cursor move reuse it while the text is unchanged. */
  private readonly outcomes = new Map<string, LintOutcome>();
  /** Bumped when config or settings change, so a lint that started before is not kept. */
  private epoch = 0;

  constructor(private readonly host: LinterHost) {}

  schedule(uri: string): void {
    if (this.stopped) return;
    const generation = (this.generations.get(uri) ?? 0) + 1;
    this.generations.set(uri, generation);
    this.clearTimer(uri);
    void this.host.settings.get(uri).then(({ debounceMs }) => {
      if (this.generations.get(uri) !== generation) return;
      this.clearTimer(uri);
      this.timers.set(uri, setTimeout(() => void this.run(uri, generation), debounceMs));
    });
  }

  /** Lints every open document again (config, parameter files or settings changed): nothing earlier is reused. */
  scheduleAll(): void {
    this.outcomes.clear();
    this.epoch++;
    for (const document of this.host.documents.all()) this.schedule(document.uri);
  }

  /** `shutdown`: nothing pending runs, nothing more is published. */
  stop(): void {
    this.stopped = true;
    for (const uri of [...this.timers.keys()]) this.clearTimer(uri);
  }

  /** The document was closed: nothing pending for it may publish, and its diagnostics go away. */
  close(uri: string): void {
    this.generations.set(uri, (this.generations.get(uri) ?? 0) + 1);
    this.clearTimer(uri);
    this.host.publish(uri, 0, []);
    this.generations.delete(uri);
    for (const fix of [false, 'safe', 'unsafe'] as const) this.outcomes.delete(`${String(fix)} ${uri}`);
  }

  /** Lints the document as it is now (for code actions and fix on save), with or without safe fixes applied. */
  async lint(document: TextDocument, fix: FixLevel): Promise<LintOutcome> {
    const key = `${String(fix)} ${document.uri}`;
    const known = this.outcomes.get(key);
    if (known?.version === document.version) return known;
    const epoch = this.epoch;
    const outcome = await this.lintNow(document, fix);
    if (epoch === this.epoch && this.host.documents.get(document.uri) === document) this.outcomes.set(key, outcome);
    return outcome;
  }

  private async lintNow(document: TextDocument, fix: FixLevel): Promise<LintOutcome> {
    const { host } = this;
    const path = enginePath(document.uri, document.languageId, host.cwd);
    if (!isLintable(document, path)) return { kind: 'skipped', version: document.version };
    const settings = await host.settings.get(document.uri);
    const engine = await host.engines.get(settings.mode, fix);
    await engine.prepare(path);
    // TextDocuments updates the document object in place: the version goes with the text read now.
    const { version } = document;
    try {
      return { kind: 'result', version, path, result: engine.lintText(path, document.getText()) };
    } catch (error) {
      // The engine throws only for a config file it cannot load (ConfigError).
      if (error instanceof Error && error.name === 'ConfigError') return { kind: 'config-error', version, message: error.message };
      throw error;
    }
  }

  private clearTimer(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(uri);
  }

  private async run(uri: string, generation: number): Promise<void> {
    this.timers.delete(uri);
    const { host } = this;
    const current = () => !this.stopped && this.generations.get(uri) === generation;
    const document = host.documents.get(uri);
    if (!document || !current()) return;
    try {
      const outcome = await this.lint(document, false);
      if (!current() || host.documents.get(uri)?.version !== outcome.version) return;
      host.publish(uri, outcome.version, this.diagnostics(document, outcome));
    } catch (error) {
      if (this.stopped) return;
      host.logError(`tl-lint failed on ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  private diagnostics(document: TextDocument, outcome: LintOutcome): Diagnostic[] {
    switch (outcome.kind) {
      case 'skipped':
        return [];
      case 'config-error':
        return [configErrorDiagnostic(outcome.message)];
      case 'result':
        return toDiagnostics(document, outcome.path, outcome.result, this.host.docsUrl);
    }
  }
}
