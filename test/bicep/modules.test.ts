import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureBicepParser } from '../../src/model/bicep/index.js';
import { parseBicep, resource, textAt, writeTree } from './helpers.js';

await ensureBicepParser();

const VM_MODULE = `param vmName string
param securityType string = 'Standard'

resource vm 'Microsoft.Compute/virtualMachines@2023-09-01' = {
  name: vmName
  properties: {
    securityProfile: {
      securityType: securityType
    }
  }
}
`;

function lintTree(files: Readonly<Record<string, string>>, main = 'main.bicep') {
  const dir = writeTree(files);
  return { dir, model: parseBicep(files[main] ?? '', {}, join(dir, main)) };
}

describe('Bicep modules', () => {
  it('follows a local module: its resources form a nested deployment held by the module, with parameters bound in the caller', () => {
    const { model } = lintTree({
      'main.bicep': `param prefix string = 'web'
module vmModule './modules/vm.bicep' = {
  name: 'vm-deployment'
  params: {
    vmName: '\${prefix}-vm'
    securityType: 'TrustedLaunch'
  }
}
`,
      'modules/vm.bicep': VM_MODULE,
    });
    const module = resource(model, 'vmModule');
    expect(module.type).toBe('Microsoft.Resources/deployments');
    const vm = resource(model, 'vm');
    expect(vm.deployment.holder).toBe(module);
    expect(vm.deployment.parent).toBe(model.root);
    // Findings on the module's resources are shown at the module declaration of the linted file,
    // and nothing of the module's own file can be edited from it.
    expect(vm.node.file).toBe(model.file);
    expect(textAt(model, vm.node)).toBe("'./modules/vm.bicep'");
    expect(vm.typeRange).toEqual(vm.node.range);
    expect(vm.node.locator).toBeUndefined();
    const evaluate = vm.deployment.evaluator;
    expect(vm.name && evaluate.node(vm.name)).toMatchObject({ kind: 'known', value: 'web-vm' });
    expect(evaluate.parameter('securityType')).toMatchObject({ kind: 'known', value: 'TrustedLaunch' });
    // The value is decided in the caller: a fix edits main.bicep.
    const bound = evaluate.parameter('securityType');
    expect(bound.kind === 'known' && bound.origin && textAt(model, bound.origin.node)).toBe("'TrustedLaunch'");
  });

  it('leaves registry and template-spec modules unknown', () => {
    const model = parseBicep("module a 'br/public:avm/res/compute/virtual-machine:0.1.0' = {\n  name: 'a'\n}\nmodule b 'ts:sub/rg/spec:1.0' = {\n  name: 'b'\n}\n");
    expect(model.resources.map((r) => r.symbolicName)).toEqual(['a', 'b']);
  });

  it('does not follow modules outside the repository, or in a cycle', () => {
    const dir = writeTree({
      'repo/main.bicep': "module outside '../outside.bicep' = {\n  name: 'o'\n}\nmodule self './main.bicep' = {\n  name: 's'\n}\nmodule a './a.bicep' = {\n  name: 'a'\n}\n",
      'repo/a.bicep': "module b './b.bicep' = {\n  name: 'b'\n}\n",
      'repo/b.bicep': "module a './a.bicep' = {\n  name: 'a2'\n}\nresource r 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'st'\n}\n",
      'outside.bicep': VM_MODULE,
    });
    mkdirSync(join(dir, 'repo', '.git'));
    writeFileSync(join(dir, 'repo', '.git', 'HEAD'), 'ref: refs/heads/main\n');
    const model = parseBicep(
      "module outside '../outside.bicep' = {\n  name: 'o'\n}\nmodule self './main.bicep' = {\n  name: 's'\n}\nmodule a './a.bicep' = {\n  name: 'a'\n}\n",
      {},
      join(dir, 'repo', 'main.bicep'),
    );
    // outside.bicep is not read; main.bicep and a.bicep are not entered twice.
    expect(model.resources.map((r) => r.symbolicName)).toEqual(['outside', 'self', 'a', 'b', 'a', 'r']);
  });
});
