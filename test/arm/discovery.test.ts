import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findParameterFileFor, type SiblingReader } from '../../src/model/arm/index.js';

/** An in-memory folder: file name → text. */
function folder(files: Record<string, string>): SiblingReader & { readonly reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    listDirectory: (directory) => (directory === '/repo/app' ? Object.keys(files) : []),
    readText: (path) => {
      reads.push(path);
      const name = path.replace('/repo/app/', '');
      return files[name];
    },
  };
}

const params = (metadata?: Record<string, unknown>) =>
  JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
    contentVersion: '1.0.0.0',
    ...(metadata ? { metadata } : {}),
    parameters: {},
  });

describe('findParameterFileFor', () => {
  it('<name>.parameters.json beside the template', () => {
    const reader = folder({ 'azuredeploy.json': '{}', 'azuredeploy.parameters.json': params(), 'other.parameters.json': params() });
    expect(findParameterFileFor('/repo/app/azuredeploy.json', reader)?.path).toBe('/repo/app/azuredeploy.parameters.json');
  });

  it('matches the conventional name case-insensitively', () => {
    const reader = folder({ 'main.json': '{}', 'Main.Parameters.json': params() });
    expect(findParameterFileFor('/repo/app/main.json', reader)?.path).toBe('/repo/app/Main.Parameters.json');
  });

  it.each(['./vmss.json', 'vmss.json', '.\\vmss.json', 'VMSS.json'])('a sibling whose metadata.template is %s', (template) => {
    const reader = folder({ 'vmss.json': '{}', 'prod.parameters.json': params({ template }), 'unrelated.json': '{"a": 1}' });
    expect(findParameterFileFor('/repo/app/vmss.json', reader)?.path).toBe('/repo/app/prod.parameters.json');
  });

  it('prefers *.parameters.json among metadata.template candidates, then name order', () => {
    const reader = folder({
      'vmss.json': '{}',
      'a.json': params({ template: 'vmss.json' }),
      'z.parameters.json': params({ template: 'vmss.json' }),
    });
    expect(findParameterFileFor('/repo/app/vmss.json', reader)?.path).toBe('/repo/app/z.parameters.json');
  });

  it('ignores a metadata.template that names another template', () => {
    const reader = folder({ 'vmss.json': '{}', 'prod.parameters.json': params({ template: 'other/vmss.json' }) });
    expect(findParameterFileFor('/repo/app/vmss.json', reader)).toBeUndefined();
  });

  it('reads *.parameters.json siblings first and stops at the first match', () => {
    const reader = folder({ 'vmss.json': '{}', 'big.json': '{"x": 1}', 'prod.parameters.json': params({ template: 'vmss.json' }) });
    findParameterFileFor('/repo/app/vmss.json', reader);
    expect(reader.reads).toEqual(['/repo/app/prod.parameters.json']);
  });

  it('never reads the template itself or non-JSON siblings', () => {
    const reader = folder({ 'vmss.json': '{}', 'readme.md': 'vmss.json', 'big.json': '{"x": 1}' });
    expect(findParameterFileFor('/repo/app/vmss.json', reader)).toBeUndefined();
    expect(reader.reads).toEqual(['/repo/app/big.json']);
  });

  it('nothing found', () => {
    expect(findParameterFileFor('/repo/app/vmss.json', folder({ 'vmss.json': '{}' }))).toBeUndefined();
    expect(findParameterFileFor('/elsewhere/vmss.json', folder({}))).toBeUndefined();
  });
});

describe('findParameterFileFor on disk', () => {
  const root = mkdtempSync(join(tmpdir(), 'tl-arm-'));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('reads the real folder with the default reader', () => {
    const directory = join(root, 'sample');
    mkdirSync(directory);
    writeFileSync(join(directory, 'azuredeploy.json'), '{}');
    writeFileSync(join(directory, 'azuredeploy.parameters.json'), params());
    const found = findParameterFileFor(join(directory, 'azuredeploy.json'));
    expect(found?.path).toBe(join(directory, 'azuredeploy.parameters.json'));
    expect(found?.text).toBe(params());
  });

  it('a missing folder is no parameter file', () => {
    expect(findParameterFileFor(join(root, 'missing', 'azuredeploy.json'))).toBeUndefined();
  });
});
