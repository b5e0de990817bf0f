import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createParameterFileFinder, findParameterFileFor, type SiblingReader } from '../../src/model/arm/index.js';

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

  it('a metadata.template key spelt with escapes still counts', () => {
    const text = String.raw`{"m\u0065tadata": {"t\u0065mplate": "vmss.json"}, "parameters": {}}`;
    const reader = folder({ 'vmss.json': '{}', 'prod.parameters.json': text });
    expect(findParameterFileFor('/repo/app/vmss.json', reader)?.path).toBe('/repo/app/prod.parameters.json');
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

  it('reads only the start of a sibling that is a template, and a small file once', () => {
    const template = `{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "x": "${'a'.repeat(20_000)}"}`;
    const files: Record<string, string> = { 'vmss.json': '{}', 'compiled.json': template, 'prod.json': params({ template: 'vmss.json' }) };
    const starts: string[] = [];
    const reader = {
      ...folder(files),
      readStart: (path: string, length: number) => {
        starts.push(path);
        const text = files[path.replace('/repo/app/', '')];
        return text === undefined ? undefined : { text: text.slice(0, length), whole: text.length <= length };
      },
    };
    expect(findParameterFileFor('/repo/app/vmss.json', reader)?.path).toBe('/repo/app/prod.json');
    expect(starts).toEqual(['/repo/app/compiled.json', '/repo/app/prod.json']);
    expect(reader.reads).toEqual([]);
  });

  it('nothing found', () => {
    expect(findParameterFileFor('/repo/app/vmss.json', folder({ 'vmss.json': '{}' }))).toBeUndefined();
    expect(findParameterFileFor('/elsewhere/vmss.json', folder({}))).toBeUndefined();
  });
});

/** An in-memory folder whose files carry change stamps, counting listings and reads. */
function stampedFolder(files: Record<string, string>) {
  const stamps = new Map<string, number>();
  const counts = { listings: 0, reads: [] as string[] };
  const reader: SiblingReader = {
    listDirectory: (directory) => {
      counts.listings++;
      return directory === '/repo/app' ? Object.keys(files) : [];
    },
    readText: (path) => {
      counts.reads.push(path);
      return files[path.replace('/repo/app/', '')];
    },
    changeStamp: (path) => String(stamps.get(path) ?? 0),
  };
  const change = (name: string, text: string) => {
    files[name] = text;
    const path = name === '' ? '/repo/app' : `/repo/app/${name}`;
    stamps.set(path, (stamps.get(path) ?? 0) + 1);
  };
  return { reader, counts, change };
}

describe('createParameterFileFinder', () => {
  const templates = (): Record<string, string> => ({
    'a.json': '{}',
    'b.json': '{}',
    'c.json': '{}',
    'values-b.json': params({ template: 'b.json' }),
  });

  it('lists a folder once and reads each candidate once for all its templates, with the same answers', () => {
    const { reader, counts } = stampedFolder(templates());
    const find = createParameterFileFinder(reader);
    const found = ['a', 'b', 'c'].map((name) => find(`/repo/app/${name}.json`)?.path);
    expect(found).toEqual([undefined, '/repo/app/values-b.json', undefined]);
    expect(found).toEqual(['a', 'b', 'c'].map((name) => findParameterFileFor(`/repo/app/${name}.json`, folder(templates()))?.path));
    expect(counts.listings).toBe(1);
    expect(counts.reads).toEqual(['/repo/app/b.json', '/repo/app/c.json', '/repo/app/values-b.json', '/repo/app/a.json']);
  });

  it('reads a file again when its stamp changes, and lists the folder again when the folder changes', () => {
    const { reader, counts, change } = stampedFolder(templates());
    const find = createParameterFileFinder(reader);
    expect(find('/repo/app/c.json')).toBeUndefined();
    change('values-b.json', params({ template: 'c.json' }));
    expect(find('/repo/app/c.json')?.path).toBe('/repo/app/values-b.json');
    expect(counts.listings).toBe(1);
    change('c.parameters.json', params());
    change('', '');
    expect(find('/repo/app/c.json')?.path).toBe('/repo/app/c.parameters.json');
    expect(counts.listings).toBe(2);
  });

  it('read once (a CLI run): no stamp is checked, and a folder and each candidate are read once', () => {
    const { reader, counts } = stampedFolder(templates());
    let stamps = 0;
    const find = createParameterFileFinder({ ...reader, changeStamp: () => String(++stamps) }, true);
    const found = ['a', 'b', 'c', 'b'].map((name) => find(`/repo/app/${name}.json`)?.path);
    expect(found).toEqual([undefined, '/repo/app/values-b.json', undefined, '/repo/app/values-b.json']);
    expect(stamps).toBe(0);
    expect(counts.listings).toBe(1);
    expect(counts.reads).toEqual(['/repo/app/b.json', '/repo/app/c.json', '/repo/app/values-b.json', '/repo/app/a.json']);
  });

  it('keeps nothing when the reader has no change stamps', () => {
    const reader = folder(templates());
    const find = createParameterFileFinder(reader);
    find('/repo/app/a.json');
    find('/repo/app/a.json');
    expect(reader.reads.filter((path) => path.endsWith('values-b.json'))).toHaveLength(2);
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

  it('the run-long finder sees a parameter file added to a folder it has read', () => {
    const directory = join(root, 'added');
    mkdirSync(directory);
    writeFileSync(join(directory, 'main.json'), '{}');
    const find = createParameterFileFinder();
    expect(find(join(directory, 'main.json'))).toBeUndefined();
    writeFileSync(join(directory, 'prod.json'), params({ template: 'main.json' }));
    expect(find(join(directory, 'main.json'))?.path).toBe(join(directory, 'prod.json'));
  });

  it('a missing folder is no parameter file', () => {
    expect(findParameterFileFor(join(root, 'missing', 'azuredeploy.json'))).toBeUndefined();
  });
});
