import { relative } from 'node:path';
import pc from 'picocolors';
import { decodeTemplateBytes, readRegularFile } from '../engine/read.js';
import { rollbackFile, type MachineReport, type RollbackResult } from '../engine/rollback.js';
import { createSourceFile, positionAt } from '../model/source.js';
import { prepareFrontend } from '../model/frontends.js';
import type { RollbackCommandOptions } from './args.js';
import { createParser, requireFile } from './command-support.js';
import { diffNames, unifiedDiff } from './diff.js';
import { discoverFiles, type FileToLint } from './files.js';
import type { CliHost } from './host.js';
import type { CliIo } from './io.js';
import { writeFixedFile } from './write-fix.js';

type Colors = ReturnType<typeof pc.createColors>;

/**
 * `tl-lint rollback`: every Trusted Launch scale set and VM back to the documented Standard shape,
 * with the safety of `--fix`: the result must parse, a file that changed on disk meanwhile is left
 * alone, writes are atomic and keep the encoding. Exit 1 when a machine could not be rolled back.
 */
export async function runRollback(options: RollbackCommandOptions, io: CliIo, host: CliHost): Promise<number> {
  requireFile('Config file', options.configFile, io.cwd);
  requireFile('Parameters file', options.parametersFile, io.cwd);
  const engine = await host.createEngine({
    cwd: io.cwd,
    ...(options.configFile === undefined ? {} : { configFile: options.configFile }),
    ...(options.parametersFile === undefined ? {} : { parametersFile: options.parametersFile }),
  });
  const files = await discoverFiles(options.patterns, { cwd: io.cwd, isIgnored: (path) => engine.isIgnored(path) });
  const parse = createParser(io.cwd, options.parametersFile);
  const color = options.color ?? (io.stdout.isTTY === true && (io.env.NO_COLOR ?? '') === '');
  const c = pc.createColors(color);
  const totals = { written: 0, incomplete: 0, writeFailed: false };
  for (const file of files.filter((f) => !f.ignored)) {
    const bytes = await readRegularFile(file.path).catch(() => undefined);
    const decoded = bytes && decodeTemplateBytes(bytes);
    const shown = relative(io.cwd, file.path);
    if (bytes === undefined || !decoded?.ok) {
      io.stdout.write(`${c.underline(shown)}\n  ${c.red('cannot read:')} ${decoded?.ok === false ? decoded.message : 'the file cannot be read.'}\n`);
      totals.incomplete++;
      continue;
    }
    const source = createSourceFile(file.path, decoded.text);
    await prepareFrontend(file.path);
    const result = rollbackFile(source, { unsafe: options.unsafe, parse });
    if (!worthShowing(file, result)) continue;
    totals.incomplete += result.machines.filter((m) => m.outcome.kind === 'failed' || m.outcome.kind === 'needs-unsafe').length;
    const changed = result.text !== source.text;
    if (changed && options.dryRun) io.stdout.write(unifiedDiff(source.text, result.text, diffNames(file.path, io.cwd)));
    io.stdout.write(fileReport(shown, result, source.text, c));
    if (!changed || options.dryRun) continue;
    const outcome = await writeFixedFile(file.path, bytes, result.text);
    if (outcome.kind === 'written') totals.written++;
    else {
      totals.writeFailed = true;
      const reason = outcome.kind === 'changed-on-disk' ? 'it changed on disk while it was being read' : outcome.reason;
      io.stderr.write(`tl-lint: the rollback of ${shown} was not written: ${reason}.\n`);
    }
  }
  io.stderr.write(options.dryRun ? 'Dry run: nothing written.\n' : `Rolled back ${plural(totals.written, 'file')}.\n`);
  if (totals.writeFailed) return 2;
  return totals.incomplete > 0 ? 1 : 0;
}

/** Named files are always reported; a scan shows only templates with a scale set or VM. */
function worthShowing(file: FileToLint, result: RollbackResult): boolean {
  return file.explicit || result.kind === 'fatal' || result.machines.length > 0;
}

function fileReport(shown: string, result: RollbackResult, text: string, c: Colors): string {
  const lines = [c.underline(shown)];
  if (result.kind === 'fatal') lines.push(`  ${c.red('cannot parse:')} ${result.message ?? ''}`);
  else if (result.kind === 'not-a-template') lines.push('  not a deployment template');
  else if (result.machines.length === 0) lines.push('  no scale set or VM');
  const file = createSourceFile(shown, text);
  for (const machine of result.machines) lines.push(...machineLines(machine, positionAt(file, machine.offset).line, c));
  return `${lines.join('\n')}\n`;
}

function machineLines(machine: MachineReport, line: number, c: Colors): string[] {
  const head = `  ${machine.label} ${c.dim(`(line ${String(line)})`)}:`;
  const { outcome } = machine;
  const notes = machine.notes.map((note) => `    ${c.dim('note:')} ${note}`);
  switch (outcome.kind) {
    case 'rolled-back':
      return [`${head} ${c.green('rolled back')}`, ...outcome.changes.map((change) => `    - ${change}`), ...notes];
    case 'unchanged':
      return [`${head} unchanged, ${outcome.reason}`];
    case 'needs-unsafe':
      return [
        `${head} ${c.yellow('not rolled back')}: it edits a variable or parameter default that other resources may share; rerun with --unsafe-fixes to apply:`,
        ...outcome.changes.map((change) => `    - ${change}`),
      ];
    case 'failed':
      return [`${head} ${c.red('not rolled back')}: ${outcome.reason}`, ...notes];
  }
}

function plural(count: number, word: string): string {
  return `${String(count)} ${count === 1 ? word : `${word}s`}`;
}
