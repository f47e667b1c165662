import type { PatientRecordGroup } from '../../interop/index.js';

/**
 * A patient's records without the notes clinicians write for each other (a chart's notes and its
 * addenda, the practitioner's notes on an outcome), for a document the patient reads themselves:
 * what was done and how it went stays, the clinicians' working notes do not.
 */
export function withoutClinicianNotes(records: PatientRecordGroup): PatientRecordGroup {
  return {
    ...records,
    chartEntries: records.chartEntries.map((chart) => ({ ...chart, notes: null, addenda: [] })),
    outcomes: records.outcomes.map((outcome) => ({ ...outcome, notes: null })),
  };
}
