// Domain lookups over the generated Azure tables.
export * from './api-versions.js';
export * from './data-version.js';
export * from './extensions.js';
export * from './images.js';
export * from './limitations.js';
export * from './os.js';
export * from './vm-sizes.js';
export type * from './types.js';
