import { gen2ImageFor, type ImageLookup } from '../src/azure/index.js';
import { defineRule, noOptions, type FixSpec, type Mode, type PropertyView, type ResourceView, type RuleContext } from '../src/engine/rule.js';
import type { ValueNode } from '../src/model/value.js';
import { computeResources, describe, isScaleSet } from './support/compute.js';
import { decisionOf, knownString } from './support/decision.js';
import { imageReferencePath } from './support/image.js';

// Trusted Launch boots Generation 2 (UEFI) images only. A scale set switches by changing the image SKU,
// which recreates every instance's OS disk: https://learn.microsoft.com/azure/virtual-machines/trusted-launch-existing-vmss
// An existing VM keeps its image reference and is upgraded in place instead:
// https://learn.microsoft.com/azure/virtual-machines/trusted-launch-existing-vm-gen-1
export default defineRule({
  meta: {
    id: 'gen1-image',
    level: 'error',
    mode: 'both',
    description: 'Flags marketplace images known to be Generation 1, which cannot boot with Trusted Launch.',
    messages: {
      gen1ScaleSet:
        "The {{resource}} uses {{image}}, a Generation 1 image of {{os}}: Trusted Launch boots Generation 2 images only. Switching to the Generation 2 SKU '{{gen2}}' recreates the OS disk of every instance, and the data on it is lost.{{caveat}}",
      gen1Vm:
        'The {{resource}} runs {{image}}, a Generation 1 image of {{os}}: Trusted Launch needs Generation 2. An existing VM keeps its image reference; upgrade it in place with the Gen1 to Trusted Launch path (https://learn.microsoft.com/azure/virtual-machines/trusted-launch-existing-vm-gen-1) after checking its unsupported configurations.{{caveat}}',
      gen1New: "The {{resource}} uses {{image}}, a Generation 1 image of {{os}}: Trusted Launch boots Generation 2 images only; use the Generation 2 SKU '{{gen2}}'.{{caveat}}",
      noGen2Known:
        'The {{resource}} uses {{image}}, a Generation 1 image of {{os}}: Trusted Launch boots Generation 2 images only, and no Generation 2 SKU of it is known; list them with `az vm image list --publisher {{publisher}} --offer {{offer}} --all`.{{caveat}}',
      osNotSupported:
        'The {{resource}} uses {{image}}, a Generation 1 image of {{os}}, and Trusted Launch does not support that OS in any generation: no image swap fixes it; upgrade the OS to a supported version.{{caveat}}',
    },
    fix: 'unsafe',
    options: noOptions,
  },
  check(context) {
    const resources = computeResources(context.template);
    // An existing VM's image must not change, so a scale set's fix may not edit a SKU a VM shares.
    const vmSkus = new Set(context.mode === 'upgrade' ? resources.filter((r) => !isScaleSet(r)).map(skuNode) : []);
    for (const resource of resources) checkResource(context, resource, vmSkus);
  },
});

/** The node that decides a resource's image SKU (the property, or the variable or default it comes from). */
function skuNode(resource: ResourceView): ValueNode | undefined {
  const sku = resource.get(`${imageReferencePath(resource)}.sku`);
  return sku && decisionOf(sku, 'the image SKU').node;
}

const urn = (publisher: string, offer: string, sku: string) => `${publisher}:${offer}:${sku}`;

/** Unverified table entries make the finding a warning; convention-based SKU names are worth confirming. */
function caveat(lookup: ImageLookup, image: string, offersFix: boolean): { readonly text: string; readonly uncertain: boolean } {
  const confirm = `confirm with \`az vm image show --urn ${image}:latest\``;
  if (lookup.confidence === 'uncertain' || lookup.confidence === 'conflicting') {
    return { text: ` The generation of this image is not verified in tl-lint's image table, so this is a warning: ${confirm}.`, uncertain: true };
  }
  if (lookup.target === 'unverified' && lookup.gen2 && lookup.trustedLaunchSupportedOs === undefined) {
    return { text: ` Whether Trusted Launch supports ${lookup.os} is not documented: ${confirm.replace(image, urn(lookup.gen2.publisher, lookup.gen2.offer, lookup.gen2.sku))}.`, uncertain: false };
  }
  if (lookup.confidence === 'convention' && offersFix && lookup.gen2) {
    return { text: ` The Generation 2 SKU name follows Microsoft's naming convention: confirm it with \`az vm image show --urn ${urn(lookup.gen2.publisher, lookup.gen2.offer, lookup.gen2.sku)}:latest\`.`, uncertain: false };
  }
  return { text: '', uncertain: false };
}

function messageId(resource: ResourceView, lookup: ImageLookup, mode: Mode): string {
  if (lookup.target === 'osNotSupported') return 'osNotSupported';
  if (!isScaleSet(resource) && mode === 'upgrade') return 'gen1Vm';
  if (!lookup.gen2) return 'noGen2Known';
  return mode === 'new' ? 'gen1New' : 'gen1ScaleSet';
}

function checkResource(context: RuleContext<Record<string, never>>, resource: ResourceView, vmSkus: ReadonlySet<ValueNode | undefined>): void {
  const base = imageReferencePath(resource);
  const publisher = knownString(resource.get(`${base}.publisher`)?.value);
  const offer = knownString(resource.get(`${base}.offer`)?.value);
  const skuView = resource.get(`${base}.sku`);
  const sku = knownString(skuView?.value);
  if (publisher === undefined || offer === undefined || sku === undefined || skuView === undefined) return;
  const lookup = gen2ImageFor({ publisher, offer, sku });
  if (lookup?.generation !== 'gen1') return;
  const id = messageId(resource, lookup, context.mode);
  const image = urn(publisher, offer, sku);
  const offersFix = id === 'gen1ScaleSet' || id === 'gen1New';
  const { text, uncertain } = caveat(lookup, image, offersFix);
  const decision = decisionOf(skuView, 'the image SKU');
  context.report({
    messageId: id,
    data: { resource: describe(resource), image, os: lookup.os, gen2: lookup.gen2?.sku ?? '', publisher, offer, caveat: text },
    range: skuView.node.range,
    resource,
    related: decision.related,
    ...(uncertain ? { level: 'warn' as const } : {}),
    fixes: offersFix && decision.editable && !vmSkus.has(decision.node) ? swapFix(resource, skuView, lookup, context.mode) : [],
  });
}

/** Replaces the SKU where it is decided; a pinned version belongs to the Gen1 SKU, so it becomes `latest`. */
function swapFix(resource: ResourceView, skuView: PropertyView, lookup: ImageLookup, mode: Mode): FixSpec[] {
  const gen2 = lookup.gen2;
  if (!gen2) return [];
  const version = resource.get(`${imageReferencePath(resource)}.version`);
  const versionText = knownString(version?.value);
  const pinned = version !== undefined && versionText !== undefined && versionText.toLowerCase() !== 'latest';
  if (pinned && !decisionOf(version, 'the image version').editable) return [];
  const cost = mode === 'upgrade' ? " (recreates every instance's OS disk; the data on it is lost)" : '';
  const intents = [{ kind: 'replace' as const, node: decisionOf(skuView, 'the image SKU').node, value: gen2.sku }];
  if (pinned) intents.push({ kind: 'replace', node: decisionOf(version, 'the image version').node, value: 'latest' });
  return [{ title: `Switch the image SKU to ${gen2.sku}${pinned ? ' with version latest' : ''}${cost}`, applicability: 'unsafe', intents }];
}
