import { closeSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { OutputStream } from './io.js';
import { UsageError } from './usage-error.js';
import { tempPathBeside } from './write-fix.js';

/**
 * `--output-file` written while the files are linted (see StreamedReport), so the run holds no
 * results. It goes to a temporary file beside the target, renamed over it when the run ends: a
 * run that fails leaves the old report, never part of a new one. A target that exists and is not
 * a regular file (/dev/null, a pipe) is written directly: a rename would replace it.
 */
export class ReportFile implements OutputStream {
  private constructor(
    private readonly fd: number,
    private readonly target: string,
    private readonly temp: string | undefined,
  ) {}

  static open(path: string, cwd: string): ReportFile {
    const named = resolve(cwd, path);
    try {
      const existing = statSync(named, { throwIfNoEntry: false });
      if (existing !== undefined && !existing.isFile()) return new ReportFile(openSync(named, 'w'), named, undefined);
      // A symbolic link stays a link: the file it points at is replaced, as a plain write would.
      const target = existing === undefined ? named : realpathSync(named);
      mkdirSync(dirname(target), { recursive: true });
      const temp = tempPathBeside(target);
      return new ReportFile(openSync(temp, 'wx'), target, temp);
    } catch (error) {
      throw cannotWrite(named, error);
    }
  }

  write(text: string): void {
    try {
      const bytes = Buffer.from(text, 'utf8');
      for (let written = 0; written < bytes.length; ) written += writeSync(this.fd, bytes, written);
    } catch (error) {
      this.discard();
      throw cannotWrite(this.target, error);
    }
  }

  /** The report is complete: it replaces the target. */
  commit(): void {
    try {
      closeSync(this.fd);
      if (this.temp !== undefined) renameSync(this.temp, this.target);
    } catch (error) {
      if (this.temp !== undefined) rmSync(this.temp, { force: true });
      throw cannotWrite(this.target, error);
    }
  }

  /** The run failed: the target is left as it was. */
  discard(): void {
    try {
      closeSync(this.fd);
    } catch {
      // Already closed by a failed write.
    }
    if (this.temp !== undefined) rmSync(this.temp, { force: true });
  }
}

function cannotWrite(target: string, error: unknown): UsageError {
  return new UsageError(`Cannot write the report to ${target}: ${error instanceof Error ? error.message : String(error)}`);
}
