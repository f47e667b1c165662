import type { IsoTimestamp } from './column-values.js';

/** The clinic's logo for its documents (0040): a PNG or JPEG, base64. */
export interface ClinicLogosTable {
  clinic_id: string;
  mime: 'image/png' | 'image/jpeg';
  data_base64: string;
  bytes: number;
  updated_at: IsoTimestamp;
  updated_by: string | null;
}
