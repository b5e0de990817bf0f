// The date and sources the Azure tables stand at (for `tl-lint --version`).
import { dataVersionTable } from './generated/data-version.js';

/** The research date of the Trusted Launch facts the tables come from (yyyy-mm-dd). */
export const DATA_DATE: string = dataVersionTable.dataDate;

/** e.g. "2026-12-04 (facts); Azure/bicep-types-az 1f896de2 (2026-08-20)". */
export const DATA_VERSION: string = dataVersionTable.version;
