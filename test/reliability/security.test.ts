import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { supportedSizesLike, vmSizeStatus, workloadClassOf } from '../../src/azure/vm-sizes.js';
import { createEngine } from '../../src/engine/engine.js';
import { repoRoot, runReal } from '../cli/real-host.js';
import { tempTree } from '../cli/temp-tree.js';
import { scaleSet, templateText } from './hostile.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

const sources = [...sourceFiles(join(repoRoot, 'src')), ...sourceFiles(join(repoRoot, 'rules'))].map((path) => ({
  name: path.slice(repoRoot.length + 1),
  text: readFileSync(path, 'utf8'),
}));

describe('the sources', () => {
  it('never evaluate code: no eval, Function, vm or child processes', () => {
    // `eval(` as a call, not the resource view's `eval` method (`.eval(`, `eval(node: …): …`).
    const executing = /(?<![.\w])eval\s*\((?![^)]*\)\s*:)|\bnew\s+Function\b|(?<![.\w])Function\s*\(|['"]node:(vm|child_process)['"]|\bimport\s*\(\s*[^'"\s]/;
    expect(sources.length).toBeGreaterThan(150);
    expect(sources.filter((file) => executing.test(file.text)).map((file) => file.name)).toEqual([]);
  });

  it('import no network module (the language server talks over the streams its host gives it)', () => {
    const network = /['"](node:)?(http|https|http2|net|tls|dgram|dns)['"]|['"]undici['"]/;
    expect(sources.filter((file) => network.test(file.text)).map((file) => file.name)).toEqual([]);
  });
});

describe('templates never cause network access', () => {
  let requests: string[] = [];
  let base = '';
  let close: () => Promise<void> = () => Promise.resolve();

  beforeEach(async () => {
    requests = [];
    const server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
    close = () => new Promise((resolve) => server.close(() => { resolve(); }));
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await close();
  });

  it('linked templates, artifact locations, registry and URL modules are not fetched', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const linked = (templateLink: object) => ({
      type: 'Microsoft.Resources/deployments',
      apiVersion: '2022-09-01',
      name: 'linked',
      properties: { mode: 'Incremental', templateLink, parametersLink: { uri: `${base}/parameters.json` } },
    });
    const root = tempTree({
      'linked.json': templateText({
        parameters: { _artifactsLocation: { type: 'string', defaultValue: `${base}/artifacts/` } },
        resources: [
          linked({ uri: `${base}/template.json` }),
          linked({ uri: `[uri(parameters('_artifactsLocation'), 'nested/vmss.json')]` }),
          linked({ id: '/subscriptions/x/resourceGroups/y/providers/Microsoft.Resources/templateSpecs/z/versions/1' }),
          scaleSet('local'),
        ],
      }),
      'modules.bicep': [
        `module registry 'br:127.0.0.1:${base.split(':')[2] ?? ''}/vmss:v1' = { name: 'registry' }`,
        "module spec 'ts:00000000-0000-0000-0000-000000000000/rg/spec:v1' = { name: 'spec' }",
        `module web '${base}/vmss.bicep' = { name: 'web' }`,
        '',
      ].join('\n'),
    });
    const run = await runReal(root, ['--format', 'json', 'linked.json', 'modules.bicep']);
    expect(run.code).toBe(1);
    expect(requests).toEqual([]);
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

describe('paths a template names are read only inside the project', () => {
  const standardVmss = (name: string) => [
    `resource ${name} 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {`,
    `  name: '${name}'`,
    "  location: 'westeurope'",
    "  properties: { virtualMachineProfile: { securityProfile: { securityType: 'Standard' } } }",
    '}',
    '',
  ].join('\n');

  it('a Bicep module outside the repository is not read; one inside is', async () => {
    const root = tempTree({
      'repo/.git/HEAD': 'ref: refs/heads/main\n',
      'repo/infra/main.bicep': "module inside 'modules/vmss.bicep' = { name: 'inside' }\nmodule outside '../../outside/vmss.bicep' = { name: 'outside' }\n",
      'repo/infra/modules/vmss.bicep': standardVmss('insideVmss'),
      'outside/vmss.bicep': standardVmss('outsideVmss'),
    });
    const engine = await createEngine({ cwd: join(root, 'repo') });
    const result = await engine.lintFile(join(root, 'repo/infra/main.bicep'));
    const mentioned = JSON.stringify(result.messages);
    expect(mentioned).toContain('insideVmss');
    expect(mentioned).not.toContain('outsideVmss');
    expect(mentioned).not.toContain(join(root, 'outside'));
  });

  it('templateLink.relativePath is never read, inside the project or out of it', async () => {
    const root = tempTree({
      'repo/main.json': templateText({
        resources: ['nested/vmss.json', '../../outside/vmss.json', '/etc/passwd'].map((relativePath, i) => ({
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: `linked${String(i)}`,
          properties: { mode: 'Incremental', templateLink: { relativePath } },
        })),
      }),
      'repo/nested/vmss.json': templateText({ resources: [scaleSet('nestedVmss')] }),
      'outside/vmss.json': templateText({ resources: [scaleSet('outsideVmss')] }),
    });
    const engine = await createEngine({ cwd: join(root, 'repo') });
    const result = await engine.lintFile(join(root, 'repo/main.json'));
    expect(result.kind).toBe('template');
    // Each link is reported as not analysed (naming its path); nothing of what it points at is read.
    expect(result.messages.map((m) => [m.ruleId, m.message.includes('relative path')])).toEqual(Array(3).fill(['linked-template-not-analysed', true]));
    expect(JSON.stringify(result.messages)).not.toMatch(/nestedVmss|outsideVmss|root:/);
  });
});

describe('regular expressions over template text stay linear on long hostile input', () => {
  const long = (prefix: string, unit: string) => `${prefix}${unit.repeat(200_000)}x`;

  it('VM size names (the size table has backtracking patterns; long names are not tried)', () => {
    for (const name of [long('Standard_NC1', '1'), long('Standard_NC1', '_'), long('Standard_ND1', 'a1'), long('Standard_D1', '-1'), long('Standard_E', '1')]) {
      expect(vmSizeStatus(name)).toBeUndefined();
      expect(workloadClassOf(name)).toBeUndefined();
      expect(supportedSizesLike(name)).toEqual([]);
    }
  }, 20_000);

  it('format items, suppression comments, long blank lines and comment-like strings', async () => {
    const engine = await createEngine({ cwd: process.cwd() });
    const spaces = ' '.repeat(200_000);
    const text = templateText({
      parameters: { image: { type: 'string' } },
      variables: {
        item: `[format('{0${spaces}x}', 'a')]`,
        items: `[format('{0,${spaces}1${spaces}:x}', 'a')]`,
        braces: `[format('${'{'.repeat(100_000)}', 'a')]`,
        slashes: `${'/*'.repeat(100_000)}${'*/'.repeat(100_000)}`,
        parens: `[concat('${'('.repeat(100_000)}')]`,
      },
      resources: [
        scaleSet("[concat(variables('item'), variables('items'), variables('braces'), variables('parens'))]", { sku: { name: long('Standard_NC1', '1'), capacity: 1 } }),
        // The image a machine uses is read from its id, also when only a format() pattern of it is known.
        scaleSet('image', {
          properties: {
            virtualMachineProfile: {
              storageProfile: { osDisk: { createOption: 'FromImage', osType: 'Linux' }, imageReference: { id: `[format('${'{1:'.repeat(100_000)}', parameters('image'))]` } },
            },
          },
        }),
      ],
    }).replace('"resources": [', `"resources": [${spaces}// tl-lint-disable-next-line${spaces}manual-upgrade-policy --${spaces}\n`);
    const result = await engine.lintFile('/virtual/hostile.json', text);
    expect(result.fatalErrorCount).toBe(0);
    // Two scale sets; the name of 200,000 characters is no known size: unsupported-vm-size says it cannot tell.
    expect([...new Set(result.messages.map((m) => m.ruleId))].sort()).toEqual(['api-version-too-old', 'manual-upgrade-policy', 'security-type-not-trusted-launch', 'unsupported-vm-size']);
    expect(result.messages.filter((m) => m.ruleId === 'security-type-not-trusted-launch')).toHaveLength(2);

    const bicep = `${spaces}// ${'/*'.repeat(100_000)}\nvar x = '${'('.repeat(100_000)}'${spaces}\n${standardBicep()}`;
    const bicepResult = await engine.lintFile('/virtual/hostile.bicep', bicep);
    expect(bicepResult.messages.map((m) => m.ruleId)).toContain('security-type-not-trusted-launch');
  }, 60_000);
});

function standardBicep(): string {
  return "resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {\n  name: 'vmss'\n  location: 'westeurope'\n  properties: { virtualMachineProfile: { securityProfile: { securityType: 'Standard' } } }\n}\n";
}
