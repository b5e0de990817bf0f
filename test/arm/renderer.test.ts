import { readFileSync } from 'node:fs';
import { parseTree, type ParseError } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import type { FixIntent } from '../../src/model/fix.js';
import type { TemplateModel } from '../../src/model/template.js';
import { SCHEMA, applyEdits, nodeAt, objectAt, parseTemplate } from './helpers.js';

const fixture = readFileSync(new URL('fixtures/vmss-commented.jsonc', import.meta.url), 'utf8');

/** The same text with another indent unit (the fixtures use 2 spaces) and line end. */
function restyle(text: string, unit: string, eol: string): string {
  return text.replace(/^( +)/gm, (spaces) => unit.repeat(spaces.length / 2)).replace(/\n/g, eol);
}

function render(model: TemplateModel, intents: readonly FixIntent[]): string {
  const edits = model.renderer.render(intents);
  if (edits === undefined) throw new Error('the renderer refused');
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start);
  sorted.forEach((edit, i) => {
    const next = sorted[i + 1];
    if (next) expect(edit.range.end).toBeLessThanOrEqual(next.range.start);
  });
  return applyEdits(model.file.text, edits);
}

function parsesCleanly(text: string): boolean {
  const errors: ParseError[] = [];
  parseTree(text, errors, { allowTrailingComma: true });
  return errors.length === 0;
}

const trustedLaunch = { securityType: 'TrustedLaunch', uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } };

