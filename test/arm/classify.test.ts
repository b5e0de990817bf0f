import { describe, expect, it } from 'vitest';
import { parseCleanJson } from '../../src/model/arm/fast-parse.js';
import { classifyJson } from '../../src/model/arm/classify.js';
import { parseArmFile } from '../../src/model/arm/index.js';
import { createSourceFile } from '../../src/model/source.js';

function classifyText(text: string): string {
  return classifyJson(parseCleanJson(createSourceFile('/t/x.json', text))?.root);
}

function classify(root: unknown): string {
  return classifyText(JSON.stringify(root));
}

describe('classification by $schema', () => {
  it.each([
    ['https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', 'template'],
    ['https://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#', 'template'],
    ['http://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#', 'template'],
    ['https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json', 'template'],
    ['HTTPS://SCHEMA.MANAGEMENT.AZURE.COM/schemas/2019-04-01/DEPLOYMENTTEMPLATE.JSON#', 'template'],
    ['https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#', 'template'],
    ['https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#', 'template'],
    ['https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#', 'template'],
    ['https://schema.management.chinacloudapi.cn/schemas/2019-04-01/deploymentTemplate.json#', 'template'],
    ['  https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#  ', 'template'],
    ['https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', 'parameters'],
    ['https://schema.management.azure.com/schemas/2015-01-01/deploymentParameters.json#', 'parameters'],
    ['https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentParameters.json#', 'parameters'],
    ['https://json.schemastore.org/package.json', 'other'],
    ['https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#/definitions/x', 'other'],
    ['deploymentTemplate.json', 'other'],
    ['foo', 'other'],
  ])('%s → %s', (schema, expected) => {
    expect(classify({ $schema: schema, contentVersion: '1.0.0.0', resources: [] })).toBe(expected);
  });

  it('matches the key case-insensitively', () => {
    expect(classify({ $SCHEMA: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#' })).toBe(
      'template',
    );
  });

  it('a $schema that is not a string is not a template', () => {
    expect(classify({ $schema: 1, contentVersion: '1.0.0.0', resources: [] })).toBe('other');
  });
});

describe('classification without $schema', () => {
  it.each([
    [{ contentVersion: '1.0.0.0', resources: [] }, 'template'],
    [{ contentVersion: '1.0.0.0', resources: {} }, 'template'],
    [{ contentVersion: '1.0.0.0', parameters: {} }, 'other'],
    [{ resources: [] }, 'other'],
    [{ contentVersion: 1, resources: [] }, 'other'],
    [{ contentVersion: '1.0.0.0', resources: 'x' }, 'other'],
    [{ contentVersion: "[parameters('version')]", resources: [] }, 'template'],
  ])('%j → %s', (root, expected) => {
    expect(classify(root)).toBe(expected);
  });

  it('non-objects are not templates', () => {
    expect(classifyText('[{"contentVersion": "1.0.0.0", "resources": []}]')).toBe('other');
    expect(classifyJson(undefined)).toBe('other');
  });
});

describe('parseArmFile results', () => {
  it('a parameter file', () => {
    const text = JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
      contentVersion: '1.0.0.0',
      parameters: { a: { value: 1 } },
    });
    const file = createSourceFile('/t/azuredeploy.parameters.json', text);
    expect(parseArmFile(file, {})).toEqual({ kind: 'parameters', file });
  });

  it('tsconfig.json with comments is skipped, not fatal', () => {
    const file = createSourceFile('/t/tsconfig.json', '{\n  // strict\n  "compilerOptions": { "strict": true, },\n}');
    expect(parseArmFile(file, {})).toEqual({ kind: 'not-a-template', file });
  });
});
