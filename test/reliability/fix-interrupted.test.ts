import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileSources, compiledBin } from '../cli/compiled.js';
import { tempTree } from '../cli/temp-tree.js';
import { scaleSet, templateText } from './hostile.js';

// What a --fix run leaves behind a SIGKILL, which no process can intercept: every template is its
// old or its new content, byte for byte, never a mix. A temporary file being written when the
// process died (`.<name>.<random>.tl-lint.tmp`, beside its template) stays: nothing can remove it
// in a process that no longer runs. Scans never match it (not a template extension).
const TEMP_FILE = /^\.copy\d+\.json\.[0-9a-f]{12}\.tl-lint\.tmp$/;

const COPIES = 40;
const original = templateText({ resources: Array.from({ length: 30 }, (_, i) => scaleSet(`vmss${String(i)}`)) });

let fixed = '';

function fixInto(root: string, args: readonly string[], preload?: string) {
  const node = preload === undefined ? [] : ['--import', `data:text/javascript,${encodeURIComponent(preload)}`];
  return spawnSync(process.execPath, [...node, compiledBin, '--fix', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

function copies(): Record<string, string> {
  return Object.fromEntries(Array.from({ length: COPIES }, (_, i) => [`copy${String(i).padStart(2, '0')}.json`, original]));
}

/** How many copies are old and new; fails on any other content. */
function census(root: string) {
  const counts = { old: 0, new: 0, temp: [] as string[] };
  for (const name of readdirSync(root)) {
    if (TEMP_FILE.test(name)) {
      counts.temp.push(name);
      continue;
    }
    const text = readFileSync(join(root, name), 'utf8');
    if (text === original) counts.old++;
    else if (text === fixed) counts.new++;
    else throw new Error(`${name} is neither the old nor the new content (${String(text.length)} characters)`);
  }
  return counts;
}

beforeAll(() => {
  compileSources();
  const root = tempTree({ 'copy00.json': original });
  fixInto(root, ['copy00.json']);
  fixed = readFileSync(join(root, 'copy00.json'), 'utf8');
}, 300_000);

describe('a --fix run killed with SIGKILL', () => {
  it('the complete run changes every copy (the baseline the others are checked against)', () => {
    expect(fixed).not.toBe(original);
    expect(fixed).toContain('"securityType": "TrustedLaunch"');
  });

  it('killed while writing, at whatever moment: each file is old or new, and at most one temporary file is left', async () => {
    const root = tempTree(copies());
    const child = spawn(process.execPath, [compiledBin, '--fix', '.'], { cwd: root, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const first = join(root, 'copy00.json');
    const started = statSync(first).mtimeMs;
    // Killed as soon as the first copy was replaced: the rest are being written.
    while (child.exitCode === null && statSync(first).mtimeMs === started) await sleep(2);
    child.kill('SIGKILL');
    await exited;
    const counts = census(root);
    expect(counts.old + counts.new).toBe(COPIES);
    expect(counts.new).toBeGreaterThanOrEqual(1);
    expect(counts.temp.length).toBeLessThanOrEqual(1);
  }, 120_000);

  it('killed between writing a temporary file and renaming it: that template keeps its old content', () => {
    const root = tempTree(copies());
    // The third rename never happens: the process dies with its temporary file written.
    const preload = `
      import fs from 'node:fs/promises';
      import { syncBuiltinESMExports } from 'node:module';
      const rename = fs.rename;
      let calls = 0;
      fs.rename = async (from, to) => {
        if (++calls === 3) process.kill(process.pid, 'SIGKILL');
        return rename(from, to);
      };
      syncBuiltinESMExports();
    `;
    const run = fixInto(root, ['.'], preload);
    expect(run.signal).toBe('SIGKILL');
    const counts = census(root);
    expect(counts).toMatchObject({ old: COPIES - 2, new: 2 });
    expect(counts.temp).toHaveLength(1);
    expect(readFileSync(join(root, 'copy02.json'), 'utf8')).toBe(original);
    expect(counts.temp[0]?.startsWith('.copy02.json.')).toBe(true);
    // The next run fixes what is left and is not confused by the leftover.
    const again = fixInto(root, ['.']);
    expect(again.stderr).toContain(`Fixed ${String(COPIES - 2)} files.`);
    expect(census(root)).toMatchObject({ old: 0, new: COPIES });
  }, 120_000);
});

describe('a file that changes on disk during a --fix run', () => {
  it('is not overwritten, the run says so and fails, and the other files are fixed', () => {
    const root = tempTree(copies());
    // Another program saves copy05.json after tl-lint read it and before the fix is written.
    const preload = `
      import fs from 'node:fs/promises';
      import { appendFileSync } from 'node:fs';
      import { syncBuiltinESMExports } from 'node:module';
      const realpath = fs.realpath;
      fs.realpath = async (path, ...rest) => {
        if (String(path).endsWith('copy05.json')) appendFileSync(path, '\\n');
        return realpath(path, ...rest);
      };
      syncBuiltinESMExports();
    `;
    const run = fixInto(root, ['.'], preload);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('tl-lint: copy05.json changed on disk while it was being linted; its fixes were not written.');
    expect(run.stderr).toContain(`Fixed ${String(COPIES - 1)} files.`);
    expect(readFileSync(join(root, 'copy05.json'), 'utf8')).toBe(`${original}\n`);
    expect(readdirSync(root).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 120_000);
});