const expectedTrustedLaunch = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "vmssName": { "type": "string", "defaultValue": "vmss" }
  },
  // the scale set
  "resources": [
    {
      "type": "Microsoft.Compute/virtualMachineScaleSets",
      "apiVersion": "2024-07-01", // too old
      "name": "[parameters('vmssName')]",
      "properties": {
        "virtualMachineProfile": {
          "SecurityProfile": {
            "encryptionAtHost": true, /* keep */
            "securityType": "TrustedLaunch",
            "uefiSettings": {
              "secureBootEnabled": true,
              "vTpmEnabled": true
            }
          },
          "storageProfile": {
            "osDisk": { "createOption": "FromImage" }
          }
        }
      }
    }
  ]
}
`;

describe('set and replace, in the file’s own style', () => {
  it.each([
    { style: '2 spaces, LF', unit: '  ', eol: '\n' },
    { style: '4 spaces, LF', unit: '    ', eol: '\n' },
    { style: 'tabs, LF', unit: '\t', eol: '\n' },
    { style: '2 spaces, CRLF', unit: '  ', eol: '\r\n' },
    { style: 'tabs, CRLF', unit: '\t', eol: '\r\n' },
  ])('$style: merges securityProfile (keeping encryptionAtHost and comments) and bumps apiVersion', ({ unit, eol }) => {
    const model = parseTemplate(restyle(fixture, unit, eol));
    const vmss = model.resources[0];
    if (vmss?.apiVersion === undefined) throw new Error('vmss');
    const output = render(model, [
      { kind: 'set', object: objectAt(vmss.node, 'properties.virtualMachineProfile'), path: ['securityProfile'], value: trustedLaunch },
      { kind: 'replace', node: vmss.apiVersion, value: '2024-07-01' },
    ]);
    expect(output).toBe(restyle(expectedTrustedLaunch, unit, eol));
  });

  it('gives one edit per changed region', () => {
    const model = parseTemplate(fixture);
    const vmss = model.resources[0];
    if (vmss?.apiVersion === undefined) throw new Error('vmss');
    const edits = model.renderer.render([
      { kind: 'set', object: objectAt(vmss.node, 'properties.virtualMachineProfile'), path: ['securityProfile'], value: trustedLaunch },
      { kind: 'replace', node: vmss.apiVersion, value: '2024-07-01' },
    ]);
    expect(edits?.map((edit) => fixture.slice(edit.range.start, edit.range.end))).toEqual(['"2019-03-01"', ' /* keep */']);
  });

  it('creates missing objects on the way, keeping the spelling of existing keys', () => {
    const model = parseTemplate(fixture);
    const vmss = model.resources[0];
    if (vmss === undefined) throw new Error('vmss');
    const output = render(model, [
      { kind: 'set', object: objectAt(vmss.node, 'properties'), path: ['virtualMachineProfile', 'STORAGEPROFILE', 'osDisk', 'caching'], value: 'ReadWrite' },
      { kind: 'set', object: objectAt(vmss.node, 'properties'), path: ['upgradePolicy', 'rollingUpgradePolicy', 'maxSurge'], value: true },
    ]);
    expect(output).toContain(`            "osDisk": {
              "createOption": "FromImage",
              "caching": "ReadWrite"
            }`);
    expect(output).toContain(`        },
        "upgradePolicy": {
          "rollingUpgradePolicy": {
            "maxSurge": true
          }
        }
      }`);
    expect(output).not.toContain('STORAGEPROFILE');
  });

  it('replaces a non-object on the way (an expression) with the object', () => {
    const text = JSON.stringify({ $schema: SCHEMA, contentVersion: '1.0.0.0', resources: [{ type: 'A/b', name: 'x', properties: { securityProfile: "[variables('sp')]" } }] }, null, 2);
    const model = parseTemplate(text);
    const output = render(model, [
      { kind: 'set', object: objectAt(model.resources[0]?.node ?? model.root.node, 'properties'), path: ['securityProfile', 'securityType'], value: 'TrustedLaunch' },
    ]);
    expect(output).toContain(`"securityProfile": {
          "securityType": "TrustedLaunch"
        }`);
  });

  it('a multi-line string elsewhere keeps its raw line breaks', () => {
    const text = `{\n  "$schema": "${SCHEMA}",\n  "contentVersion": "1.0.0.0",\n  "variables": {"script": "a\nb"},\n  "resources": [{"type": "A/b", "name": "x", "properties": {}}]\n}\n`;
    const model = parseTemplate(text);
    const output = render(model, [
      { kind: 'set', object: objectAt(model.root.node, 'variables'), path: ['added'], value: 1 },
      { kind: 'set', object: objectAt(model.resources[0]?.node ?? model.root.node, 'properties'), path: ['p'], value: 'v' },
    ]);
    expect(output).toContain('"script": "a\nb"');
    expect(output).toContain('"added": 1');
    expect(output).toContain('"p": "v"');
  });

  it('minified input is reformatted where touched, and still parses', () => {
    const text = `{"$schema":"${SCHEMA}","contentVersion":"1.0.0.0","resources":[{"type":"A/b","name":"x","properties":{"a":1}}]}`;
    const model = parseTemplate(text);
    const edits = model.renderer.render([{ kind: 'set', object: objectAt(model.resources[0]?.node ?? model.root.node, 'properties'), path: ['b'], value: { c: true } }]);
    expect(edits).toHaveLength(1);
    const output = applyEdits(text, edits ?? []);
    expect(parsesCleanly(output)).toBe(true);
    expect(JSON.parse(output)).toMatchObject({ resources: [{ properties: { a: 1, b: { c: true } } }] });
  });
});

describe('remove and append', () => {
  const text = `{
  "$schema": "${SCHEMA}",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Compute/virtualMachineScaleSets",
      "name": "vmss",
      "properties": {
        "orchestrationMode": "Uniform", // keep me
        "upgradePolicy": { "mode": "Manual" }
      },
      "zones": ["1"]
    }
  ]
}
`;
  const model = parseTemplate(text);
  const vmss = model.resources[0];
  if (vmss === undefined) throw new Error('vmss');

  it('removing the last property keeps the comment that ends the previous line and leaves no trailing comma', () => {
    const output = render(model, [{ kind: 'remove', object: objectAt(vmss.node, 'properties'), key: 'UpgradePolicy' }]);
    expect(output).toContain(`      "properties": {
        "orchestrationMode": "Uniform" // keep me
      },`);
  });

  it('removing the first property takes its whole line, comment included', () => {
    const output = render(model, [{ kind: 'remove', object: objectAt(vmss.node, 'properties'), key: 'orchestrationMode' }]);
    expect(output).toContain(`      "properties": {
        "upgradePolicy": { "mode": "Manual" }
      },`);
  });

  it('removing a missing property changes nothing', () => {
    expect(model.renderer.render([{ kind: 'remove', object: objectAt(vmss.node, 'properties'), key: 'absent' }])).toEqual([]);
  });

  it('appends to an array', () => {
    const zones = nodeAt(vmss.node, 'zones');
    if (zones.kind !== 'array') throw new Error('zones');
    const output = render(model, [{ kind: 'append', array: zones, value: '2' }]);
    expect(output).toContain('"zones": [\n        "1",\n        "2"\n      ]');
  });

  it('appends after a comment that ends the last item’s line', () => {
    const commented = `{\n  "$schema": "${SCHEMA}",\n  "contentVersion": "1.0.0.0",\n  "resources": [\n    {"type": "A/b", "name": "a"} // first\n  ]\n}\n`;
    const withComment = parseTemplate(commented);
    const resources = nodeAt(withComment.root.node, 'resources');
    if (resources.kind !== 'array') throw new Error('resources');
    const output = render(withComment, [{ kind: 'append', array: resources, value: { type: 'A/c', name: 'c' } }]);
    expect(output).toBe(`{
  "$schema": "${SCHEMA}",
  "contentVersion": "1.0.0.0",
  "resources": [
    {"type": "A/b", "name": "a"}, // first
    {
      "type": "A/c",
      "name": "c"
    }
  ]
}
`);
  });
});

