import type { ResourceView } from '../../src/engine/rule.js';
import { profilePath } from './compute.js';

/**
 * True for a resource that updates an existing scale set or VM and names only what it changes
 * (the docs' VM upgrade template is such a partial resource: name, location, securityProfile).
 * Without storageProfile and osProfile it cannot create one, so what it leaves out stays as it is.
 * https://learn.microsoft.com/azure/virtual-machines/trusted-launch-existing-vm
 */
export function isPartialUpdate(resource: ResourceView): boolean {
  const base = profilePath(resource);
  return resource.get(`${base}.storageProfile`) === undefined && resource.get(`${base}.osProfile`) === undefined;
}
