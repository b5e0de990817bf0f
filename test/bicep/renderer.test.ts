import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ensureBicepParser } from '../../src/model/bicep/index.js';
import { parsesCleanly } from '../../src/model/bicep/parse.js';
import type { FixIntent } from '../../src/model/fix.js';
import type { TemplateModel } from '../../src/model/template.js';
import type { JsonValue, ObjectNode } from '../../src/model/value.js';
import { applyEdits, at, parseBicep, resource } from './helpers.js';

await ensureBicepParser();

function render(model: TemplateModel, intents: readonly FixIntent[]): string | undefined {
  const edits = model.renderer.render(intents);
  return edits && applyEdits(model.file.text, edits);
}

function objectAt(model: TemplateModel, symbol: string, path: string): ObjectNode {
  const node = path === '' ? resource(model, symbol).node : at(resource(model, symbol).node, path);
  if (node.kind !== 'object') throw new Error(`${path} is not an object`);
  return node;
}

const VM = `param location string = 'westeurope'

// The VM.
resource vm 'Microsoft.Compute/virtualMachines@2019-03-01' = {
  name: 'vm1'
  location: location
  properties: {
    hardwareProfile: { vmSize: 'Standard_D2s_v3' }
    storageProfile: {
      osDisk: {
        createOption: 'FromImage' // keep me
      }
    }
    securityProfile: {}
  }
}
`;

