import type { ResourceView } from '../../src/engine/rule.js';
import { profilePath } from './compute.js';

/** `storageProfile.imageReference` of a scale set's VM profile or a VM. */
export function imageReferencePath(resource: ResourceView): string {
  return `${profilePath(resource)}.storageProfile.imageReference`;
}
