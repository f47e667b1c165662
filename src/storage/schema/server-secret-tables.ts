import type { IsoTimestamp } from './column-values.js';

/** A secret shared by every server process on the database, by name (0039); never changed once made. */
export interface ServerSecretsTable {
  name: string;
  value: string;
  created_at: IsoTimestamp;
}
