import { defineRule, noOptions, type FixSpec, type PropertyView, type ResourceView, type RuleContext } from '../src/engine/rule.js';
import { possibleValues } from '../src/model/evaluated.js';
import { computeResources, describe, isTrustedLaunchCapable, profilePath, trustedLaunchShapeIntents } from './support/compute.js';

// https://learn.microsoft.com/azure/virtual-machines/trusted-launch-existing-vmss (Template tab, step 3)
export default defineRule({
  meta: {
    id: 'security-type-not-trusted-launch',
    level: 'error',
    mode: 'both',
    description: 'Requires securityProfile.securityType to be TrustedLaunch (or ConfidentialVM) on scale sets and VMs.',
    messages: {
      missingProfile: 'The {{resource}} has no securityProfile, so it deploys as Standard security, not Trusted Launch.',
      missingType: 'The securityProfile of the {{resource}} has no securityType, so it deploys as Standard security, not Trusted Launch.',
      notTrustedLaunch: "The {{resource}} has securityType '{{value}}': only TrustedLaunch (or ConfidentialVM) enables Secure Boot and vTPM.",
    },
    fix: 'safe',
    options: noOptions,
  },
  check(context) {
    for (const resource of computeResources(context.template)) checkResource(context, resource);
  },
});

function shapeFix(resource: ResourceView): FixSpec[] {
  const intents = trustedLaunchShapeIntents(resource);
  return intents ? [{ title: 'Set securityType to TrustedLaunch with Secure Boot and vTPM on', applicability: 'safe', intents }] : [];
}

function checkResource(context: RuleContext<Record<string, never>>, resource: ResourceView): void {
  const base = `${profilePath(resource)}.securityProfile`;
  const data = { resource: describe(resource) };
  const profile = resource.get(base);
  if (!profile) {
    context.report({ messageId: 'missingProfile', data, range: resource.typeRange, resource, fixes: shapeFix(resource) });
    return;
  }
  const securityType = resource.get(`${base}.securityType`);
  if (!securityType) {
    if (profile.value.kind === 'unknown') return;
    context.report({ messageId: 'missingType', data, range: profile.node.range, resource, fixes: shapeFix(resource) });
    return;
  }
  const values = possibleValues(securityType.value);
  if (!values || values.some(isTrustedLaunchCapable)) return;
  const value = values.map(String).join("' or '");
  context.report({ messageId: 'notTrustedLaunch', data: { ...data, value }, range: securityType.node.range, resource, ...decidedElsewhere(resource, securityType) });
}

/** When a parameter default or a variable decides the value, point at it and fix it there (unsafe: it may serve other resources). */
function decidedElsewhere(resource: ResourceView, securityType: PropertyView) {
  const origin = securityType.value.kind === 'known' ? securityType.value.origin : undefined;
  if (!origin || origin.node === securityType.node) return { fixes: shapeFix(resource) };
  const where = origin.parameter ? `the parameter '${origin.parameter}'` : `the variable '${origin.variable ?? ''}'`;
  const related = [{ file: origin.node.file, range: origin.node.range, message: `securityType comes from ${where} here` }];
  if (origin.node.file.path !== resource.node.file.path) return { related };
  const fix: FixSpec = {
    title: `Change ${where} to TrustedLaunch`,
    applicability: 'unsafe',
    intents: [{ kind: 'replace', node: origin.node, value: 'TrustedLaunch' }],
  };
  return { related, fixes: [fix] };
}
