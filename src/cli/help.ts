export function helpText(formats: readonly string[]): string {
  return `Usage: tl-lint [options] [paths or globs...]
       tl-lint plan [--format text|markdown|json] [paths or globs...]
       tl-lint rollback [--dry-run] [--unsafe-fixes] <paths or globs...>
       tl-lint init [--mode upgrade|new] [--force]
       tl-lint rules
       tl-lint rule <id>
       tl-lint lsp --stdio

Finds what stops Azure VM scale sets and VMs from being switched to Trusted Launch in
ARM JSON and Bicep templates, and fixes it.

Paths default to the current directory. Directories are searched for *.json, *.jsonc,
*.bicep and *.bicepparam (node_modules and .git are skipped); JSON files found there that are
not templates or parameter files are skipped silently.

Fixing:
  --fix                      Write safe fixes to the files
  --unsafe-fixes             Apply unsafe fixes too (implies --fix)
  --fix-dry-run              Print a diff of what --fix would change; write nothing

Output:
  -f, --format <name>        ${formats.join(' | ')} (default: stylish)
  -o, --output-file <path>   Write the report to a file instead of stdout
  --quiet                    Report errors only
  --max-warnings <n>         Exit with 1 when there are more than n warnings
  --color, --no-color        Force colours on or off (default: on for a terminal unless NO_COLOR is set)
                             (a progress line shows on a terminal for runs over 300 files, never in CI)

Working at scale:
  --baseline <path>          Report only findings that this baseline file does not record
  --write-baseline <path>    Record every current finding in this baseline file
  --cache                    Skip files unchanged since the last run (content, config, parameters, version)
  --cache-location <path>    Where the cache lives (default: .tl-lint-cache)
  -j, --jobs <n>             Lint in n threads (default: one fewer than the cores; one thread under 64 files)
  --shard <k>/<n>            Lint only the k-th of n deterministic parts of the files (CI matrices)

Configuration:
  -c, --config <path>        Use this config file for every file (default: the nearest tl-lint.config.json)
  --rule <id>:<level>        Set a rule's level: error, warn, info or off (repeatable)
  --mode <upgrade|new>       upgrade (default): the template updates an existing scale set or VM;
                             new: fresh deployments only (upgrade-only rules are off)
  --parameters <path>        Bind this parameter file to every template

Commands:
  plan                       Per scale set and VM: blockers, the fixes as a diff, their cost, the commands
                             to run after deploying and how to roll back (--format text|markdown|json,
                             -o, --config, --rule, --mode, --parameters)
  rollback                   Rewrite each Trusted Launch scale set and VM to securityType Standard with
                             uefiSettings null, and disable its GuestAttestation extension
                             (--dry-run prints the diff; --unsafe-fixes also edits shared variables)
  init                       Write a starter tl-lint.config.json with its $schema (--mode, --force)
  rules                      List the rules: id, level, mode, fix, description
  rule <id>                  Print a rule's documentation
  lsp --stdio                Run the language server (diagnostics, quick fixes, fix all on save) over
                             stdin/stdout for an editor; see docs/editors.md

  -h, --help                 Show this help
  -v, --version              Print the version

Exit codes: 0 no errors, and warnings within --max-warnings; 1 errors (parse errors included) or
too many warnings (rollback: a machine could not be rolled back); 2 usage or configuration error,
nothing matched, or a fix could not be written.
`;
}
