import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { bicepParserState } from '../../src/model/bicep/index.js';
import { writeTree } from './helpers.js';

describe('the Bicep parser', () => {
  it('is loaded only when a Bicep file is linted', async () => {
    const dir = writeTree({
      'azuredeploy.json': JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [] }),
      'main.bicep': "resource r 'Microsoft.Compute/disks@2023-04-02' = {\n  name: 'd'\n}\n",
    });
    const engine = await createEngine({ cwd: dir });
    expect((await engine.lintFile(join(dir, 'azuredeploy.json'))).kind).toBe('template');
    expect(bicepParserState()).toBe('none');
    expect((await engine.lintFile(join(dir, 'main.bicep'))).kind).toBe('template');
    expect(bicepParserState()).toBe('ready');
  });
});
