#!/usr/bin/env node
// Generates the Azure data tables (data/*.json and their typed mirrors src/azure/generated/*.ts)
// from ../shared/data and ../shared/corpus/bicep-types-az.
//
//   node scripts/generate-data.mjs            write the tables
//   node scripts/generate-data.mjs --check    exit 1 when a committed table differs from a fresh one
//   --shared <dir>                            the shared folder (default: ../shared beside the repo)
//
// Exit codes: 0 up to date / written; 1 stale output (--check); 2 bad input, bad arguments or a crash.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { crossCheckApiVersions, extractApiVersions } from './data/api-versions.mjs';
import { DataError, fail } from './data/fail.mjs';
import { formatJson } from './data/format.mjs';
import { extensionTable, imageTable, limitationTable, osTable, vmSizeTable } from './data/tables.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const JSON_DIR = 'data';
const TS_DIR = 'src/azure/generated';

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return fail(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The dates the data stands at: the facts' research date and the bicep-types-az commit. */
function dataDates(shared, apiVersions) {
  const facts = readFileSync(join(shared, 'reference/trusted-launch-facts.md'), 'utf8');
  const researchDate = /^Research date: (\d{4}-\d{2}-\d{2})/m.exec(facts)?.[1];
  if (!researchDate) fail('trusted-launch-facts.md: no "Research date: yyyy-mm-dd" line');
  const sources = readFileSync(join(shared, 'corpus/SOURCES.tsv'), 'utf8').split('\n').map((line) => line.split('\t'));
  const row = sources.find((cells) => cells[0] === 'bicep-types-az' && /^[0-9a-f]{40}$/.test(cells[2] ?? ''));
  if (!row) fail('corpus/SOURCES.tsv: no bicep-types-az row with a commit');
  const [, repository, commit, committed] = row;
  const commitDate = committed.slice(0, 10);
  const stated = /@ ([0-9a-f]{40}) \(commit dated (\d{4}-\d{2}-\d{2})\)/.exec(apiVersions.sourceCommit);
  if (stated?.[1] !== commit || stated[2] !== commitDate) {
    fail(`api-versions.json is from "${apiVersions.sourceCommit}", corpus/SOURCES.tsv has ${commit} (${commitDate})`);
  }
  return { facts, researchDate, bicepTypes: { repository, commit, commitDate } };
}

/** Every table: its file name, exported name, TypeScript type, inputs and content. */
function buildTables(shared) {
  const sharedData = (name) => readJson(join(shared, 'data', name));
  const local = (name) => readJson(join(repoRoot, 'scripts/data', name));
  const apiVersionsJson = sharedData('api-versions.json');
  const dates = dataDates(shared, apiVersionsJson);
  const generatedDir = join(shared, 'corpus/bicep-types-az/generated');
  if (!existsSync(generatedDir)) fail(`${generatedDir} does not exist`);

  const extracted = extractApiVersions(generatedDir);
  crossCheckApiVersions(extracted, apiVersionsJson);
  const { commit, commitDate, repository } = dates.bicepTypes;
  const images = imageTable(sharedData('image-gen2-mapping.json'));

  const tables = [
    {
      file: 'api-versions',
      exportName: 'apiVersionTable',
      type: 'ApiVersionTable',
      inputs: ['../shared/corpus/bicep-types-az/generated/compute*/microsoft.compute/*/types.json', '../shared/data/api-versions.json'],
      content: {
        source: `${repository} @ ${commit} (commit dated ${commitDate})`,
        sourceCommit: commit,
        sourceCommitDate: commitDate,
        minimumTrustedLaunch: apiVersionsJson.minimumApiVersionForTrustedLaunch,
        ...extracted,
      },
    },
    {
      file: 'vm-sizes',
      exportName: 'vmSizeTable',
      type: 'VmSizeTable',
      inputs: ['../shared/data/vm-size-families.json', 'scripts/data/size-classes.json'],
      content: vmSizeTable(sharedData('vm-size-families.json'), local('size-classes.json')),
    },
    { file: 'images', exportName: 'imageTable', type: 'ImageTable', inputs: ['../shared/data/image-gen2-mapping.json'], content: images },
    {
      file: 'extensions',
      exportName: 'extensionTable',
      type: 'ExtensionTable',
      inputs: ['../shared/data/extensions.json'],
      content: extensionTable(sharedData('extensions.json')),
    },
    {
      file: 'os',
      exportName: 'osTable',
      type: 'OsTable',
      inputs: ['../shared/data/tl-supported-os.json', '../shared/reference/trusted-launch-facts.md', 'scripts/data/os-publishers.json'],
      content: osTable(sharedData('tl-supported-os.json'), local('os-publishers.json'), dates.facts, images),
    },
    {
      file: 'limitations',
      exportName: 'limitationTable',
      type: 'LimitationTable',
      inputs: ['../shared/data/limitations.json'],
      content: limitationTable(sharedData('limitations.json')),
    },
    {
      file: 'data-version',
      exportName: 'dataVersionTable',
      type: 'DataVersionTable',
      inputs: ['../shared/reference/trusted-launch-facts.md', '../shared/corpus/SOURCES.tsv'],
      content: {
        factsResearchDate: dates.researchDate,
        bicepTypesAz: { repository, commit, commitDate },
        version: `${dates.researchDate} (facts); ${repository} ${commit.slice(0, 8)} (${commitDate})`,
      },
    },
  ];
  return tables.map((table) => ({
    ...table,
    content: {
      $comment: `Generated by scripts/generate-data.mjs from ${table.inputs.join(', ')}; do not edit.`,
      dataDate: dates.researchDate,
      ...table.content,
    },
  }));
}

/** path relative to the repo → expected text */
function render(tables) {
  const files = new Map();
  for (const table of tables) {
    const json = formatJson(table.content);
    files.set(`${JSON_DIR}/${table.file}.json`, `${json}\n`);
    files.set(
      `${TS_DIR}/${table.file}.ts`,
      [
        `// ${table.content.$comment}`,
        `import type { ${table.type} } from '../types.js';`,
        '',
        `export const ${table.exportName}: ${table.type} = ${json};`,
        '',
      ].join('\n'),
    );
  }
  return files;
}

/** Files in the generated folders that the generator no longer writes. */
function leftovers(expected) {
  const found = [];
  for (const [dir, extension] of [[JSON_DIR, '.json'], [TS_DIR, '.ts']]) {
    const absolute = join(repoRoot, dir);
    if (!existsSync(absolute)) continue;
    for (const name of readdirSync(absolute)) {
      const path = `${dir}/${name}`;
      if (name.endsWith(extension) && !expected.has(path)) found.push(path);
    }
  }
  return found;
}

function main() {
  const { values } = parseArgs({
    options: { check: { type: 'boolean', default: false }, shared: { type: 'string' } },
    strict: true,
  });
  const shared = resolve(values.shared ?? join(repoRoot, '..', 'shared'));
  if (!existsSync(join(shared, 'data'))) fail(`shared folder not found at ${shared} (expected ../shared beside the repo, or --shared <dir>)`);

  const started = performance.now();
  const files = render(buildTables(shared));
  const extra = leftovers(files);

  if (values.check) {
    const stale = [...files].filter(([path, text]) => {
      const absolute = join(repoRoot, path);
      return !existsSync(absolute) || readFileSync(absolute, 'utf8') !== text;
    });
    const problems = [
      ...stale.map(([path]) => `${path} is ${existsSync(join(repoRoot, path)) ? 'stale' : 'missing'}`),
      ...extra.map((path) => `${path} is not generated any more`),
    ];
    if (problems.length > 0) {
      console.error(`generate-data --check: ${problems.join('; ')}.\nRun \`node scripts/generate-data.mjs\` and commit the result.`);
      process.exitCode = 1;
      return;
    }
    console.log(`generate-data --check: ${files.size} files up to date (${Math.round(performance.now() - started)} ms)`);
    return;
  }

  for (const [path, text] of files) {
    const absolute = join(repoRoot, path);
    mkdirSync(dirname(absolute), { recursive: true });
    if (!existsSync(absolute) || readFileSync(absolute, 'utf8') !== text) {
      writeFileSync(absolute, text);
      console.log(`wrote ${path}`);
    }
  }
  for (const path of extra) {
    rmSync(join(repoRoot, path));
    console.log(`removed ${path}`);
  }
  console.log(`generate-data: ${files.size} files from ${relative(repoRoot, shared)} (${Math.round(performance.now() - started)} ms)`);
}

try {
  main();
} catch (error) {
  const expected = error instanceof DataError || String(error?.code).startsWith('ERR_PARSE_ARGS');
  console.error(`generate-data: ${expected ? error.message : error?.stack ?? String(error)}`);
  process.exitCode = 2;
}
