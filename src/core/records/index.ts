/**
 * The clinic's records: one type per entity, the tables of src/storage/database-schema.ts in camelCase
 * with JSON parsed and 0/1 flags as booleans. Storage hands these out; services, HTTP and the interop
 * builders read them. Plain types only.
 *
 * Timestamps are ISO 8601 instants with `Z` or an offset; calendar dates are `YYYY-MM-DD`.
 */

export * from './record-values.js';
export type * from './clinic-records.js';
export type * from './patient-records.js';
export type * from './patient-history-records.js';
export type * from './catalogue-records.js';
export type * from './course-records.js';
export type * from './chart-records.js';
export type * from './follow-up-records.js';
export type * from './audit-records.js';
export type * from './scheduling-records.js';
export type * from './front-desk-records.js';
export type * from './portal-records.js';
export type * from './calendar-records.js';
