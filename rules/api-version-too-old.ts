import { apiVersionInfo, latestApiVersion, minimumApiVersion } from '../src/azure/index.js';
import { defineRule, type FixSpec, type ResourceView, type RuleContext } from '../src/engine/rule.js';
import { computeResources, describe, isScaleSet, profilePath } from './support/compute.js';

interface Options {
  /** `minimum`: the lowest version that carries every property the resource uses; `latest`; or a version. */
  readonly targetApiVersion: string;
}

// Trusted Launch needs apiVersion 2020-12-01 or later: https://learn.microsoft.com/azure/virtual-machines/trusted-launch-existing-vmss
const TRUSTED_LAUNCH_MINIMUM = '2020-12-01';

export default defineRule<Options>({
  meta: {
    id: 'api-version-too-old',
    level: 'error',
    mode: 'both',
    description: 'Requires an apiVersion of 2020-12-01 or later that defines the scale set or VM type.',
    messages: {
      tooOld: "apiVersion '{{version}}' of the {{resource}} predates {{minimum}}: securityType and uefiSettings do not exist before it.",
      notDefined: "apiVersion '{{version}}' does not define {{type}}: it belongs to other Microsoft.Compute resources (disks, galleries…).",
    },
    fix: 'safe',
    options: {
      schema: {
        type: 'object',
        properties: {
          targetApiVersion: { type: 'string', pattern: '^(minimum|latest|\\d{4}-\\d{2}-\\d{2}(-preview)?)$' },
        },
        additionalProperties: false,
      },
      defaults: { targetApiVersion: 'minimum' },
    },
  },
  check(context) {
    for (const resource of computeResources(context.template)) checkResource(context, resource);
  },
});

function target(resource: ResourceView, option: string): string {
  if (option === 'latest') return latestApiVersion(resource.type);
  if (option !== 'minimum') return option;
  const usesMaxSurge = isScaleSet(resource) && resource.get('properties.upgradePolicy.rollingUpgradePolicy.maxSurge') !== undefined;
  const confidential = resource.get(`${profilePath(resource)}.securityProfile.securityType`)?.value;
  const needsConfidential = confidential?.kind === 'known' && typeof confidential.value === 'string' && confidential.value.toLowerCase() === 'confidentialvm';
  return minimumApiVersion(resource.type, { maxSurge: usesMaxSurge, confidentialVm: needsConfidential });
}

function checkResource(context: RuleContext<Options>, resource: ResourceView): void {
  const written = resource.model.apiVersion;
  const { apiVersion } = resource;
  if (!written || apiVersion.kind !== 'known' || typeof apiVersion.value !== 'string') return;
  const version = apiVersion.value;
  const info = apiVersionInfo(resource.type, version);
  const tooOld = version.slice(0, 10) < TRUSTED_LAUNCH_MINIMUM;
  if (!tooOld && info?.definesType !== false) return;
  const to = target(resource, context.options.targetApiVersion);
  const origin = apiVersion.origin;
  const inPlace = !origin || origin.node === written;
  const fix: FixSpec = {
    title: `Update apiVersion to ${to}`,
    // A shared variable or parameter may serve resources that are not scale sets or VMs.
    applicability: inPlace ? 'safe' : 'unsafe',
    intents: [{ kind: 'replace', node: inPlace ? written : origin.node, value: to }],
  };
  context.report({
    messageId: tooOld ? 'tooOld' : 'notDefined',
    data: { version, resource: describe(resource), minimum: TRUSTED_LAUNCH_MINIMUM, type: resource.type },
    range: written.range,
    resource,
    fixes: [fix],
    ...(inPlace ? {} : { related: [{ file: origin.node.file, range: origin.node.range, message: 'apiVersion is decided here' }] }),
  });
}