describe('what the renderer refuses', () => {
  const text = JSON.stringify(
    {
      $schema: SCHEMA,
      contentVersion: '1.0.0.0',
      resources: [{ type: 'A/b', name: 'x', properties: { copy: [{ name: 'disks', count: 2, input: { lun: 0 } }] } }],
    },
    null,
    2,
  );
  const model = parseTemplate(text);
  const disks = nodeAt(model.resources[0]?.node ?? model.root.node, 'properties.disks');

  it('the synthetic array of a copy loop', () => {
    if (disks.kind !== 'array') throw new Error('disks');
    expect(model.renderer.render([{ kind: 'append', array: disks, value: { lun: 1 } }])).toBeUndefined();
    expect(model.renderer.render([{ kind: 'replace', node: disks, value: [] }])).toBeUndefined();
  });

  it('but edits the copy input', () => {
    const input = nodeAt(model.resources[0]?.node ?? model.root.node, 'properties.disks.0');
    if (input.kind !== 'object') throw new Error('input');
    const output = render(model, [{ kind: 'set', object: input, path: ['caching'], value: 'None' }]);
    expect(JSON.parse(output)).toMatchObject({ resources: [{ properties: { copy: [{ input: { lun: 0, caching: 'None' } }] } }] });
  });

  it('a node of another file', () => {
    const other = parseTemplate(text, {}, '/elsewhere/other.json');
    expect(model.renderer.render([{ kind: 'set', object: other.root.node, path: ['x'], value: 1 }])).toBeUndefined();
  });

  it('a node an earlier intent removed', () => {
    const resource = model.resources[0];
    if (resource === undefined) throw new Error('resource');
    expect(
      model.renderer.render([
        { kind: 'remove', object: resource.node, key: 'properties' },
        { kind: 'set', object: objectAt(resource.node, 'properties'), path: ['x'], value: 1 },
      ]),
    ).toBeUndefined();
  });
});

describe('suppression comments', () => {
  const lines = [
    `{"$schema": "${SCHEMA}", "contentVersion": "1.0.0.0",`,
    '  "variables": {"script": "line 1',
    '    line 2"},',
    '  /* a block',
    '     comment */ "resources": [',
    '\t\t{"type": "A/b", "name": "x"}',
    '  ]',
    '}',
  ];

  it.each([
    { eol: '\n', name: 'LF' },
    { eol: '\r\n', name: 'CRLF' },
  ])('goes on its own line before the offset’s line, indented like it ($name)', ({ eol }) => {
    const text = lines.join(eol);
    const model = parseTemplate(text);
    const offset = text.indexOf('"A/b"');
    const edit = model.renderer.suppressionComment?.(offset, ['security-type-not-trusted-launch', 'gen1-image']);
    const lineStart = text.lastIndexOf('\n', offset) + 1;
    expect(edit).toEqual({
      range: { start: lineStart, end: lineStart },
      text: `\t\t// tl-lint-disable-next-line security-type-not-trusted-launch, gen1-image${eol}`,
    });
    expect(applyEdits(text, edit ? [edit] : [])).toContain(`// tl-lint-disable-next-line security-type-not-trusted-launch, gen1-image${eol}\t\t{"type"`);
  });

  it('not inside a multi-line string or a block comment', () => {
    const text = lines.join('\n');
    const model = parseTemplate(text);
    expect(model.renderer.suppressionComment?.(text.indexOf('line 2'), ['x'])).toBeUndefined();
    expect(model.renderer.suppressionComment?.(text.indexOf('"resources"'), ['x'])).toBeUndefined();
  });
});
