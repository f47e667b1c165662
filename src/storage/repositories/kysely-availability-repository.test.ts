import { expect, it } from 'vitest';
import { forEachEngine } from '../../test-support/test-databases.js';
import { storedFixture } from '../../test-support/stored-fixture.js';
import { createSampleCourse, createSamplePatient, createStaff } from '../../test-support/stored-records.js';

forEachEngine('availability repository', (getDb) => {
  const stored = storedFixture(getDb, async (repos) => {
    const clinic = await repos.clinics.create({ name: 'Scheduling' });
    const location = await repos.clinics.createLocation({
      clinicId: clinic.id,
      name: 'Centre',
      timeZone: 'Europe/Berlin',
    });
    const practitioner = await createStaff(repos, {
      clinicId: clinic.id,
      email: 'pia@scheduling.test',
      displayName: 'Pia',
    });
    return { clinic, location, practitioner };
  });

  it('keeps time zones and rooms per location', async () => {
    const { repos, clinic, location } = stored();
    expect(location.timeZone).toBe('Europe/Berlin');
    expect((await repos.clinics.updateLocation(location.id, { timeZone: 'Europe/Istanbul' }))?.timeZone).toBe(
      'Europe/Istanbul',
    );
    expect((await repos.clinics.createLocation({ clinicId: clinic.id, name: 'Annex' })).timeZone).toBe('UTC');
    const b = await repos.availability.createRoom({ locationId: location.id, name: 'Room B' });
    await repos.availability.createRoom({ locationId: location.id, name: 'Room A' });
    expect((await repos.availability.listRooms(location.id)).map((r) => r.name)).toEqual(['Room A', 'Room B']);
    await repos.availability.updateRoom(b.id, { active: false });
    expect((await repos.availability.listRooms(location.id)).map((r) => r.name)).toEqual(['Room A']);
    expect(await repos.availability.listRooms(location.id, { includeInactive: true })).toHaveLength(2);
    expect((await repos.availability.findRoom(b.id))?.active).toBe(false);
  });

  it('replaces working hours and lists exceptions', async () => {
    const { repos, location, practitioner } = stored();
    const week = {
      1: [
        { start: '09:00', end: '13:00' },
        { start: '14:00', end: '18:00' },
      ],
    };
    await repos.availability.setPractitionerHours({
      practitionerId: practitioner.id,
      locationId: location.id,
      weeklyHours: week,
    });
    const replaced = await repos.availability.setPractitionerHours({
      practitionerId: practitioner.id,
      locationId: location.id,
      weeklyHours: { 2: [] },
      roomIds: ['r1'],
    });
    expect(replaced).toMatchObject({ weeklyHours: { 2: [] }, roomIds: ['r1'] });
    expect(await repos.availability.listPractitionerHours(location.id)).toEqual([replaced]);

    const holiday = await repos.availability.addException({
      locationId: location.id,
      practitionerId: null,
      kind: 'days',
      from: '2026-12-25',
      to: '2026-12-26',
      reason: 'Christmas',
    });
    const dentist = await repos.availability.addException({
      locationId: location.id,
      practitionerId: practitioner.id,
      kind: 'hours',
      start: '2026-12-01T10:00',
      end: '2026-12-01T12:00',
    });
    expect(await repos.availability.listExceptions(location.id)).toEqual([dentist, holiday]);
    expect(holiday).toMatchObject({ kind: 'days', from: '2026-12-25', to: '2026-12-26', practitionerId: null });
    expect(await repos.availability.deleteException(dentist.id)).toBe(true);
    expect(await repos.availability.listExceptions(location.id)).toEqual([holiday]);
  });

  it("keeps a location's opening hours, replaced as a whole and removed with null", async () => {
    const { repos, location } = stored();
    expect(await repos.availability.findOpeningHours(location.id)).toBeUndefined();
    await repos.availability.setOpeningHours(location.id, { 1: [{ start: '08:00', end: '18:00' }] });
    const replaced = await repos.availability.setOpeningHours(location.id, { 2: [{ start: '10:00', end: '14:00' }] });
    expect(replaced).toMatchObject({ locationId: location.id, weeklyHours: { 2: [{ start: '10:00', end: '14:00' }] } });
    expect(await repos.availability.findOpeningHours(location.id)).toEqual(replaced);
    expect(await repos.availability.setOpeningHours(location.id, null)).toBeNull();
    expect(await repos.availability.findOpeningHours(location.id)).toBeUndefined();
  });

  it('lists booked slots without anything clinical', async () => {
    const { repos, clinic, location, practitioner } = stored();
    const patient = await createSamplePatient(repos, clinic.id);
    const course = await createSampleCourse(repos, patient.id);
    const [room] = await repos.availability.listRooms(location.id);
    const kept = await repos.treatmentSessions.create({
      courseId: course.id,
      scheduledAt: '2026-12-02T09:00:00.000Z',
      durationMinutes: 45,
      practitionerId: practitioner.id,
      locationId: location.id,
      roomId: room?.id ?? null,
    });
    const cancelled = await repos.treatmentSessions.create({
      courseId: course.id,
      scheduledAt: '2026-12-03T09:00:00.000Z',
    });
    await repos.treatmentSessions.update(cancelled.id, { status: 'cancelled' });
    const slots = await repos.availability.bookedSlots({
      clinicId: clinic.id,
      from: '2026-12-01T00:00:00.000Z',
      to: '2026-12-31T00:00:00.000Z',
    });
    expect(slots).toEqual([
      {
        sessionId: kept.id,
        practitionerId: practitioner.id,
        locationId: location.id,
        roomId: room?.id,
        start: '2026-12-02T09:00:00.000Z',
        durationMinutes: 45,
      },
    ]);
    expect(kept.roomId).toBe(room?.id);
  });
});
