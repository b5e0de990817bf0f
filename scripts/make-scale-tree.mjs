#!/usr/bin/env node
// Makes a tree of generated templates for the scale benchmark: `node scripts/make-scale-tree.mjs
// <count> [directory]` copies ARM JSON templates of ../shared/corpus (TL_CORPUS), round robin, into
// folders of 100 files, and prints the directory (a new temporary one unless given). The tree is
// not committed: 100,000 templates take about 1 GB. An existing tree of the same count and corpus
// is reused (its `.scale-tree.json` says what it holds).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Larger templates (AVM pattern modules of several MB) would make the tree's size depend on which come round. */
const MAX_SAMPLE_BYTES = 200_000;
const FILES_PER_FOLDER = 100;

export function corpusTemplates(corpus) {
  const [header, ...rows] = readFileSync(join(corpus, 'MANIFEST.tsv'), 'utf8').trimEnd().split('\n');
  const columns = header.split('\t');
  const [pathAt, kindAt, bytesAt] = ['path', 'kind', 'bytes'].map((name) => columns.indexOf(name));
  return rows
    .map((row) => row.split('\t'))
    .filter((cells) => cells[kindAt] === 'arm-json' && Number(cells[bytesAt]) <= MAX_SAMPLE_BYTES)
    .map((cells) => ({ path: join(corpus, cells[pathAt]), bytes: Number(cells[bytesAt]) }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Writes (or reuses) a tree of `count` templates; returns its directory and total bytes. */
export function makeScaleTree(count, corpus, directory = mkdtempSync(join(tmpdir(), 'tl-lint-scale-'))) {
  const stamp = join(directory, '.scale-tree.json');
  const wanted = { count, corpus: resolve(corpus) };
  if (existsSync(stamp)) {
    const found = JSON.parse(readFileSync(stamp, 'utf8'));
    if (found.count === wanted.count && found.corpus === wanted.corpus) return { directory, bytes: found.bytes };
  }
  const samples = corpusTemplates(corpus);
  if (samples.length === 0) throw new Error(`No ARM templates in ${corpus}`);
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const sample = samples[i % samples.length];
    const folder = join(directory, `f${String(Math.floor(i / FILES_PER_FOLDER)).padStart(4, '0')}`);
    if (i % FILES_PER_FOLDER === 0) mkdirSync(folder, { recursive: true });
    // The sample's name is kept, so a template named azuredeploy.json still looks like one.
    copyFileSync(sample.path, join(folder, `${String(i).padStart(6, '0')}-${basename(sample.path)}`));
    bytes += sample.bytes;
  }
  writeFileSync(stamp, JSON.stringify({ ...wanted, bytes }));
  return { directory, bytes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const count = Number(process.argv[2]);
  if (!Number.isInteger(count) || count < 1) {
    console.error('usage: node scripts/make-scale-tree.mjs <count> [directory]');
    process.exit(2);
  }
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const corpus = resolve(process.env.TL_CORPUS ?? join(root, '..', 'shared', 'corpus'));
  const target = process.argv[3] === undefined ? undefined : resolve(process.argv[3]);
  if (target !== undefined) mkdirSync(target, { recursive: true });
  const { directory, bytes } = makeScaleTree(count, corpus, target);
  console.log(`${directory} (${String(count)} templates, ${(bytes / 1e6).toFixed(0)} MB)`);
}
