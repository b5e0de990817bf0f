// Every JSON file of the shared corpus (except the bicep-types-az type files) through the front-end,
// checked against the corpus manifest (/work/shared/corpus/MANIFEST.tsv, built independently).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { parseArmFile } from '../../src/model/arm/index.js';
import { createSourceFile } from '../../src/model/source.js';
import type { ParseResult } from '../../src/model/template.js';

const corpus = '/work/shared/corpus';

interface Row {
  readonly path: string;
  readonly kind: string;
  readonly vmssCount: number;
  readonly vmCount: number;
}

const [header = '', ...lines] = readFileSync(join(corpus, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
const columns = header.split('\t');
const column = (name: string): number => columns.indexOf(name);

const rows: Row[] = lines
  .map((line) => line.split('\t'))
  .map((cells) => ({
    path: cells[column('path')] ?? '',
    kind: cells[column('kind')] ?? '',
    vmssCount: Number(cells[column('vmss_count')] ?? 0),
    vmCount: Number(cells[column('vm_count')] ?? 0),
  }))
  .filter((row) => row.path.endsWith('.json') && !row.path.startsWith('bicep-types-az/'));

/** The root `$schema`, read with plain jsonc-parser rather than the front-end. */
function rootSchema(text: string): string {
  const root: unknown = parse(text, [], { allowTrailingComma: true });
  if (typeof root !== 'object' || root === null || !('$schema' in root)) return '';
  return typeof root.$schema === 'string' ? root.$schema : '';
}

const results = rows.map((row) => {
  const file = createSourceFile(row.path, readFileSync(join(corpus, row.path), 'utf8'));
  return { row, text: file.text, result: parseArmFile(file, {}) };
});

function count(result: ParseResult, type: string): number {
  if (result.kind !== 'template') return 0;
  return result.model.resources.filter((r) => !r.existing && r.type.toLowerCase() === type).length;
}

describe('the corpus', () => {
  it('has the JSON files the manifest lists', () => {
    expect(results.length).toBe(2156);
  });

  it('every file parses, without an internal error', () => {
    expect(results.filter(({ result }) => result.kind === 'fatal').map(({ row }) => row.path)).toEqual([]);
  });

  it('every arm-json and bicep-baseline file with a deploymentTemplate $schema is a template', () => {
    const expected = results.filter(
      ({ row, text }) => (row.kind === 'arm-json' || row.kind === 'bicep-baseline') && /deploymentTemplate\.json/i.test(rootSchema(text)),
    );
    expect(expected.filter(({ result }) => result.kind !== 'template').map(({ row }) => row.path)).toEqual([]);
    expect(expected.length).toBe(1482);
    expect(results.filter(({ result }) => result.kind === 'template').length).toBe(1482);
  });

  it('every params file is a parameter file', () => {
    const params = results.filter(({ row }) => row.kind === 'params');
    expect(params.filter(({ result }) => result.kind !== 'parameters').map(({ row }) => row.path)).toEqual([]);
    expect(params.length).toBe(512);
  });

  it('finds the scale sets and VMs the manifest counts in each file, nested deployments included', () => {
    const differences = results.flatMap(({ row, result }) => {
      const found = { vmss: count(result, 'microsoft.compute/virtualmachinescalesets'), vm: count(result, 'microsoft.compute/virtualmachines') };
      return found.vmss === row.vmssCount && found.vm === row.vmCount ? [] : [{ path: row.path, found, manifest: [row.vmssCount, row.vmCount] }];
    });
    expect(differences).toEqual([]);
    const totals = results.reduce(
      (sum, { result }) => ({
        vmss: sum.vmss + count(result, 'microsoft.compute/virtualmachinescalesets'),
        vm: sum.vm + count(result, 'microsoft.compute/virtualmachines'),
      }),
      { vmss: 0, vm: 0 },
    );
    expect(totals).toEqual({ vmss: 58, vm: 696 });
  });
});

describe('fixes on the corpus', () => {
  const trustedLaunch = { securityType: 'TrustedLaunch', uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } };

  it('setting Trusted Launch on every scale set and VM gives text that parses and says so', () => {
    const failures: string[] = [];
    let rendered = 0;
    for (const { row, text, result } of results) {
      if (result.kind !== 'template') continue;
      result.model.resources.forEach((resource, index) => {
        const type = resource.type.toLowerCase();
        const path =
          type === 'microsoft.compute/virtualmachinescalesets'
            ? ['virtualMachineProfile', 'securityProfile']
            : type === 'microsoft.compute/virtualmachines'
              ? ['securityProfile']
              : undefined;
        const properties = resource.node.properties.findLast((p) => p.key.toLowerCase() === 'properties')?.value;
        if (path === undefined || resource.existing || properties?.kind !== 'object') return;
        const edits = result.model.renderer.render([{ kind: 'set', object: properties, path, value: trustedLaunch }]);
        if (edits === undefined) {
          failures.push(`${row.path}#${String(index)}: refused`);
          return;
        }
        rendered++;
        const output = applyEdits(text, edits);
        const again = parseArmFile(createSourceFile(row.path, output), {});
        const fixed = again.kind === 'template' ? again.model.resources[index] : undefined;
        const securityType = fixed && valueAt(fixed.node, ['properties', ...path, 'securityType']);
        if (securityType !== 'TrustedLaunch') failures.push(`${row.path}#${String(index)}: ${String(securityType)}`);
        if (lineEnds(output) !== lineEnds(text)) failures.push(`${row.path}#${String(index)}: line ends changed`);
      });
    }
    expect(failures).toEqual([]);
    expect(rendered).toBeGreaterThan(600);
  });
});

/** The line-end style and the number of line ends of the other style (edits add only the file's own). */
function lineEnds(text: string): string {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  return crlf > 0 ? `CRLF, ${String(lf)} lone LF` : 'LF';
}

function applyEdits(text: string, edits: readonly { readonly range: { readonly start: number; readonly end: number }; readonly text: string }[]): string {
  let output = text;
  for (const edit of [...edits].sort((a, b) => b.range.start - a.range.start)) {
    output = output.slice(0, edit.range.start) + edit.text + output.slice(edit.range.end);
  }
  return output;
}

function valueAt(node: import('../../src/model/value.js').ValueNode, path: readonly string[]): unknown {
  let at = node;
  for (const key of path) {
    if (at.kind !== 'object') return undefined;
    const next = at.properties.findLast((p) => p.key.toLowerCase() === key.toLowerCase())?.value;
    if (next === undefined) return undefined;
    at = next;
  }
  return at.kind === 'literal' ? at.value : at.kind;
}
