import { join } from 'node:path';
import { createEngine } from '../../src/engine/engine.js';
import { allRules } from '../../src/engine/registry.js';
import type { CliHost } from '../../src/cli/host.js';
import { main } from '../../src/cli/main.js';
import { captureIo } from './fake-engine.js';

export const repoRoot = join(import.meta.dirname, '..', '..');

/** The real engine and rules, in this thread (no worker script: the sources are not compiled here). */
export const realHost: CliHost = { createEngine, rules: allRules, packageRoot: repoRoot };

export async function runReal(cwd: string, argv: readonly string[], options: { readonly isTTY?: boolean; readonly env?: Record<string, string> } = {}) {
  const captured = captureIo(cwd, options);
  const code = await main(argv, captured.io, realHost);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

const schema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const parametersSchema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#';

/** A Linux scale set, Rolling with maxSurge, whose name and securityType come from parameters. */
export function scaleSetTemplate(options: { readonly before?: readonly object[]; readonly names?: readonly string[] } = {}): string {
  const scaleSet = (name: string) => ({
    type: 'Microsoft.Compute/virtualMachineScaleSets',
    apiVersion: '2024-07-01',
    name,
    location: 'westeurope',
    sku: { name: 'Standard_D2s_v5', capacity: 2 },
    properties: {
      upgradePolicy: { mode: 'Rolling', rollingUpgradePolicy: { maxSurge: true } },
      virtualMachineProfile: {
        securityProfile: { securityType: "[parameters('securityType')]" },
        storageProfile: {
          osDisk: { osType: 'Linux', createOption: 'FromImage' },
          imageReference: { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts-gen2', version: 'latest' },
        },
      },
    },
  });
  const template = {
    $schema: schema,
    contentVersion: '1.0.0.0',
    parameters: { vmssName: { type: 'string' }, securityType: { type: 'string', defaultValue: 'Standard' } },
    resources: [...(options.before ?? []), ...(options.names ?? ["[parameters('vmssName')]"]).map(scaleSet)],
  };
  return `${JSON.stringify(template, null, 2)}\n`;
}

export function parameterFile(values: Readonly<Record<string, unknown>>): string {
  const parameters = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value }]));
  return `${JSON.stringify({ $schema: parametersSchema, contentVersion: '1.0.0.0', parameters }, null, 2)}\n`;
}

export const storageAccount = {
  type: 'Microsoft.Storage/storageAccounts',
  apiVersion: '2023-01-01',
  name: 'diag',
  location: 'westeurope',
  sku: { name: 'Standard_LRS' },
  kind: 'StorageV2',
};
