import { referencedResource, type ResourceReference } from '../src/engine/related.js';
import { defineRule, noOptions, type ResourceView, type RuleContext } from '../src/engine/rule.js';
import type { TextRange } from '../src/model/source.js';
import { computeResources, describe } from './support/compute.js';
import { ownProperty } from './support/decision.js';
import { galleryImageFeatureFix, hyperVGenerationOf, securityTypeOf } from './support/gallery.js';
import { imageReferencePath } from './support/image.js';

type Context = RuleContext<Record<string, never>>;

const DEFINITION = 'Microsoft.Compute/galleries/images';
const GALLERY_TYPES = new Set([DEFINITION, `${DEFINITION}/versions`].map((t) => t.toLowerCase()));

// A gallery image must be a V2 definition whose SecurityType feature allows Trusted Launch:
// https://learn.microsoft.com/azure/virtual-machines/trusted-launch-existing-vmss (prerequisites)
// https://learn.microsoft.com/azure/virtual-machines/shared-image-galleries#image-definitions
export default defineRule({
  meta: {
    id: 'gallery-image-not-trusted-launch',
    level: 'error',
    mode: 'both',
    description: 'Requires gallery image definitions to be Hyper-V generation V2 with a Trusted Launch SecurityType feature.',
    messages: {
      notGen2:
        "Gallery image definition {{definition}} is Hyper-V generation {{generation}}: Trusted Launch needs a V2 definition with Generation 2 image versions, and the generation of an existing definition cannot be changed; create a new V2 definition with the SecurityType feature TrustedLaunchSupported.",
      noSecurityType:
        'Gallery image definition {{definition}} has no SecurityType feature: VMs from it boot as Generation 2 without Trusted Launch; TrustedLaunchSupported, TrustedLaunch or TrustedLaunchAndConfidentialVmSupported allows it.',
      securityTypeNotTrustedLaunch:
        "Gallery image definition {{definition}} has the SecurityType feature '{{value}}', which does not allow Trusted Launch; TrustedLaunchSupported, TrustedLaunch or TrustedLaunchAndConfidentialVmSupported does.",
      outsideTemplate:
        'The {{resource}} uses the gallery image {{image}}, whose definition is not in this template: check that it is Trusted Launch capable (hyperVGeneration V2 and a SecurityType feature of TrustedLaunchSupported, TrustedLaunch or TrustedLaunchAndConfidentialVmSupported) with `{{command}}`.',
    },
    fix: 'unsafe',
    options: noOptions,
  },
  check(context) {
    const definitions = context.template.ofType(DEFINITION);
    for (const definition of definitions) checkDefinition(context, definition);
    for (const resource of computeResources(context.template)) checkImageSource(context, resource, definitions);
  },
});

const nameOf = (resource: ResourceView) =>
  resource.name.kind === 'known' && typeof resource.name.value === 'string' ? resource.name.value : undefined;

function checkDefinition(context: Context, definition: ResourceView): void {
  const name = nameOf(definition);
  const data = { definition: name === undefined ? (definition.symbolicName ?? 'of this template') : `'${name}'` };
  const generation = hyperVGenerationOf(definition);
  if (generation === undefined) return;
  if (generation.value !== 'V2') {
    context.report({ messageId: 'notGen2', data: { ...data, generation: generation.value }, range: generation.range, resource: definition });
    return;
  }
  const securityType = securityTypeOf(definition);
  if (securityType === undefined || securityType.allowsTrustedLaunch) return;
  context.report({
    messageId: securityType.value === undefined ? 'noSecurityType' : 'securityTypeNotTrustedLaunch',
    data: { ...data, value: securityType.value ?? '' },
    range: securityType.range,
    resource: definition,
    fixes: galleryImageFeatureFix(definition, securityType, context.mode),
  });
}

/** Image references that name a gallery image; the name is matched against definitions of this template. */
function inTemplate(reference: ResourceReference, definitions: readonly ResourceView[]): boolean {
  if (definitions.length === 0) return false;
  // An unknown name (a parameter without a value) may well be one of this template's definitions, which are checked themselves.
  if (reference.name === undefined || definitions.some((d) => nameOf(d) === undefined)) return true;
  const wanted = reference.name.split('/').slice(0, 2).join('/').toLowerCase();
  return definitions.some((d) => nameOf(d)?.toLowerCase() === wanted);
}

function checkImageSource(context: Context, resource: ResourceView, definitions: readonly ResourceView[]): void {
  const base = imageReferencePath(resource);
  const id = ownProperty(resource.get(`${base}.id`));
  const reference = id ? referencedResource(resource, `${base}.id`) : undefined;
  const data = { resource: describe(resource) };
  if (id && reference && GALLERY_TYPES.has(reference.type.toLowerCase()) && !inTemplate(reference, definitions)) {
    const [gallery, image] = (reference.name ?? '').split('/');
    const command = gallery && image ? `az sig image-definition show --gallery-name ${gallery} --gallery-image-definition ${image} --resource-group <group>` : 'az sig image-definition show';
    report(context, resource, id.node.range, { ...data, image: reference.name === undefined ? 'that imageReference.id names' : `'${reference.name}'`, command });
  }
  for (const [key, command] of [
    ['sharedGalleryImageId', 'az sig image-definition show-shared'],
    ['communityGalleryImageId', 'az sig image-definition show-community'],
  ] as const) {
    const shared = ownProperty(resource.get(`${base}.${key}`));
    if (!shared) continue;
    const text = shared.value.kind === 'known' && typeof shared.value.value === 'string' ? `'${shared.value.value}'` : `that ${key} names`;
    report(context, resource, shared.node.range, { ...data, image: text, command });
  }
}

function report(context: Context, resource: ResourceView, range: TextRange, data: Record<string, string>): void {
  context.report({ messageId: 'outsideTemplate', data, range, resource, level: 'info' });
}
