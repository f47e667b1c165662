import { expect, it } from 'vitest';
import { sharedFixture } from '../../../test-support/shared-fixture.js';
import { healthyIntake } from '../../../test-support/intake-examples.js';
import { forEachApp, type TestClient } from '../../../test-support/test-app.js';

forEachApp('session routes', (get) => {
  const shared = sharedFixture(async () => {
    const practitioner = await get().signIn('practitioner');
    const reception = await get().signIn('reception');
    const patientUrl = `/api/patients/${get().fixture.patient.id}`;
    // Every screening question answered, nothing against treatment: the treatment gate lets a past session be marked done.
    const intake = healthyIntake('1990-04-12');
    const payload = { ...intake, patient: { ...intake.patient, pregnant: false, breastfeeding: false } };
    const { assessment } = (
      await practitioner.inject({ method: 'POST', url: `${patientUrl}/intakes`, payload })
    ).json();
    const courseId = (
      await practitioner.inject({
        method: 'POST',
        url: `${patientUrl}/courses`,
        payload: { assessmentId: assessment.id },
      })
    ).json().id;
    return { practitioner, reception, courseId };
  });

  const book = (client: TestClient, payload: object) =>
    client.inject({ method: 'POST', url: `/api/courses/${shared().courseId}/sessions`, payload });

  it('books sessions (reception too) and lists them in schedule order', async () => {
    const { practitioner, reception, courseId } = shared();
    const { fixture } = get();
    const later = await book(reception, {
      scheduledAt: '2026-12-08T10:00:00+01:00',
      durationMinutes: 30,
      practitionerId: fixture.users.practitioner.id,
      locationId: fixture.location.id,
    });
    expect(later.statusCode).toBe(201);
    expect(later.json()).toMatchObject({
      scheduledAt: '2026-12-08T09:00:00.000Z',
      status: 'planned',
      patientId: fixture.patient.id,
    });
    expect(later.json()).not.toHaveProperty('flag');
    const earlier = (await book(practitioner, { scheduledAt: '2026-12-01T09:00:00Z' })).json();
    expect(earlier.flag).toBeNull();

    const list = (await reception.inject({ method: 'GET', url: `/api/courses/${courseId}/sessions` })).json().sessions;
    expect(list.map((s: { id: string }) => s.id)).toEqual([earlier.id, later.json().id]);
    const ofPatient = (await get().signIn('patient')).inject({
      method: 'GET',
      url: `/api/patients/${fixture.patient.id}/sessions`,
    });
    expect((await ofPatient).json().sessions).toHaveLength(2);
  });

  it("shows the clinic's schedule with contact details", async () => {
    const { practitioner, reception } = shared();
    const { fixture } = get();
    const response = await reception.inject({
      method: 'GET',
      url: `/api/sessions?from=${encodeURIComponent('2026-12-05T00:00:00Z')}&to=${encodeURIComponent('2026-12-31T00:00:00Z')}`,
    });
    expect(response.statusCode).toBe(200);
    const [entry] = response.json().entries;
    expect(entry.patient).toEqual({
      id: fixture.patient.id,
      firstName: 'Paula',
      lastName: 'Patient',
      phone: '+49 30 1234567',
      email: fixture.patient.email,
    });
    expect(entry.session).not.toHaveProperty('flag');
    const practitionerView = (
      await practitioner.inject({ method: 'GET', url: `/api/sessions?practitionerId=${fixture.users.practitioner.id}` })
    ).json().entries;
    expect(practitionerView[0].session).toHaveProperty('flag', null);
    expect((await reception.inject({ method: 'GET', url: '/api/sessions?from=yesterday' })).statusCode).toBe(400);
    expect((await (await get().signIn('patient')).inject({ method: 'GET', url: '/api/sessions' })).statusCode).toBe(
      403,
    );
  });

  it('refuses bookings with unknown staff or rooms, or in closed courses', async () => {
    const { reception } = shared();
    const bad = await book(reception, {
      scheduledAt: '2026-12-01T09:00:00Z',
      practitionerId: get().fixture.users.reception.id,
    });
    expect(bad.json().problems).toEqual([
      { field: 'practitionerId', message: 'must be an active practitioner of this clinic' },
    ]);
    expect((await book(reception, { scheduledAt: '2026-12-01T09:00:00Z', locationId: 'nowhere' })).statusCode).toBe(
      400,
    );
    expect((await book(reception, { scheduledAt: '2026-12-01 09:00' })).json().problems[0].field).toBe('scheduledAt');
    expect((await book(reception, { scheduledAt: '2026-12-01T09:00:00Z', durationMinutes: 1.5 })).statusCode).toBe(400);
    expect(
      (await book(reception, { scheduledAt: '2026-12-01T09:00:00Z', roomId: 'nowhere' })).json().problems[0].field,
    ).toBe('roomId');
  });

  it('books rooms of the session’s location only', async () => {
    const { reception } = shared();
    const { repos, fixture } = get();
    const room = await repos.availability.createRoom({ locationId: fixture.location.id, name: 'Room 1' });
    const elsewhere = await repos.clinics.createLocation({ clinicId: fixture.clinic.id, name: 'Annex' });
    const booked = await book(reception, {
      scheduledAt: '2027-03-01T09:00:00Z',
      locationId: fixture.location.id,
      roomId: room.id,
    });
    expect(booked.json().roomId).toBe(room.id);
    const mismatch = await book(reception, {
      scheduledAt: '2027-03-01T09:00:00Z',
      locationId: elsewhere.id,
      roomId: room.id,
    });
    expect(mismatch.json().problems).toEqual([
      { field: 'roomId', message: 'must be a room of the session’s location' },
    ]);
    const url = `/api/sessions/${booked.json().id}`;
    expect(
      (await reception.inject({ method: 'PATCH', url, payload: { locationId: elsewhere.id } })).json().problems[0]
        .field,
    ).toBe('roomId');
    const moved = await reception.inject({ method: 'PATCH', url, payload: { locationId: elsewhere.id, roomId: null } });
    expect(moved.json()).toMatchObject({ locationId: elsewhere.id, roomId: null });
    const back = await reception.inject({ method: 'PATCH', url, payload: { roomId: room.id } });
    expect(back.json().problems[0].field).toBe('roomId');
  });

  it('reschedules and closes planned sessions; only clinicians mark them done', async () => {
    const { practitioner, reception } = shared();
    const session = (await book(reception, { scheduledAt: '2027-01-05T09:00:00Z' })).json();
    const url = `/api/sessions/${session.id}`;
    const moved = await reception.inject({ method: 'PATCH', url, payload: { scheduledAt: '2027-01-06T09:00:00Z' } });
    expect(moved.json().scheduledAt).toBe('2027-01-06T09:00:00.000Z');
    // Done means treated: not before the session's day (charts/treatment-gate.test.ts has the rest of the gate).
    const early = await practitioner.inject({ method: 'PATCH', url, payload: { status: 'done' } });
    expect(early.json()).toMatchObject({ error: 'treatment_blocked', reasons: [{ code: 'SESSION_IN_FUTURE' }] });
    const earlierToday = new Date(Date.now() - 2 * 3_600_000).toISOString();
    expect(
      (await reception.inject({ method: 'PATCH', url, payload: { scheduledAt: earlierToday } })).json().scheduledAt,
    ).toBe(earlierToday);
    expect((await reception.inject({ method: 'PATCH', url, payload: { status: 'done' } })).statusCode).toBe(403);
    expect((await practitioner.inject({ method: 'PATCH', url, payload: { status: 'done' } })).json().status).toBe(
      'done',
    );
    const closed = await reception.inject({ method: 'PATCH', url, payload: { status: 'cancelled' } });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error).toBe('session_closed');
    expect((await practitioner.inject({ method: 'GET', url })).json().status).toBe('done');
    expect((await practitioner.inject({ method: 'GET', url: '/api/sessions/missing' })).statusCode).toBe(404);
  });

  it('books nothing into a course that is no longer active', async () => {
    const { practitioner, reception, courseId } = shared();
    await practitioner.inject({ method: 'PATCH', url: `/api/courses/${courseId}`, payload: { status: 'cancelled' } });
    const refused = await book(reception, { scheduledAt: '2027-02-01T09:00:00Z' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toBe('course_not_active');
  });
});
