import type { TestApp } from '../../../src/test-support/test-app.js';

/**
 * Patients of their own for the routes that change a record's standing: merged, deactivated or
 * reactivated, the fixture patient would turn later routes' valid requests away. A merge to make,
 * one to reverse, a patient to deactivate and one to reactivate.
 */
export async function createFuzzPatientRecords({ repos, fixture }: TestApp) {
  const clinicId = fixture.clinic.id;
  const patient = (firstName: string) =>
    repos.patients.create({ clinicId, firstName, lastName: 'Fuzz', birthDate: '1980-08-08', sex: 'female' });
  const [kept, merging, survivor, merged, active, inactive] = await Promise.all(
    ['Kept', 'Merging', 'Survivor', 'Merged', 'Active', 'Inactive'].map(patient),
  );
  if (!kept || !merging || !survivor || !merged || !active || !inactive) throw new Error('fuzz patients not stored');
  await repos.patients.setMergedInto(merged.id, survivor.id);
  const merge = await repos.patientMerges.create({
    clinicId,
    survivorId: survivor.id,
    mergedId: merged.id,
    moved: {},
    mergedBy: null,
  });
  await repos.patients.setActive(inactive.id, false);
  return {
    byRoute: {
      'POST /api/patients/:id/merges': { id: kept.id },
      'POST /api/patients/:id/merges/:mergeId/reversal': { id: survivor.id, mergeId: merge.id },
      'POST /api/patients/:id/deactivate': { id: active.id },
      'POST /api/patients/:id/reactivate': { id: inactive.id },
    } as Record<string, Record<string, string>>,
    bodies: { 'POST /api/patients/:id/merges': { mergedPatientId: merging.id } } as Record<string, unknown>,
  };
}
