import { DATA_VERSION } from '../azure/index.js';
import { formatterNames } from '../formatters/index.js';
import { parseCommand } from './args.js';
import { helpText } from './help.js';
import type { CliHost } from './host.js';
import type { CliIo } from './io.js';
import { runLint } from './lint-command.js';
import { packageVersion } from './package-info.js';
import { UsageError } from './usage-error.js';

export type { CliHost } from './host.js';
export type { CliIo, OutputStream } from './io.js';

/** Runs one tl-lint command line and returns its exit code; never exits the process itself. */
export async function main(argv: readonly string[], io: CliIo, host: CliHost): Promise<number> {
  try {
    // The language server is loaded only for this subcommand, so lint runs never load vscode-languageserver.
    if (argv[0] === 'lsp') return await runLanguageServer(argv.slice(1));
    const command = parseCommand(argv, { ruleIds: host.rules.map((rule) => rule.meta.id), formats: formatterNames });
    switch (command.kind) {
      case 'help':
        io.stdout.write(helpText(formatterNames));
        return 0;
      case 'version':
        io.stdout.write(`tl-lint ${packageVersion(host.packageRoot)} (data: ${DATA_VERSION})\n`);
        return 0;
      // The other commands are loaded when run, so a lint run (the common one) does not load them.
      case 'rules':
        io.stdout.write((await import('./rules-command.js')).rulesTable(host.rules));
        return 0;
      case 'rule':
        io.stdout.write(await (await import('./rules-command.js')).ruleDocs(command.id, host.rules, host.packageRoot));
        return 0;
      case 'lint':
        return await runLint(command.options, io, host);
      case 'plan':
        return await (await import('./plan-command.js')).runPlan(command.options, io, host);
      case 'rollback':
        return await (await import('./rollback-command.js')).runRollback(command.options, io, host);
      case 'init':
        return await (await import('./init-command.js')).runInit(command.options, io, host);
    }
  } catch (error) {
    io.stderr.write(describeFailure(error));
    return 2;
  }
}

async function runLanguageServer(args: readonly string[]): Promise<number> {
  if (args.length !== 1 || args[0] !== '--stdio') throw new UsageError('usage: tl-lint lsp --stdio (the language server speaks LSP over stdin and stdout)');
  const { runStdioServer } = await import('../lsp/stdio.js');
  return runStdioServer();
}

function describeFailure(error: unknown): string {
  if (error instanceof UsageError) return `tl-lint: ${error.message}\n`;
  // The engine throws ConfigError for a broken config file: the message names the file and the problem.
  if (error instanceof Error && error.name === 'ConfigError') return `tl-lint: ${error.message}\n`;
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `tl-lint: internal error, please report it with the file that caused it.\n${detail}\n`;
}
