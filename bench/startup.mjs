// The small-template figure: the CLI end to end on one small corpus template against `node -e 0`,
// in the same rounds (more rounds than the other figures: each run is short and noise is relative).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { median, runRounds } from './measure.mjs';

/** A small real template: a quickstart VM with its parameter file beside it. */
const SMALL_TEMPLATE = 'azure-quickstart-templates/quickstarts/microsoft.compute/vm-simple-windows/azuredeploy.json';

export async function startupFigures({ corpus, runs, bin }) {
  const file = join(corpus, SMALL_TEMPLATE);
  const rounds = Math.max(runs * 4, 10);
  const commands = [
    { name: 'node -e 0', args: ['-e', '0'], ok: [0] },
    { name: 'tl-lint <one template>', args: [bin, file], ok: [0, 1] },
  ];
  console.log(`One small template: ${SMALL_TEMPLATE} (${(statSync(file).size / 1e3).toFixed(1)} kB); ${String(rounds)} rounds after one warm-up`);
  const [node, cli] = runRounds(commands, rounds);
  return [
    {
      figure: 'One small template, CLI / node -e 0',
      ratio: median(cli.wall) / median(node.wall),
      target: '<= 2',
      detail: `wall ${median(cli.wall).toFixed(0)} ms vs ${median(node.wall).toFixed(0)} ms; CPU ratio ${(median(cli.cpu) / median(node.cpu)).toFixed(2)}`,
    },
  ];
}
