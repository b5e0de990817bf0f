import { supportedSizesLike, vmSizeStatus, type SizeSuggestion, type VmSizeStatus } from '../src/azure/index.js';
import type { Evaluated } from '../src/model/evaluated.js';
import { defineRule, noOptions, type FixSpec, type PropertyView, type ResourceView, type RuleContext } from '../src/engine/rule.js';
import type { ArrayNode, ValueNode } from '../src/model/value.js';
import { computeResources, describe, isScaleSet } from './support/compute.js';
import { decisionOf, knownString } from './support/decision.js';
import { findParameter } from './support/template-scope.js';

type Context = RuleContext<Record<string, never>>;

// Size families and their Trusted Launch support: https://learn.microsoft.com/azure/virtual-machines/trusted-launch#virtual-machines-sizes
export default defineRule({
  meta: {
    id: 'unsupported-vm-size',
    level: 'error',
    mode: 'both',
    description: 'Flags VM sizes (and allowed size values) in families that do not support Trusted Launch.',
    messages: {
      notSupported: "VM size '{{size}}' of the {{resource}} is in the {{family}}, which does not support Trusted Launch{{gen1}}.{{caveat}}{{alternatives}}",
      currentlyNotSupported: "VM size '{{size}}' of the {{resource}} is in the {{family}}, which does not support Trusted Launch yet.{{caveat}}{{alternatives}}",
      uncertain:
        "Whether VM size '{{size}}' of the {{resource}} ({{family}}) supports Trusted Launch is not documented: check that `az vm list-skus --size {{size}}` shows no TrustedLaunchDisabled capability.",
      unknownSize:
        "VM size '{{size}}' of the {{resource}} is in no size family tl-lint knows: check that `az vm list-skus --size {{size}}` shows HyperVGenerations V2 and no TrustedLaunchDisabled capability.",
      allowedValue: "The parameter '{{parameter}}' allows VM size '{{size}}' ({{family}}), which {{verdict}}: a deployment that picks it cannot use Trusted Launch.{{alternatives}}",
    },
    fix: 'display-only',
    options: noOptions,
  },
  check(context) {
    const reportedLists = new Set<ArrayNode>();
    for (const resource of computeResources(context.template)) checkResource(context, resource, reportedLists);
  },
});

const sizePath = (resource: ResourceView) => (isScaleSet(resource) ? 'sku.name' : 'properties.hardwareProfile.vmSize');

/** Family names carry their member list in parentheses; messages need only the name. */
const shortFamily = (family: string) => family.replace(/\s*\(.*\)\s*$/, '');

/** The parameter whose default, parameter-file value or allowed values the size comes from. */
function parameterOf(value: Evaluated): string | undefined {
  if (value.kind === 'oneOf') return value.parameter;
  return value.kind === 'known' ? value.origin?.parameter : undefined;
}

const blocks = (status: VmSizeStatus | undefined): status is VmSizeStatus => status !== undefined && status.status !== 'supported';

const unsure = (status: VmSizeStatus) => status.confidence === 'uncertain' || status.confidence === 'conflicting';

function caveat(status: VmSizeStatus, size: string): string {
  if (!unsure(status)) return '';
  return ` tl-lint's size table marks this family as ${status.confidence}, so this is a warning: check the TrustedLaunchDisabled capability with \`az vm list-skus --size ${size}\`.`;
}

const describeSuggestion = (s: SizeSuggestion) => (s.reason === 'premiumTwin' ? `${s.size} (premium storage, same vCPUs)` : s.size);

/** Changing the size is a capacity, quota and cost decision, so the suggestions are display-only (and named in the message). */
function alternatives(size: string, node: ValueNode): { readonly text: string; readonly fixes: FixSpec[] } {
  const suggestions = supportedSizesLike(size).slice(0, 3);
  if (suggestions.length === 0) return { text: '', fixes: [] };
  const fixes = suggestions.map((s) => ({
    title: s.reason === 'premiumTwin' ? `Use ${s.size}, the premium-storage size with the same vCPUs` : `Use a ${shortFamily(s.family)} size such as ${s.size}`,
    applicability: 'display-only' as const,
    intents: [{ kind: 'replace' as const, node, value: s.size }],
  }));
  return { text: ` Sizes of the same class that support it: ${suggestions.map(describeSuggestion).join(', ')}.`, fixes };
}

function checkResource(context: Context, resource: ResourceView, reportedLists: Set<ArrayNode>): void {
  const property = resource.get(sizePath(resource));
  if (!property) return;
  const size = knownString(property.value);
  if (size !== undefined && size !== '') checkSize(context, resource, property, size);
  const parameter = parameterOf(property.value);
  const allowed = parameter === undefined ? undefined : findParameter(resource.model.deployment, parameter)?.allowedValues;
  if (parameter === undefined || !allowed || reportedLists.has(allowed)) return;
  reportedLists.add(allowed);
  for (const item of allowed.items) checkAllowedValue(context, resource, parameter, item, size);
}

function checkSize(context: Context, resource: ResourceView, property: PropertyView, size: string): void {
  const status = vmSizeStatus(size);
  const data = { size, resource: describe(resource) };
  if (status === undefined) {
    context.report({ messageId: 'unknownSize', data, range: property.node.range, resource, level: 'info' });
    return;
  }
  if (!blocks(status)) return;
  const decision = decisionOf(property, 'the VM size');
  const { text, fixes } = status.status === 'uncertain' ? { text: '', fixes: [] } : alternatives(size, decision.node);
  const gen1 = status.gen1Only ? ' (it runs Generation 1 only)' : '';
  context.report({
    messageId: status.status,
    data: { ...data, family: shortFamily(status.family), gen1, caveat: caveat(status, size), alternatives: text },
    range: property.node.range,
    resource,
    related: decision.related,
    fixes,
    ...(status.status === 'uncertain' || unsure(status) ? { level: 'warn' as const } : {}),
  });
}

function checkAllowedValue(context: Context, resource: ResourceView, parameter: string, item: ValueNode, chosen: string | undefined): void {
  const size = knownString(resource.eval(item));
  const status = size === undefined ? undefined : vmSizeStatus(size);
  // The value in force is reported at the property itself.
  if (size === undefined || !blocks(status) || size.toLowerCase() === chosen?.toLowerCase()) return;
  const verdict = status.status === 'uncertain' ? 'may not support Trusted Launch' : 'does not support Trusted Launch';
  const { text, fixes } = alternatives(size, item);
  context.report({
    messageId: 'allowedValue',
    data: { parameter, size, family: shortFamily(status.family), verdict, alternatives: text },
    range: item.range,
    resource,
    level: 'warn',
    fixes,
  });
}
