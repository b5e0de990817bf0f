import { defineRule, noOptions, type PropertyView, type RelatedLocation, type ResourceView, type RuleContext } from '../src/engine/rule.js';
import { possibleValues } from '../src/model/evaluated.js';
import type { JsonValue } from '../src/model/value.js';
import { computeResources, describe, isTrustedLaunchCapable } from './support/compute.js';
import { describeChanges, decidingNode, scenariosFor, type Scenario } from './support/scenarios.js';
import { allowedValueNode, findParameter, showValue } from './support/template-scope.js';
import { securityProfilePath } from './support/uefi.js';

// A deployment that passes securityType Standard (or drops the securityProfile) turns Trusted Launch
// off again: the documented rollback. https://learn.microsoft.com/azure/virtual-machines/trusted-launch-existing-vmss#roll-back
export default defineRule({
  meta: {
    id: 'security-type-overridable',
    level: 'info',
    mode: 'both',
    description: 'Points out a TrustedLaunch securityType that a parameter value can switch back to Standard.',
    messages: {
      allowed: "The {{resource}} gets securityType {{value}} with the current values, but {{outcome}} when {{when}}: such a deployment switches Trusted Launch off.",
      choice: "The securityType of the {{resource}} is one of {{values}} (parameter '{{parameter}}' has no default): a deployment that picks {{standard}} gets no Trusted Launch.",
      open: "The {{resource}} gets securityType {{value}} from parameter '{{parameter}}', which has no allowedValues: a parameter file or --parameters can set it to Standard.",
    },
    fix: 'none',
    options: noOptions,
  },
  check(context) {
    for (const resource of computeResources(context.template)) checkResource(context, resource);
  },
});

function checkResource(context: RuleContext<Record<string, never>>, resource: ResourceView): void {
  const path = `${securityProfilePath(resource)}.securityType`;
  const view = resource.get(path);
  const values = view && possibleValues(view.value);
  if (!view || !values?.some(isTrustedLaunchCapable)) return;
  const report = { range: view.node.range, resource };
  const data = { resource: describe(resource), value: values.map(showValue).join(' or ') };
  if (view.value.kind === 'oneOf') {
    const other = values.filter((v) => !isTrustedLaunchCapable(v));
    const parameter = view.value.parameter;
    if (other.length === 0 || parameter === undefined) return;
    const related = allowedAt(resource, parameter, other);
    context.report({ ...report, messageId: 'choice', data: { ...data, values: values.map(showValue).join(', '), parameter, standard: other.map(showValue).join(' or ') }, related });
    return;
  }
  const switched = switchingScenario(resource, path);
  if (switched) {
    const related = switched.scenario.changes.flatMap((c) => allowedAt(resource, c.parameter.name, [c.value]));
    // Point at what reads the parameter on the resource (the securityType, or an `if` around the profile).
    const range = (decidingNode(resource, path) ?? view.node).range;
    context.report({ ...report, range, messageId: 'allowed', data: { ...data, outcome: switched.outcome, when: describeChanges(switched.scenario.changes) }, related });
    return;
  }
  const open = openParameter(resource, view);
  if (open) context.report({ ...report, messageId: 'open', data: { ...data, parameter: open.name }, related: open.related });
}

/** A deployment with other allowed parameter values in which securityType is not Trusted Launch. */
function switchingScenario(resource: ResourceView, path: string): { scenario: Scenario; outcome: string } | undefined {
  for (const scenario of scenariosFor(resource, [decidingNode(resource, path)]).slice(1)) {
    const value = scenario.valueAt(resource, path);
    if (value === undefined) return { scenario, outcome: 'it has no securityType (Standard)' };
    if (value.kind === 'known' && !isTrustedLaunchCapable(value.value)) return { scenario, outcome: `securityType is ${showValue(value.value)}` };
  }
  return undefined;
}

/** The string parameter the value comes straight from, when it accepts any value. */
function openParameter(resource: ResourceView, view: PropertyView): { name: string; related: RelatedLocation[] } | undefined {
  const name = view.value.kind === 'known' ? view.value.origin?.parameter : undefined;
  const parameter = name === undefined ? undefined : findParameter(resource.model.deployment, name);
  if (!parameter || parameter.allowedValues || parameter.type?.toLowerCase() !== 'string') return undefined;
  return { name: parameter.name, related: [{ file: parameter.node.file, range: parameter.node.range, message: `parameter '${parameter.name}' has no allowedValues` }] };
}

function allowedAt(resource: ResourceView, name: string, values: readonly JsonValue[]): RelatedLocation[] {
  const parameter = findParameter(resource.model.deployment, name);
  if (!parameter) return [];
  return values.flatMap((value) => {
    const node = allowedValueNode(parameter, value);
    return node ? [{ file: node.file, range: node.range, message: `${showValue(value)} is allowed here` }] : [];
  });
}
