import { expect, it } from 'vitest';
import { storedFixture } from '../../test-support/stored-fixture.js';
import { forEachEngine } from '../../test-support/test-databases.js';
import { createSampleCourse, createStaff } from '../../test-support/stored-records.js';

forEachEngine('course and treatment session repositories', (getDb) => {
  const stored = storedFixture(getDb, async (repos) => {
    const clinic = await repos.clinics.create({ name: 'Sessions' });
    const location = await repos.clinics.createLocation({ clinicId: clinic.id, name: 'Room' });
    const practitioner = await createStaff(repos, {
      clinicId: clinic.id,
      email: 'pia@sessions.test',
      displayName: 'Pia',
    });
    const patient = await repos.patients.create({
      clinicId: clinic.id,
      firstName: 'Sue',
      lastName: 'Session',
      birthDate: '1990-01-01',
      sex: 'female',
      phone: '0301',
    });
    const course = await createSampleCourse(repos, patient.id);
    return { clinic, location, practitioner, patient, course };
  });

  it('creates courses and changes their status', async () => {
    const { repos, patient, course } = stored();
    expect(course).toMatchObject({ status: 'active', indication: 'hair_loss' });
    expect((await repos.courses.findById(course.id))?.plan.sessions).toEqual({ min: 4, max: 10 });
    expect((await repos.courses.listByPatient(patient.id)).map((c) => c.id)).toEqual([course.id]);
    const other = await createSampleCourse(repos, patient.id, { indication: 'x', area: 'y' });
    expect((await repos.courses.setStatus(other.id, 'cancelled'))?.status).toBe('cancelled');
    await expect(repos.courses.setStatus(other.id, 'lost' as never)).rejects.toThrow();
  });

  it('schedules sessions and lists them by course, patient and schedule window', async () => {
    const { repos, clinic, location, practitioner, patient, course } = stored();
    const late = await repos.treatmentSessions.create({
      courseId: course.id,
      scheduledAt: '2026-03-10T09:00:00.000Z',
      practitionerId: practitioner.id,
      locationId: location.id,
      durationMinutes: 30,
    });
    const early = await repos.treatmentSessions.create({
      courseId: course.id,
      scheduledAt: '2026-03-03T09:00:00.000Z',
    });
    expect(late).toMatchObject({ status: 'planned', patientId: patient.id, durationMinutes: 30, flag: null });
    expect((await repos.treatmentSessions.listByCourse(course.id)).map((s) => s.id)).toEqual([early.id, late.id]);
    expect((await repos.treatmentSessions.listByPatient(patient.id)).map((s) => s.id)).toEqual([early.id, late.id]);

    const window = await repos.treatmentSessions.schedule({
      clinicId: clinic.id,
      from: '2026-03-05T00:00:00.000Z',
      to: '2026-03-11T00:00:00.000Z',
      limit: 10,
      offset: 0,
    });
    expect(window).toEqual([
      { session: late, patient: { id: patient.id, firstName: 'Sue', lastName: 'Session', phone: '0301', email: null } },
    ]);
    expect(
      await repos.treatmentSessions.schedule({
        clinicId: clinic.id,
        practitionerId: practitioner.id,
        limit: 10,
        offset: 0,
      }),
    ).toHaveLength(1);
    expect(await repos.treatmentSessions.schedule({ clinicId: 'elsewhere', limit: 10, offset: 0 })).toEqual([]);

    const moved = await repos.treatmentSessions.update(early.id, {
      scheduledAt: '2026-03-04T10:00:00.000Z',
      status: 'cancelled',
      locationId: location.id,
    });
    expect(moved).toMatchObject({
      scheduledAt: '2026-03-04T10:00:00.000Z',
      status: 'cancelled',
      locationId: location.id,
    });
    expect(
      await repos.treatmentSessions.schedule({ clinicId: clinic.id, status: 'cancelled', limit: 10, offset: 0 }),
    ).toHaveLength(1);
    await expect(repos.treatmentSessions.update(early.id, { practitionerId: 'missing' })).rejects.toThrow();
  });

  it('records, lists and clears re-screening flags', async () => {
    const { repos, clinic, course } = stored();
    const session = await repos.treatmentSessions.create({
      courseId: course.id,
      scheduledAt: '2026-04-01T09:00:00.000Z',
    });
    const flagged = await repos.treatmentSessions.setFlag(session.id, {
      verdict: 'defer',
      reasons: [{ code: 'NSAID_WITHIN_7_DAYS' }],
    });
    expect(flagged?.flag).toMatchObject({ verdict: 'defer', reasons: [{ code: 'NSAID_WITHIN_7_DAYS' }] });
    expect(flagged?.flag?.flaggedAt).toEqual(expect.any(String));
    expect((await repos.treatmentSessions.listFlagged(clinic.id)).map((s) => s.id)).toEqual([session.id]);
    await repos.treatmentSessions.setFlag(session.id, null);
    expect(await repos.treatmentSessions.listFlagged(clinic.id)).toEqual([]);
  });
});