describe('the Bicep renderer', () => {
  const model = parseBicep(VM);
  const vm = resource(model, 'vm');

  it('replaces the version part of the type string for an apiVersion', () => {
    const version = vm.apiVersion;
    if (!version) throw new Error('no apiVersion');
    expect(render(model, [{ kind: 'replace', node: version, value: '2024-07-01' }])).toBe(VM.replace('@2019-03-01', '@2024-07-01'));
  });

  it('replaces a literal with a Bicep literal, and an ARM expression string with its Bicep expression', () => {
    const name = at(vm.node, 'name');
    expect(render(model, [{ kind: 'replace', node: name, value: "it's" }])).toBe(VM.replace("name: 'vm1'", "name: 'it\\'s'"));
    expect(render(model, [{ kind: 'replace', node: name, value: '[null()]' }])).toBe(VM.replace("name: 'vm1'", 'name: null'));
    expect(render(model, [{ kind: 'replace', node: name, value: "[if(equals(parameters('location'), 'x'), concat('a', parameters('location')), toLower('B'))]" }])).toBe(
      VM.replace("name: 'vm1'", "name: (location == 'x') ? concat('a', location) : toLower('B')"),
    );
  });

  it('sets a path, creating the missing objects with the file’s indentation, after a trailing comment', () => {
    const intents: FixIntent[] = [{ kind: 'set', object: objectAt(model, 'vm', 'properties.storageProfile'), path: ['osDisk', 'managedDisk', 'storageAccountType'], value: 'Premium_LRS' }];
    expect(render(model, intents)).toBe(
      VM.replace("        createOption: 'FromImage' // keep me\n", "        createOption: 'FromImage' // keep me\n        managedDisk: {\n          storageAccountType: 'Premium_LRS'\n        }\n"),
    );
  });

  it('lays out an empty one-line object over several lines, and merges objects key by key', () => {
    const profile = objectAt(model, 'vm', 'properties.securityProfile');
    const intents: FixIntent[] = [
      { kind: 'set', object: profile, path: ['securityType'], value: 'TrustedLaunch' },
      { kind: 'set', object: profile, path: ['uefiSettings'], value: { secureBootEnabled: true } },
      { kind: 'set', object: profile, path: ['UEFISettings'], value: { vTpmEnabled: true } },
    ];
    expect(render(model, intents)).toBe(
      VM.replace(
        '    securityProfile: {}\n',
        "    securityProfile: {\n      securityType: 'TrustedLaunch'\n      uefiSettings: {\n        secureBootEnabled: true\n        vTpmEnabled: true\n      }\n    }\n",
      ),
    );
  });

  it('adds to an object written on one line with a comma', () => {
    const hardware = objectAt(model, 'vm', 'properties.hardwareProfile');
    expect(render(model, [{ kind: 'set', object: hardware, path: ['x'], value: 1 }])).toBe(VM.replace("{ vmSize: 'Standard_D2s_v3' }", "{ vmSize: 'Standard_D2s_v3', x: 1 }"));
  });

  it('removes a property with its line, comment included, and an inline one with its comma', () => {
    const osDisk = objectAt(model, 'vm', 'properties.storageProfile.osDisk');
    expect(render(model, [{ kind: 'remove', object: osDisk, key: 'createOption' }])).toBe(VM.replace("        createOption: 'FromImage' // keep me\n", ''));
    const inline = parseBicep("var o = { a: 1, b: 2 }\nresource r 'Microsoft.Compute/disks@2023-04-02' = {\n  name: 'd'\n  tags: { a: 1, b: 2 }\n}\n");
    const tags = objectAt(inline, 'r', 'tags');
    expect(render(inline, [{ kind: 'remove', object: tags, key: 'a' }])).toBe(inline.file.text.replace('tags: { a: 1, b: 2 }', 'tags: { b: 2 }'));
  });

  it('appends to arrays written over several lines, on one line, and empty', () => {
    const text = "resource r 'Microsoft.Compute/disks@2023-04-02' = {\n  name: 'd'\n  zones: [\n    '1'\n  ]\n  tags: {\n    a: []\n    b: ['x']\n  }\n}\n";
    const arrays = parseBicep(text);
    const r = resource(arrays, 'r');
    const array = (path: string) => {
      const node = at(r.node, path);
      if (node.kind !== 'array') throw new Error('not an array');
      return node;
    };
    expect(render(arrays, [{ kind: 'append', array: array('zones'), value: '2' }])).toBe(text.replace("    '1'\n", "    '1'\n    '2'\n"));
    expect(render(arrays, [{ kind: 'append', array: array('tags.a'), value: { k: 1 } }])).toBe(text.replace('a: []', 'a: [\n      {\n        k: 1\n      }\n    ]'));
    expect(render(arrays, [{ kind: 'append', array: array('tags.b'), value: 'y' }])).toBe(text.replace("b: ['x']", "b: ['x', 'y']"));
  });

  it('adds a child extension resource after its parent, with parent: and the parent’s location expression', () => {
    const intent: FixIntent = {
      kind: 'add-child-resource',
      parent: vm,
      childType: 'extensions',
      name: 'GuestAttestation',
      apiVersion: '2024-07-01',
      body: { location: "[parameters('location')]", properties: { publisher: 'Microsoft.Azure.Security.LinuxAttestation' } },
    };
    expect(render(model, [intent])).toBe(
      `${VM}\nresource vmGuestAttestation 'Microsoft.Compute/virtualMachines/extensions@2024-07-01' = {\n  parent: vm\n  name: 'GuestAttestation'\n  location: location\n  properties: {\n    publisher: 'Microsoft.Azure.Security.LinuxAttestation'\n  }\n}\n`,
    );
  });

  it('refers to a nested parent as outer::inner, and refuses a looped parent', () => {
    const text = "resource outer 'Microsoft.Compute/galleries@2023-07-03' = {\n  name: 'g'\n  resource inner 'images' = {\n    name: 'i'\n  }\n}\nresource many 'Microsoft.Compute/virtualMachines@2024-07-01' = [for i in range(0, 2): {\n  name: 'vm\${i}'\n}]\n";
    const nested = parseBicep(text);
    const add = (symbol: string): FixIntent => ({ kind: 'add-child-resource', parent: resource(nested, symbol), childType: 'versions', name: '1.0.0', apiVersion: '2023-07-03', body: {} });
    expect(render(nested, [add('inner')])).toBe(
      text.replace("  }\n}\n", "  }\n}\n\nresource inner100 'Microsoft.Compute/galleries/images/versions@2023-07-03' = {\n  parent: outer::inner\n  name: '1.0.0'\n}\n"),
    );
    expect(render(nested, [add('many')])).toBeUndefined();
  });

  it('writes a resource condition as `if (…)` before its body', () => {
    const text = "param on bool = true\nresource ext 'Microsoft.Compute/virtualMachines/extensions@2024-07-01' = {\n  name: 'vm/x'\n}\n";
    const conditioned = parseBicep(text);
    const ext = resource(conditioned, 'ext');
    expect(render(conditioned, [{ kind: 'set', object: ext.node, path: ['condition'], value: "[and(parameters('on'), true())]" }])).toBe(
      text.replace("extensions@2024-07-01' = {", "extensions@2024-07-01' = if (on && true) {"),
    );
  });

  it('keeps CRLF line ends and tab indentation', () => {
    const text = "resource r 'Microsoft.Compute/disks@2023-04-02' = {\r\n\tname: 'd'\r\n\tproperties: {\r\n\t\tdiskSizeGB: 4\r\n\t}\r\n}\r\n";
    const crlf = parseBicep(text);
    const properties = objectAt(crlf, 'r', 'properties');
    expect(render(crlf, [{ kind: 'set', object: properties, path: ['encryption', 'type'], value: 'x' }])).toBe(
      text.replace('\t\tdiskSizeGB: 4\r\n', "\t\tdiskSizeGB: 4\r\n\t\tencryption: {\r\n\t\t\ttype: 'x'\r\n\t\t}\r\n"),
    );
  });

  it('refuses nodes it cannot edit: synthetic ones and ARM expressions with no Bicep form', () => {
    const parameter = model.root.decls.parameters.get('location');
    if (!parameter) throw new Error('no parameter');
    expect(render(model, [{ kind: 'replace', node: parameter.node, value: 'x' }])).toBeUndefined();
    expect(render(model, [{ kind: 'replace', node: at(vm.node, 'name'), value: '[copyIndex()]' }])).toBeUndefined();
  });

  it('writes a suppression comment on its own line, indented like the line', () => {
    const offset = VM.indexOf("name: 'vm1'");
    expect(model.renderer.suppressionComment?.(offset, ['api-version-too-old'])).toEqual({
      range: { start: offset - 2, end: offset - 2 },
      text: '  // tl-lint-disable-next-line api-version-too-old\n',
    });
    const multiline = parseBicep("var s = '''\nline\n'''\n");
    expect(multiline.renderer.suppressionComment?.(multiline.file.text.indexOf('line'), ['x'])).toBeUndefined();
  });
});

const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
    fc.string().filter((s) => !s.startsWith('[')),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ minLength: 1 }), tie('value'), { maxKeys: 3 }),
  ),
})).value as fc.Arbitrary<JsonValue>;

describe('values written by the renderer', () => {
  it('parse and read back as the same JSON (property)', () => {
    const model = parseBicep("resource r 'Microsoft.Compute/disks@2023-04-02' = {\n  name: 'd'\n  tags: {}\n}\n");
    const tags = objectAt(model, 'r', 'tags');
    fc.assert(
      fc.property(jsonValue, (value) => {
        const text = render(model, [{ kind: 'set', object: tags, path: ['v'], value }]);
        if (text === undefined) return false;
        if (!parsesCleanly(text, false)) return false;
        const written = at(resource(parseBicep(text), 'r').node, 'tags.v');
        const read = resource(parseBicep(text), 'r').deployment.evaluator.node(written);
        return read.kind === 'known' && JSON.stringify(read.value) === JSON.stringify(value);
      }),
      { numRuns: 200 },
    );
  });
});
