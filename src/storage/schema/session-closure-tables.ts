import type { IsoTimestamp } from './column-values.js';

// Row types (conventions in ../database-schema.ts): why sessions were cancelled or missed.

export interface SessionClosureReasonsTable {
  session_id: string;
  status: 'cancelled' | 'no_show';
  reason: string;
  recorded_by: string | null;
  recorded_at: IsoTimestamp;
}
