// The Bicep front-end against the compiler: every `main.bicep` of the corpus that has its compiled
// JSON beside it (quickstarts: azuredeploy.json; compiler samples: main.json or azuredeploy.json)
// gives the same set of (rule, resource) findings as that JSON, with all rules at their defaults.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/engine/registry.js';
import type { ResourceView } from '../../src/engine/rule.js';
import { runRules } from '../../src/engine/run-rules.js';
import { parseSource, prepareFrontend } from '../../src/model/frontends.js';
import { createSourceFile } from '../../src/model/source.js';
import { corpusRoot } from '../corpus-files.js';
import { compiledTwins } from './corpus-files.js';

await prepareFrontend('main.bicep');

const rules = allRules.map((rule) => ({ rule, level: rule.meta.level, options: rule.meta.options.defaults }));

/** A resource by its type and full name (a child declared inside its parent has only its own segment). */
function identity(resource: ResourceView | undefined): string {
  if (resource === undefined) return '(template)';
  const own = resource.name.kind === 'known' && typeof resource.name.value === 'string' ? resource.name.value : undefined;
  const fullName = (view: ResourceView): string | undefined => {
    const name = view.name.kind === 'known' && typeof view.name.value === 'string' ? view.name.value : undefined;
    if (name === undefined || view.parent === undefined) return name;
    const parent = fullName(view.parent);
    return parent === undefined ? undefined : `${parent}/${name}`;
  };
  return `${resource.type.toLowerCase()} ${fullName(resource) ?? own ?? '?'}`;
}

/** Findings without parameter files: the twins are compared as written. */
function findings(path: string): string[] {
  const parsed = parseSource(createSourceFile(path, readFileSync(path, 'utf8')), {});
  if (parsed.kind !== 'template') return [`(${parsed.kind})`];
  const found = runRules(parsed.model, rules, 'upgrade')
    // The compiler inlines registry and JSON modules (and links template specs) that tl-lint notes it does not read.
    .filter((f) => f.ruleId !== 'linked-template-not-analysed')
    .map((f) => `${f.ruleId}:${f.messageId} ${identity(f.report.resource)}`);
  return [...new Set(found)].sort();
}

/** Pairs whose findings differ, and why that is accepted. */
const ACCEPTED: Readonly<Record<string, string>> = {
  // The VM comes from a registry module (br/public:azure-gaming/game-dev-vm): not fetched, while the
  // compiled JSON has it inline.
  'azure-quickstart-templates/application-workloads/azure-gamedev/gamedev-vm/main.bicep': 'registry module',
  // The twins disagree: azuredeploy.json writes securityType 'TrustedLaunch' where main.bicep reads
  // the (allowed: Standard, TrustedLaunch) parameter.
  'azure-quickstart-templates/quickstarts/microsoft.compute/vm-windows-ssh/main.bicep': 'stale twin',
  'azure-quickstart-templates/quickstarts/microsoft.sqlvirtualmachine/sql-vm-new-storage/main.bicep': 'stale twin',
  // The twins disagree: azuredeploy.json deploys UbuntuServer 18.04-LTS, main.bicep cbl-mariner-2-gen2.
  'azure-quickstart-templates/quickstarts/microsoft.network/azurefirewall-create-with-ipgroups-and-linux-jumpbox/main.bicep': 'stale twin',
};

describe('Bicep and its compiled JSON', () => {
  const twins = compiledTwins();

  it('are many pairs', () => {
    expect(twins.length).toBeGreaterThan(250);
  });

  it('give the same (rule, resource) findings, but for the accepted differences', { timeout: 300_000 }, () => {
    const differences: Record<string, { bicepOnly: string[]; jsonOnly: string[] }> = {};
    let withFindings = 0;
    for (const { bicep, json } of twins) {
      const fromBicep = findings(bicep);
      const fromJson = findings(json);
      if (fromJson.length > 0) withFindings++;
      const bicepOnly = fromBicep.filter((f) => !fromJson.includes(f));
      const jsonOnly = fromJson.filter((f) => !fromBicep.includes(f));
      if (bicepOnly.length + jsonOnly.length > 0) differences[relative(corpusRoot, bicep)] = { bicepOnly, jsonOnly };
    }
    expect(Object.keys(differences).sort()).toEqual(Object.keys(ACCEPTED).sort());
    // The comparison is not vacuous: most pairs have findings.
    expect(withFindings).toBeGreaterThanOrEqual(100);
  });
});
