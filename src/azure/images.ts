// Marketplace image generation lookups (see generated/images.ts). Trusted Launch needs a Gen2
// image: https://learn.microsoft.com/azure/virtual-machines/trusted-launch-existing-vmss
import { imageTable } from './generated/images.js';
import type { Confidence, ImagePairRow, OfferSku } from './types.js';

export interface ImageReference {
  readonly publisher: string;
  readonly offer: string;
  readonly sku: string;
}

/**
 * - `available`: a Gen2 image of an OS on the Trusted Launch list is known.
 * - `osNotSupported`: the OS is not on the list (e.g. Windows Server 2012 R2): an OS upgrade is needed.
 * - `unverified`: no Gen2 SKU name is known, or the OS list does not settle it.
 */
export type TargetStatus = 'available' | 'osNotSupported' | 'unverified';

export interface ImageLookup {
  /** The generation of the image that was looked up. */
  readonly generation: 'gen1' | 'gen2';
  readonly os: string;
  readonly gen1: ImageReference | undefined;
  readonly gen2: ImageReference | undefined;
  readonly target: TargetStatus;
  readonly trustedLaunchSupportedOs: boolean | undefined;
  readonly confidence: Confidence;
  readonly notes: string;
  readonly source: string;
}

const key = (publisher: string, offer: string, sku: string) => `${publisher}:${offer}:${sku}`.toLowerCase();

const byImage = new Map<string, { readonly pair: ImagePairRow; readonly generation: 'gen1' | 'gen2' }>();
for (const pair of imageTable.pairs) {
  if (pair.gen1) byImage.set(key(pair.publisher, pair.gen1.offer, pair.gen1.sku), { pair, generation: 'gen1' });
  if (pair.gen2) byImage.set(key(pair.publisher, pair.gen2.offer, pair.gen2.sku), { pair, generation: 'gen2' });
}

function reference(publisher: string, image: OfferSku | null): ImageReference | undefined {
  return image ? { publisher, offer: image.offer, sku: image.sku } : undefined;
}

function targetStatus(pair: ImagePairRow): TargetStatus {
  if (pair.trustedLaunchSupportedOs === false) return 'osNotSupported';
  return pair.gen2 && pair.trustedLaunchSupportedOs === true ? 'available' : 'unverified';
}

/**
 * The known generation of a marketplace image (publisher, offer and SKU compare
 * case-insensitively) and its Gen2 counterpart; undefined for images the mapping does not list.
 */
export function gen2ImageFor(image: ImageReference): ImageLookup | undefined {
  const hit = byImage.get(key(image.publisher, image.offer, image.sku));
  if (!hit) return undefined;
  const { pair, generation } = hit;
  return {
    generation,
    os: pair.os,
    gen1: reference(pair.publisher, pair.gen1),
    gen2: reference(pair.publisher, pair.gen2),
    target: targetStatus(pair),
    trustedLaunchSupportedOs: pair.trustedLaunchSupportedOs ?? undefined,
    confidence: pair.confidence,
    notes: pair.notes,
    source: pair.source,
  };
}
