import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory with the given files (path → content), removed after the test. */
export function tempTree(files: Readonly<Record<string, string | Uint8Array>>): string {
  const root = mkdtempSync(join(tmpdir(), 'tl-lint-cli-'));
  made.push(root);
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

export const templateSchema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
export const parametersSchema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#';

/** A template whose resources list holds the given marker strings (see fake-engine.ts). */
export function template(...markers: string[]): string {
  return `${JSON.stringify({ $schema: templateSchema, resources: markers }, null, 2)}\n`;
}
