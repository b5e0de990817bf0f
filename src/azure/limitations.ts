// Limitations of enabling Trusted Launch on existing VMs and scale sets (see generated/limitations.ts).
import { limitationTable } from './generated/limitations.js';
import type { LimitationRow } from './types.js';

/** A limitation by its id in ../shared/data/limitations.json (`vmss-flex`, `service-fabric`, …). */
export function limitation(id: string): LimitationRow | undefined {
  return limitationTable.limitations.find((row) => row.id === id);
}

export const limitations: readonly LimitationRow[] = limitationTable.limitations;
