import { describe, expect, it } from 'vitest';
import type { Plan } from '../core/assessment/assessment-result.js';
import type { Intake } from '../core/assessment/intake-schema.js';
import type * as storage from '../storage/repositories/records.js';
import type * as interop from './records.js';

// Compile-time check: what the repositories return can be handed to the interop layer unchanged.
// If a repository record changes shape, `tsc` fails here rather than at the wiring.
const fits = {
  clinic: (r: storage.ClinicRecord): interop.ClinicRecord => r,
  patient: (r: storage.PatientRecord): interop.PatientRecord => r,
  intake: (r: storage.IntakeRecord<Intake>): interop.IntakeRecord => r,
  course: (r: storage.CourseRecord<Plan>): interop.CourseRecord => r,
  session: (r: storage.TreatmentSessionRecord): interop.TreatmentSessionRecord => r,
  consentText: (r: storage.ConsentTextRecord): interop.ConsentTextRecord => r,
  consentSignature: (r: storage.ConsentSignatureRecord): interop.ConsentSignatureRecord => r,
  product: (r: storage.ProductRecord): interop.ProductRecord => r,
  lot: (r: storage.LotRecord): interop.LotRecord => r,
  chartEntry: (r: storage.ChartEntryRecord): interop.ChartEntryRecord => r,
  sideEffect: (r: storage.SideEffectReportRecord): interop.SideEffectReportRecord => r,
  outcome: (r: storage.OutcomeRecord): interop.OutcomeRecord => r,
  audit: (r: storage.AuditRecord): interop.AuditRecord => r,
};

describe('interop records', () => {
  it('accept the storage repositories’ records as they are (checked by tsc)', () => {
    expect(Object.keys(fits)).toHaveLength(13);
  });
});
