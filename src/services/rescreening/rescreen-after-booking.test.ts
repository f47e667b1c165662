import { beforeAll, expect, it } from 'vitest';
import { healthyIntake } from '../../test-support/intake-examples.js';
import { forEachApp, type TestClient } from '../../test-support/test-app.js';

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const at10 = (ms: number) => `${isoDate(ms)}T10:00:00Z`;

forEachApp('booking re-screens the patient at once', (get) => {
  let practitioner: TestClient;
  let courseId: string;
  const today = Date.now();

  beforeAll(async () => {
    practitioner = await get().signIn('practitioner');
    const patientUrl = `/api/patients/${get().fixture.patient.id}`;
    // An NSAID taken today: sessions in the coming week must wait, later ones may go ahead.
    const intake = healthyIntake('1990-04-12', isoDate(today));
    const withNsaid = {
      ...intake,
      patient: { ...intake.patient, medications: [{ name: 'ibuprofen', class: 'nsaid', lastDose: isoDate(today) }] },
    };
    const posted = await practitioner.inject({ method: 'POST', url: `${patientUrl}/intakes`, payload: withNsaid });
    expect(posted.statusCode).toBe(201);
    expect(posted.json().assessment.verdict).toBe('defer');
    const course = await practitioner.inject({
      method: 'POST',
      url: `${patientUrl}/courses`,
      payload: { assessmentId: posted.json().assessment.id },
    });
    expect(course.statusCode).toBe(201);
    courseId = course.json().id;
  });

  const book = (scheduledAt: string) =>
    practitioner.inject({
      method: 'POST',
      url: `/api/courses/${courseId}/sessions`,
      payload: { scheduledAt, durationMinutes: 30, practitionerId: get().fixture.users.practitioner.id },
    });
  const flagOf = async (id: string) =>
    (await practitioner.inject({ method: 'GET', url: `/api/sessions/${id}` })).json().flag;

  it('flags a session booked inside the waiting period, not one after it', async () => {
    const soon = await book(at10(today + 2 * DAY));
    const later = await book(at10(today + 10 * DAY));
    expect([soon.statusCode, later.statusCode]).toEqual([201, 201]);
    expect(await flagOf(soon.json().id)).toMatchObject({
      verdict: 'defer',
      reasons: [{ code: 'NSAID_WITHIN_7_DAYS' }],
    });
    expect(await flagOf(later.json().id)).toBeNull();
  });

  it('cancelling the course cancels its planned sessions and frees their time', async () => {
    const slot = at10(today + 20 * DAY);
    const first = await book(slot);
    expect(first.statusCode).toBe(201);
    expect((await book(slot)).statusCode).toBe(409);

    const cancelled = await practitioner.inject({
      method: 'PATCH',
      url: `/api/courses/${courseId}`,
      payload: { status: 'cancelled' },
    });
    expect(cancelled.statusCode).toBe(200);
    const sessions = (await practitioner.inject({ method: 'GET', url: `/api/courses/${courseId}/sessions` })).json()
      .sessions as { status: string }[];
    expect(sessions.length).toBeGreaterThanOrEqual(3);
    expect(sessions.every((s) => s.status === 'cancelled')).toBe(true);

    // The practitioner's time is free again for another course.
    const reopened = await practitioner.inject({
      method: 'PATCH',
      url: `/api/courses/${courseId}`,
      payload: { status: 'active' },
    });
    expect(reopened.statusCode).toBe(200);
    expect((await book(slot)).statusCode).toBe(201);
  });
});
