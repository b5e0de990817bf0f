// The parse-only floor for bench/corpus.mjs: read each file and build the jsonc-parser tree, nothing else.
import { readFileSync } from 'node:fs';
import { parseTree } from 'jsonc-parser';

let nodes = 0;
for (const path of process.argv.slice(2)) {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const tree = parseTree(text, [], { allowTrailingComma: true });
  if (tree) nodes++;
}
process.stdout.write(`${String(nodes)}\n`);
