import type { ClinicLogo, ClinicRecord, LocationRecord } from '../../core/records/index.js';
import type { RecordRepository } from './record-repository.js';

export interface NewLocation {
  clinicId: string;
  name: string;
  address?: string | null;
  /** IANA zone; UTC when absent. */
  timeZone?: string;
}

export interface ClinicRepository extends RecordRepository<{ name: string }, ClinicRecord> {
  list(): Promise<ClinicRecord[]>;
  update(id: string, patch: { name?: string }): Promise<ClinicRecord | undefined>;
  count(): Promise<number>;
  /** Marks the clinic as one the demo made (and so one `mesodesk demo` may reset). */
  markDemo(clinicId: string, seed: number): Promise<void>;
  /** The ids of the clinics the demo made. */
  demoClinicIds(): Promise<string[]>;

  findLogo(clinicId: string): Promise<ClinicLogo | undefined>;
  /** Replaces the clinic's logo (there is one at most). */
  saveLogo(input: Omit<ClinicLogo, 'updatedAt'>): Promise<ClinicLogo>;
  /** False when the clinic had none. */
  removeLogo(clinicId: string): Promise<boolean>;

  createLocation(input: NewLocation): Promise<LocationRecord>;
  findLocation(id: string): Promise<LocationRecord | undefined>;
  listLocations(clinicId: string): Promise<LocationRecord[]>;
  updateLocation(
    id: string,
    patch: { name?: string; address?: string | null; timeZone?: string },
  ): Promise<LocationRecord | undefined>;
}
