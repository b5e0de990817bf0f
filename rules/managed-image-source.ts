import { referencedResource } from '../src/engine/related.js';
import { defineRule, noOptions, type ResourceView, type RuleContext } from '../src/engine/rule.js';
import { computeResources, describe } from './support/compute.js';
import { decisionOf } from './support/decision.js';
import { imageReferencePath } from './support/image.js';

const MANAGED_IMAGE = 'Microsoft.Compute/images';

// Managed images cannot be the source of a Trusted Launch VM; Azure Compute Gallery images can:
// https://learn.microsoft.com/azure/virtual-machines/trusted-launch#unsupported-features
export default defineRule({
  meta: {
    id: 'managed-image-source',
    level: 'error',
    mode: 'both',
    description: 'Flags scale sets and VMs created from a managed image (Microsoft.Compute/images), which Trusted Launch does not support.',
    messages: {
      managedImage:
        'The {{resource}} is created from the managed image {{image}}: Trusted Launch does not support managed images as a source; capture the image into an Azure Compute Gallery image definition with the SecurityType feature TrustedLaunchSupported and use that instead.',
    },
    fix: 'none',
    options: noOptions,
  },
  check(context) {
    for (const resource of computeResources(context.template)) checkResource(context, resource);
  },
});

function checkResource(context: RuleContext<Record<string, never>>, resource: ResourceView): void {
  const path = `${imageReferencePath(resource)}.id`;
  const reference = referencedResource(resource, path);
  const id = resource.get(path);
  if (!id || reference?.type.toLowerCase() !== MANAGED_IMAGE.toLowerCase()) return;
  context.report({
    messageId: 'managedImage',
    data: { resource: describe(resource), image: reference.name === undefined ? 'that imageReference.id names' : `'${reference.name}'` },
    range: id.node.range,
    resource,
    related: decisionOf(id, 'the image id').related,
  });
}
