import { osFromImagePublisher, type OsType } from '../../src/azure/index.js';
import type { ResourceView } from '../../src/engine/rule.js';
import { getProperty } from '../../src/model/value.js';
import { profilePath } from './compute.js';

export interface OsDecision {
  readonly os: OsType;
  /** Which signal decided it, for messages: "osDisk.osType", "osProfile.linuxConfiguration", … */
  readonly signal: string;
}

const knownString = (resource: ResourceView, path: string): string | undefined => {
  const value = resource.get(path)?.value;
  return value?.kind === 'known' && typeof value.value === 'string' ? value.value : undefined;
};

function asOs(value: string | undefined): OsType | undefined {
  if (value === undefined) return undefined;
  if (/^windows/i.test(value)) return 'Windows';
  return /^linux/i.test(value) ? 'Linux' : undefined;
}

/** A gallery image definition of this template that the image reference points at. */
function galleryImageOs(resource: ResourceView, imageId: string | undefined): OsType | undefined {
  const definitions = resource.template.ofType('Microsoft.Compute/galleries/images');
  if (definitions.length === 0 || imageId === undefined) return undefined;
  const named = definitions.find((d) => {
    const name = d.name.kind === 'known' && typeof d.name.value === 'string' ? d.name.value.split('/').pop() : undefined;
    return name !== undefined && imageId.toLowerCase().includes(name.toLowerCase());
  });
  return asOs(named ? knownString(named, 'properties.osType') : undefined);
}

/**
 * The OS of a scale set or VM, from the first signal that applies (facts §2.5):
 * osDisk.osType, then osProfile's windows/linuxConfiguration, then the image publisher,
 * then a gallery image definition in the same template.
 */
export function decideOs(resource: ResourceView): OsDecision | undefined {
  const base = profilePath(resource);
  const osType = asOs(knownString(resource, `${base}.storageProfile.osDisk.osType`));
  if (osType) return { os: osType, signal: 'storageProfile.osDisk.osType' };
  const osProfile = resource.get(`${base}.osProfile`)?.node;
  if (osProfile?.kind === 'object') {
    if (getProperty(osProfile, 'windowsConfiguration')) return { os: 'Windows', signal: 'osProfile.windowsConfiguration' };
    if (getProperty(osProfile, 'linuxConfiguration')) return { os: 'Linux', signal: 'osProfile.linuxConfiguration' };
  }
  const image = `${base}.storageProfile.imageReference`;
  const publisher = knownString(resource, `${image}.publisher`);
  const fromPublisher = publisher === undefined ? undefined : osFromImagePublisher(publisher, knownString(resource, `${image}.offer`));
  if (fromPublisher) return { os: fromPublisher, signal: `imageReference.publisher '${publisher ?? ''}'` };
  const imageIdNode = resource.get(`${image}.id`)?.node;
  const imageId = imageIdNode?.kind === 'expression' ? imageIdNode.source : knownString(resource, `${image}.id`);
  const fromGallery = galleryImageOs(resource, imageId);
  return fromGallery ? { os: fromGallery, signal: 'the gallery image definition in this template' } : undefined;
}
