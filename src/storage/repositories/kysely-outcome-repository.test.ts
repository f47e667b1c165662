import { beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../../test-support/test-databases.js';
import { createSampleCourse, createSamplePatient, createStaff } from '../../test-support/stored-records.js';
import { createRepositories, type Repositories } from './repositories.js';

forEachEngine('outcome repository', (getDb) => {
  let repos: Repositories;
  let newSession: () => Promise<string>;

  beforeAll(async () => {
    repos = createRepositories(getDb());
    const clinic = await repos.clinics.create({ name: 'Outcomes' });
    const user = await createStaff(repos, { clinicId: clinic.id, email: 'pia@outcomes.test', displayName: 'Pia' });
    const patient = await createSamplePatient(repos, clinic.id);
    const course = await createSampleCourse(repos, patient.id, { createdBy: user.id });
    let day = 0;
    newSession = async () =>
      (
        await repos.treatmentSessions.create({
          courseId: course.id,
          scheduledAt: new Date(Date.UTC(2026, 4, 1 + ++day, 9)).toISOString(),
          practitionerId: user.id,
        })
      ).id;
  });

  it('records who gave the patient rating, and leaves a rating the patient gave to them alone', async () => {
    const session = await newSession();
    expect(await repos.outcomes.save(session, { practitionerRating: 7 })).toMatchObject({
      patientRating: null,
      patientRatingBy: null,
    });
    // Passed on by staff: staff may correct it, and the patient may give their own over it.
    expect(await repos.outcomes.save(session, { patientRating: 5 })).toMatchObject({ patientRatingBy: 'staff' });
    expect(await repos.outcomes.save(session, { patientRating: 6 }, 'staff')).toMatchObject({ patientRating: 6 });
    expect(await repos.outcomes.save(session, { patientRating: 8 }, 'patient')).toMatchObject({
      patientRating: 8,
      patientRatingBy: 'patient',
    });

    // Staff over the patient's own: nothing of the write is saved, the other fields neither.
    const refused = await repos.outcomes.save(session, { patientRating: 3, notes: 'sent along' }, 'staff');
    expect(refused).toMatchObject({ patientRating: 8, patientRatingBy: 'patient', practitionerRating: 7, notes: null });
    expect(await repos.outcomes.save(session, { patientRating: null }, 'staff')).toMatchObject({ patientRating: 8 });
    // Other fields stay staff's to write, and the patient's rating stays theirs.
    expect(await repos.outcomes.save(session, { practitionerRating: 9, notes: 'fine' }, 'staff')).toMatchObject({
      patientRating: 8,
      patientRatingBy: 'patient',
      practitionerRating: 9,
      notes: 'fine',
    });
    // The patient clearing it leaves no giver: then staff may pass one on again.
    expect(await repos.outcomes.save(session, { patientRating: null }, 'patient')).toMatchObject({
      patientRating: null,
      patientRatingBy: null,
    });
    expect(await repos.outcomes.save(session, { patientRating: 4 }, 'staff')).toMatchObject({
      patientRatingBy: 'staff',
    });
  });

  it('takes a first outcome from the patient as theirs', async () => {
    const session = await newSession();
    expect(await repos.outcomes.save(session, { patientRating: 9 }, 'patient')).toMatchObject({
      patientRating: 9,
      patientRatingBy: 'patient',
    });
    expect((await repos.outcomes.save(session, { patientRating: 1 })).patientRating).toBe(9);
  });
});
