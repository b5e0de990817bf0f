import type { CliIo } from './io.js';

/** Runs smaller than this finish before a progress line would be worth reading. */
export const PROGRESS_THRESHOLD = 300;

const INTERVAL_MS = 100;

export interface Progress {
  update(done: number): void;
  /** Clears the line, so the report starts on a clean one. */
  finish(): void;
}

/** Continuous integration services set one of these; a CI log is no place for a redrawn line. */
export function isCi(env: Readonly<Record<string, string | undefined>>): boolean {
  const ci = env.CI;
  if (ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false') return true;
  return ['GITHUB_ACTIONS', 'TF_BUILD', 'BUILD_BUILDID', 'GITLAB_CI', 'BUILDKITE', 'TEAMCITY_VERSION', 'JENKINS_URL'].some((name) => (env[name] ?? '') !== '');
}

/** Whether a progress line may be drawn at all: a run that draws none need not count its files first. */
export function progressWanted(io: CliIo): boolean {
  return io.stderr.isTTY === true && !isCi(io.env);
}

/**
 * A `files done/total` line on stderr, redrawn at most every 100 ms; undefined (no progress at all)
 * unless stderr is a terminal, the run is not in CI and it has more than a few hundred files.
 */
export function createProgress(io: CliIo, total: number, clock: () => number = Date.now): Progress | undefined {
  if (!progressWanted(io) || total <= PROGRESS_THRESHOLD) return undefined;
  let last = -Infinity;
  let shown = false;
  return {
    update(done) {
      const now = clock();
      if (done < total && now - last < INTERVAL_MS) return;
      last = now;
      shown = true;
      io.stderr.write(`\r\u001b[2Ktl-lint: ${String(done)}/${String(total)} files`);
    },
    finish() {
      if (shown) io.stderr.write('\r\u001b[2K');
    },
  };
}
