// Hostile and broken inputs, generated (the large ones would not belong in the repository).
export const deploymentSchema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

/** A Linux scale set with no securityProfile at an old apiVersion: three findings, one of them fixable. */
export function scaleSet(name: string, extra: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  return {
    type: 'Microsoft.Compute/virtualMachineScaleSets',
    apiVersion: '2019-07-01',
    name,
    location: 'westeurope',
    properties: { virtualMachineProfile: { storageProfile: { osDisk: { createOption: 'FromImage', osType: 'Linux' } } } },
    ...extra,
  };
}

export function templateText(body: Readonly<Record<string, unknown>>, indent: number | undefined = 2): string {
  return JSON.stringify({ $schema: deploymentSchema, contentVersion: '1.0.0.0', ...body }, null, indent);
}

export const goodTemplate = templateText({ resources: [scaleSet('good')] });

/** `open` repeated `depth` times around `middle`, closed by `close`. */
export function nested(open: string, middle: string, close: string, depth: number): string {
  return open.repeat(depth) + middle + close.repeat(depth);
}

/** Variables v1…v64 each doubling the one before: evaluated naively, v64 is 2^64 characters. */
export function doublingVariables(count: number): Record<string, string> {
  const variables: Record<string, string> = { v0: 'x' };
  for (let i = 1; i <= count; i++) variables[`v${String(i)}`] = `[concat(variables('v${String(i - 1)}'), variables('v${String(i - 1)}'))]`;
  return variables;
}

/** A stack trace line as Node prints one. */
export const stackTraceLine = /^\s+at .+[:(]\d+:\d+\)?$/m;
