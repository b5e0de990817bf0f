import { defineRule, noOptions, type FixSpec, type RelatedLocation, type ResourceView } from '../src/engine/rule.js';
import type { Evaluated } from '../src/model/evaluated.js';
import type { ExtensionView } from './support/extensions.js';
import { extensionRange, guestAttestationsOf } from './support/attestation.js';
import { computeResources, describe } from './support/compute.js';
import { describeChanges, decidingNode, scenariosFor, type Scenario } from './support/scenarios.js';
import { showValue } from './support/template-scope.js';
import { UEFI_FLAGS, featureList, flagPath, isOn, turnOnAll, type UefiFlag } from './support/uefi.js';
import { guardCondition } from './support/attestation-guard.js';

// "Guest attestation extension requires secureBoot and vTPM set to true."
// https://learn.microsoft.com/azure/virtual-machines/trusted-launch-existing-vmss
export default defineRule({
  meta: {
    id: 'attestation-requires-secure-boot-and-vtpm',
    level: 'error',
    mode: 'both',
    description: 'Requires Secure Boot and vTPM to be on wherever a GuestAttestation extension can deploy.',
    messages: {
      deploys: 'The GuestAttestation extension of the {{resource}} deploys without {{features}}: guest attestation needs Secure Boot and vTPM both on, or it fails.',
      canDeploy:
        'The GuestAttestation extension of the {{resource}} can deploy without {{features}} (for example when {{when}}): guest attestation needs Secure Boot and vTPM both on, and its condition does not require them.',
    },
    fix: 'safe',
    options: noOptions,
  },
  check(context) {
    for (const resource of computeResources(context.template)) {
      for (const extension of guestAttestationsOf(resource)) {
        const found = offScenarios(resource, extension);
        if (!found) continue;
        const { example, off } = found;
        const current = example.changes.length === 0;
        const data = { resource: describe(resource), features: featureList(off, current ? ' and ' : ' or '), when: describeChanges(example.changes) };
        const fixes = [...(current ? setFlagsFix(resource, off) : []), ...guardFix(resource, extension)];
        const related = current ? offAt(resource, off) : example.changes.map(({ parameter, value }) => ({ file: parameter.node.file, range: parameter.node.range, message: `parameter '${parameter.name}' can be ${showValue(value)}` }));
        context.report({ messageId: current ? 'deploys' : 'canDeploy', data, range: extensionRange(extension), resource, fixes, related });
      }
    }
  },
});

const isFalse = (value: Evaluated) =>
  (value.kind === 'known' && value.value === false) || (value.kind === 'oneOf' && value.values.every((v) => v === false));

/**
 * The deployments in which the extension deploys with a flag off: the flags off in any of them,
 * and the simplest one as an example (the current deployment when it is one of them).
 */
function offScenarios(resource: ResourceView, extension: ExtensionView): { example: Scenario; off: UefiFlag[] } | undefined {
  const condition = extension.resource?.model.condition;
  // A condition in another deployment scope cannot be re-evaluated with this scope's parameters.
  const sameScope = extension.resource?.model.deployment === resource.model.deployment;
  if (condition && !sameScope && isFalse(extension.condition)) return undefined;
  const roots = [...UEFI_FLAGS.map((flag) => decidingNode(resource, flagPath(resource, flag))), resource.model.condition, sameScope ? condition : undefined];
  let example: Scenario | undefined;
  const off = new Set<UefiFlag>();
  for (const scenario of scenariosFor(resource, roots)) {
    if (resource.model.condition && isFalse(scenario.eval(resource.model.condition))) continue;
    if (condition && sameScope && isFalse(scenario.eval(condition))) continue;
    const offHere = UEFI_FLAGS.filter((flag) => {
      const value = scenario.valueAt(resource, flagPath(resource, flag));
      return value === undefined || (value.kind === 'known' && !isOn(value.value));
    });
    if (offHere.length === 0) continue;
    offHere.forEach((flag) => off.add(flag));
    if (!example || scenario.changes.length < example.changes.length) example = scenario;
    // The current deployment deploys it with these flags off: that is the finding.
    if (scenario.changes.length === 0) return { example: scenario, off: offHere };
  }
  return example ? { example, off: UEFI_FLAGS.filter((flag) => off.has(flag)) } : undefined;
}

function setFlagsFix(resource: ResourceView, off: readonly UefiFlag[]): FixSpec[] {
  const turned = turnOnAll(resource, off);
  return turned ? [{ title: `Turn ${featureList(off)} on`, applicability: turned.shared ? 'unsafe' : 'safe', intents: turned.intents }] : [];
}

function guardFix(resource: ResourceView, extension: ExtensionView): FixSpec[] {
  const intent = guardCondition(resource, extension);
  return intent ? [{ title: 'Deploy the GuestAttestation extension only when Secure Boot and vTPM are on', applicability: 'unsafe', intents: [intent] }] : [];
}

function offAt(resource: ResourceView, off: readonly UefiFlag[]): RelatedLocation[] {
  return off.flatMap((flag) => {
    const view = resource.get(flagPath(resource, flag));
    return view ? [{ file: view.node.file, range: view.node.range, message: `${flag.key} is not true here` }] : [];
  });
}
