import { isNvidiaLinuxDriver } from '../src/azure/index.js';
import { defineRule, noOptions, type ResourceView } from '../src/engine/rule.js';
import { possibleValues } from '../src/model/evaluated.js';
import { computeResources, describe, isTrustedLaunchCapable, profilePath } from './support/compute.js';
import { extensionsOf } from './support/extensions.js';

// "Secure Boot is not supported using Windows or Linux extensions" for the NVIDIA GPU driver:
// https://learn.microsoft.com/azure/virtual-machines/extensions/hpccompute-gpu-linux
// A warning: the drivers can still be installed by hand and signed, and Windows needs no extra step
// (https://learn.microsoft.com/azure/virtual-machines/trusted-launch). An extension's condition is not
// read: templates install the driver only on GPU sizes, which is exactly when it matters.
export default defineRule({
  meta: {
    id: 'gpu-driver-secure-boot',
    level: 'warn',
    mode: 'both',
    description: 'Warns when the Linux NVIDIA GPU driver extension is installed on a VM or scale set with Secure Boot on.',
    messages: {
      secureBoot:
        "The {{resource}} installs the NVIDIA GPU driver extension '{{type}}' ({{where}}) with Secure Boot on: the Linux driver extension does not support Secure Boot, so the unsigned drivers it builds do not load.",
    },
    fix: 'none',
    options: noOptions,
  },
  check(context) {
    for (const resource of computeResources(context.template)) {
      if (!secureBootCanBeOn(resource)) continue;
      for (const extension of extensionsOf(resource)) {
        const { publisher, type } = extension;
        if (publisher === undefined || type === undefined || !isNvidiaLinuxDriver(publisher, type)) continue;
        context.report({
          messageId: 'secureBoot',
          data: { resource: describe(resource), type, where: extension.where },
          range: (extension.publisherNode ?? extension.node).range,
          resource,
        });
      }
    }
  },
});

/** Trusted Launch (or ConfidentialVM) with secureBootEnabled true, or a value that can be true. */
function secureBootCanBeOn(resource: ResourceView): boolean {
  const base = `${profilePath(resource)}.securityProfile`;
  const securityType = resource.get(`${base}.securityType`);
  const types = securityType && possibleValues(securityType.value);
  if (!types?.some(isTrustedLaunchCapable)) return false;
  const secureBoot = resource.get(`${base}.uefiSettings.secureBootEnabled`);
  const values = secureBoot && possibleValues(secureBoot.value);
  return values?.some((value) => value === true) ?? false;
}
