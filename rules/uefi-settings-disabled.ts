import { defineRule, noOptions, type FixSpec, type RelatedLocation, type ResourceView, type RuleContext } from '../src/engine/rule.js';
import type { TextRange } from '../src/model/source.js';
import { computeResources, describe } from './support/compute.js';
import { SECURE_BOOT, UEFI_FLAGS, flagState, securityProfilePath, trustedLaunchType, turnOn, type UefiFlag } from './support/uefi.js';

// Recommended settings are vTPM and Secure Boot both true; Secure Boot must stay off for unsigned
// custom kernels or drivers. https://learn.microsoft.com/azure/virtual-machines/trusted-launch-existing-vmss
export default defineRule({
  meta: {
    id: 'uefi-settings-disabled',
    level: 'warn',
    mode: 'both',
    description: 'Requires uefiSettings.secureBootEnabled and vTpmEnabled to be true when securityType is TrustedLaunch or ConfidentialVM.',
    messages: {
      missing: "The {{resource}} has securityType '{{securityType}}' without uefiSettings.{{flag}}: {{feature}} is not turned on, so {{loss}}.",
      off: "The {{resource}} has securityType '{{securityType}}' with uefiSettings.{{flag}} {{value}}: {{feature}} is off, so {{loss}}.",
    },
    fix: 'safe',
    options: noOptions,
  },
  check(context) {
    for (const resource of computeResources(context.template)) {
      const securityType = trustedLaunchType(resource);
      if (securityType === undefined) continue;
      for (const flag of UEFI_FLAGS) checkFlag(context, resource, flag, securityType);
    }
  },
});

const LOSS: Readonly<Record<UefiFlag['key'], string>> = {
  secureBootEnabled: 'nothing stops boot kits, rootkits and unsigned drivers from loading',
  vTpmEnabled: 'there is no measured boot and guest attestation cannot run',
};

function checkFlag(context: RuleContext<Record<string, never>>, resource: ResourceView, flag: UefiFlag, securityType: string): void {
  const state = flagState(resource, flag);
  if (state.state === 'on' || state.state === 'unknown') return;
  const data = { resource: describe(resource), securityType, flag: flag.key, feature: flag.feature, loss: LOSS[flag.key] };
  const { fixes, related } = fixOf(resource, flag);
  if (state.state === 'missing') {
    context.report({ messageId: 'missing', data, range: missingRange(resource), resource, fixes, related });
    return;
  }
  context.report({ messageId: 'off', data: { ...data, value: JSON.stringify(state.value) }, range: state.view.node.range, resource, fixes, related });
}

/** The deepest written object on the way to the flag: uefiSettings, else the securityProfile. */
function missingRange(resource: ResourceView): TextRange {
  const profile = securityProfilePath(resource);
  return (resource.get(`${profile}.uefiSettings`) ?? resource.get(profile) ?? resource).node.range;
}

function fixOf(resource: ResourceView, flag: UefiFlag): { fixes: FixSpec[]; related: readonly RelatedLocation[] } {
  const turned = turnOn(resource, flag);
  if (!turned) return { fixes: [], related: [] };
  // Secure Boot stops unsigned custom kernels and drivers from loading: turning it on can stop the machine booting.
  const risky = flag === SECURE_BOOT;
  const title = risky ? 'Turn Secure Boot on (unsigned kernels or drivers will no longer load)' : 'Turn vTPM on';
  return { fixes: [{ title, applicability: risky || turned.shared ? 'unsafe' : 'safe', intents: turned.intents }], related: turned.related };
}
