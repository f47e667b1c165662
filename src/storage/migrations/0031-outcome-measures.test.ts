import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { createSampleCourse, createSamplePatient } from '../../test-support/stored-records.js';
import { forEachEngine } from '../../test-support/test-databases.js';
import { createRepositories } from '../repositories/repositories.js';

/**
 * The table's own checks hold whatever way a write comes in: values off their scale, a rater the
 * scale does not take, a baseline for GAIS, a site where none belongs (or none where one does), a
 * slot that is not the session's, and a second value in one slot, even at baseline where the session
 * and the site are both null.
 */
forEachEngine('0031-outcome-measures', (getDb) => {
  const at = '2026-03-01T09:00:00.000Z';
  const ids = { patient: '', course: '', session: '', laterSession: '' };

  beforeAll(async () => {
    const repos = createRepositories(getDb());
    const clinic = await repos.clinics.create({ name: 'Measures clinic' });
    const patient = await createSamplePatient(repos, clinic.id);
    const course = await createSampleCourse(repos, patient.id, { indication: 'localized_fat', area: 'abdomen' });
    const session = await repos.treatmentSessions.create({ courseId: course.id, scheduledAt: at });
    const later = await repos.treatmentSessions.create({
      courseId: course.id,
      scheduledAt: '2026-03-15T09:00:00.000Z',
    });
    Object.assign(ids, { patient: patient.id, course: course.id, session: session.id, laterSession: later.id });
  });

  let rowCount = 0;
  const insert = (fields: Record<string, string | number | null>) => {
    const row = {
      id: `m${++rowCount}`,
      patient_id: ids.patient,
      course_id: ids.course,
      session_id: null,
      slot: 'baseline',
      measure_code: 'circumference',
      rater: 'practitioner',
      site: 'waist',
      value: 90.5,
      entered_by: 'staff',
      recorded_by: null,
      recorded_at: at,
      created_at: at,
      updated_at: at,
      ...fields,
    };
    const columns = Object.keys(row);
    return sql`insert into outcome_measures (${sql.join(columns.map((c) => sql.ref(c)))}) values (${sql.join(
      Object.values(row),
    )})`.execute(getDb());
  };

  it('stores values on their scales', async () => {
    await insert({});
    await insert({ site: 'hips', value: 101 });
    await insert({ measure_code: 'gais', site: null, value: 2, session_id: ids.session, slot: ids.session });
    await insert({
      measure_code: 'gais',
      rater: 'patient',
      entered_by: 'patient',
      site: null,
      value: 1,
      session_id: ids.session,
      slot: ids.session,
    });
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from outcome_measures`.execute(getDb());
    expect(Number(rows[0]?.n)).toBe(4);
  });

  it('refuses what the checks rule out', async () => {
    // Each in a slot still free, so that only the fault named can refuse it.
    const later = { session_id: ids.laterSession, slot: ids.laterSession };
    const refused: Record<string, string | number | null>[] = [
      { site: 'arm_left', value: 5 },
      { measure_code: 'gais', site: null, value: 6, ...later },
      { measure_code: 'gais', site: null, value: 2.5, ...later },
      { measure_code: 'hair_grade_male', site: null, value: 8 },
      { measure_code: 'cellulite_stage', site: null, value: -1 },
      { measure_code: 'vibes', site: null, value: 1 },
      // GAIS at baseline; a patient-rated hair grade; a practitioner-rated HDSS.
      { measure_code: 'gais', site: null, value: 2 },
      { measure_code: 'hair_grade_female', rater: 'patient', site: null, value: 2 },
      { measure_code: 'hdss', site: null, value: 2 },
      // A site missing, or one where none belongs.
      { site: null },
      { measure_code: 'cellulite_stage', value: 1 },
      // A slot that is not the session's, and the patient entering the practitioner's rating.
      { session_id: ids.session, slot: 'baseline', site: 'thigh_left' },
      { site: 'thigh_left', entered_by: 'patient' },
      // A second value in a slot already held (the waist at baseline).
      { value: 91 },
    ];
    for (const fields of refused) await expect(insert(fields), JSON.stringify(fields)).rejects.toThrow();
    // The same slots take a value that breaks no rule.
    await insert({ site: 'arm_left', value: 30.5 });
    await insert({ measure_code: 'gais', site: null, value: 3, ...later });
    await insert({ measure_code: 'hair_grade_male', site: null, value: 7 });
  });
});
