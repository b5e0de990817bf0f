// Telling Windows from Linux by image (trusted-launch-facts.md §2.5; see generated/os.ts).
import { osTable } from './generated/os.js';
import type { OsType, SupportedOsRow } from './types.js';

const osByPublisher = new Map(
  osTable.publishers.flatMap((list) => list.names.map((name) => [name.toLowerCase(), list.os] as const)),
);
const offerRules = osTable.offerRules.map((rule) => ({
  publisher: rule.publisher.toLowerCase(),
  pattern: new RegExp(rule.offerPattern, 'i'),
  os: rule.os,
}));

/**
 * The OS of a marketplace image from its publisher (case-insensitive), or from its offer where the
 * publisher ships both (SQL Server `*-ws20xx` offers) or is unknown (Azure Policy's `windows*`
 * offer heuristic). Undefined when neither tells.
 */
export function osFromImagePublisher(publisher: string, offer?: string): OsType | undefined {
  const byPublisher = osByPublisher.get(publisher.toLowerCase());
  if (byPublisher) return byPublisher;
  if (offer === undefined) return undefined;
  const lower = publisher.toLowerCase();
  return offerRules.find((rule) => (rule.publisher === '*' || rule.publisher === lower) && rule.pattern.test(offer))?.os;
}

/** The Trusted Launch "Operating systems supported" table, 2025 revision next to the 2023 one. */
export const trustedLaunchSupportedOs: readonly SupportedOsRow[] = osTable.supportedOs;
