import { expect, it } from 'vitest';
import { asBooking, copyCourse, daysBetween, proposal } from '../../../test-support/scheduling-test-setup.js';
import { forEachApp, type TestClient } from '../../../test-support/test-app.js';
import { useSchedulingRoutes } from './test-support/scheduling-routes-setup.js';
import { clinicAudit } from '../../../test-support/audited-records.js';

/** Changes to booked sessions: a move re-flows the later ones, a cancel or no-show frees the slots. */
forEachApp('rescheduling, cancelling and no-shows', (get) => {
  const { setup, locationId, book, sessionsOf, manual } = useSchedulingRoutes(get);
  const reschedule = (client: TestClient, id: string, payload: object) =>
    client.inject({ method: 'POST', url: `/api/sessions/${id}/reschedule`, payload });
  const close = (client: TestClient, id: string, how: 'cancel' | 'no-show') =>
    client.inject({ method: 'POST', url: `/api/sessions/${id}/${how}` });

  it('reschedules one session and re-flows the later ones in one transaction', async () => {
    const { practitioner, reception, patient, course } = setup();
    const flowing = await copyCourse(get(), course);
    const proposed = await proposal(practitioner, flowing.id, {
      locationId: locationId(),
      earliestStart: '2030-06-03',
    });
    const original = (await book(practitioner, flowing.id, asBooking(proposed))).json().sessions as Array<{
      id: string;
      scheduledAt: string;
    }>;
    // Session 2 moves 11 days after session 1: sessions 3 and 4 would then be too close and must follow.
    const newStart = new Date(Date.parse(original[0]!.scheduledAt) + 11 * 86_400_000).toISOString();
    const response = await reschedule(reception, original[1]!.id, { start: newStart });
    expect(response.statusCode).toBe(200);
    const { sessions, moved } = response.json();
    expect(sessions[0].scheduledAt).toBe(original[0]!.scheduledAt);
    expect(sessions[1].scheduledAt).toBe(newStart);
    expect(moved).toEqual(original.slice(1).map((s) => s.id));
    for (let i = 1; i < sessions.length; i++) {
      const gap = daysBetween(sessions[i - 1].scheduledAt, sessions[i].scheduledAt);
      expect(gap).toBeGreaterThanOrEqual(course.plan.intervalDays.min);
      expect(gap).toBeLessThanOrEqual(course.plan.intervalDays.max);
    }
    expect((await sessionsOf(flowing.id)).map((s) => s.scheduledAt)).toEqual(
      sessions.map((s: { scheduledAt: string }) => s.scheduledAt),
    );
    // The old time of session 3 is free again; the new one is held.
    const spare = await copyCourse(get(), course);
    const practitionerId = get().fixture.users.practitioner.id;
    expect(
      (await manual(spare.id, { scheduledAt: original[2]!.scheduledAt, durationMinutes: 30, practitionerId }))
        .statusCode,
    ).toBe(201);
    expect(
      (await manual(spare.id, { scheduledAt: sessions[2].scheduledAt, durationMinutes: 30, practitionerId }))
        .statusCode,
    ).toBe(409);

    const weekend = new Date(Date.parse(original[0]!.scheduledAt) + 12 * 86_400_000).toISOString();
    const refused = await reschedule(reception, original[1]!.id, { start: weekend });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      error: 'not_possible',
      problems: [{ session: 2, code: 'no_working_hours_in_window' }],
    });
    const tooFar = new Date(Date.parse(original[0]!.scheduledAt) + 28 * 86_400_000).toISOString();
    expect((await reschedule(reception, original[1]!.id, { start: tooFar })).json().problems[0].code).toBe(
      'interval_window_blocked',
    );
    expect((await sessionsOf(flowing.id)).map((s) => s.scheduledAt)).toEqual(
      sessions.map((s: { scheduledAt: string }) => s.scheduledAt),
    );

    expect((await reschedule(reception, original[1]!.id, { start: '2030-06-20 09:00' })).json().problems[0].field).toBe(
      'start',
    );
    expect(
      (await reschedule(reception, original[1]!.id, { start: '9999-12-31T23:59:59Z' })).json().problems[0],
    ).toEqual({
      field: 'start',
      message: expect.stringMatching(/^must be between \d{4}-\d\d-\d\d and \d{4}-\d\d-\d\d/),
    });
    expect(
      (await reschedule(reception, original[1]!.id, { start: newStart, practitionerId: 'x y' })).json().problems[0]
        .field,
    ).toBe('practitionerId');
    expect((await reschedule(patient, original[1]!.id, { start: newStart })).statusCode).toBe(403);
    expect((await reschedule(reception, 'missing', { start: newStart })).statusCode).toBe(404);
    const unbooked = await copyCourse(get(), course);
    const loose = (await manual(unbooked.id, { scheduledAt: '2030-10-07T08:00:00Z' })).json();
    expect((await reschedule(reception, loose.id, { start: '2030-10-08T08:00:00Z' })).json().error).toBe(
      'incomplete_booking',
    );
  });

  it('cancels a session (freeing its slot) and records no-shows once a session has started', async () => {
    const { practitioner, reception, patient, course } = setup();
    const cancelling = await copyCourse(get(), course);
    const booked = (
      await book(
        practitioner,
        cancelling.id,
        asBooking(
          await proposal(practitioner, cancelling.id, { locationId: locationId(), earliestStart: '2030-09-02' }),
        ),
      )
    ).json().sessions;
    const last = booked[booked.length - 1];
    const cancelled = await close(reception, last.id, 'cancel');
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ id: last.id, status: 'cancelled' });
    expect(await get().repos.availability.listSlotClaims(last.id)).toEqual([]);
    const taker = await copyCourse(get(), course);
    const taken = await manual(taker.id, {
      scheduledAt: last.scheduledAt,
      durationMinutes: 60,
      practitionerId: last.practitionerId,
      locationId: locationId(),
      roomId: last.roomId,
    });
    expect(taken.statusCode).toBe(201);
    expect((await close(reception, last.id, 'cancel')).json().error).toBe('session_closed');

    expect((await close(reception, booked[0].id, 'no-show')).json().error).toBe('not_started');
    const earlier = (
      await manual(taker.id, {
        scheduledAt: '2026-01-05T09:00:00Z',
        durationMinutes: 30,
        practitionerId: last.practitionerId,
      })
    ).json();
    expect(await get().repos.availability.listSlotClaims(earlier.id)).toHaveLength(2);
    const noShow = await close(reception, earlier.id, 'no-show');
    expect(noShow.json()).toMatchObject({ status: 'no_show' });
    expect(await get().repos.availability.listSlotClaims(earlier.id)).toEqual([]);

    expect((await close(patient, booked[0].id, 'cancel')).statusCode).toBe(403);
    expect((await close(reception, 'missing', 'cancel')).statusCode).toBe(404);
    const audit = await clinicAudit(get(), { entity: 'treatment_session', action: 'update', limit: 200 });
    expect(audit.map((a) => a.entityId)).toEqual(expect.arrayContaining([last.id, earlier.id]));
  });

  it('keeps the later interval chosen at booking when a session is moved', async () => {
    const { practitioner, reception, course } = setup();
    const { patientId, assessmentId, indication, area, plan } = course;
    const later = {
      min: 14,
      max: 30,
      note: 'Spaced out once the area improves.',
      sources: plan.sources,
      citations: plan.citations,
    };
    const spaced = await get().repos.courses.create({
      patientId,
      assessmentId,
      indication,
      area,
      plan: {
        ...plan,
        sessions: { ...plan.sessions, min: 5 },
        intervalDays: { ...plan.intervalDays, min: 7, max: 10 },
        laterIntervalDays: later,
      },
      createdBy: null,
    });
    const proposed = await proposal(practitioner, spaced.id, {
      locationId: locationId(),
      earliestStart: '2030-11-04',
      switchAfter: 2,
    });
    expect(proposed.map((s) => s.daysAfterPrevious)).toEqual([undefined, 7, 14, 14, 14]);
    expect((await book(practitioner, spaced.id, asBooking(proposed))).json().problems[0]).toMatchObject({
      session: 3,
      code: 'interval_window_blocked',
    });
    const booked = (await book(practitioner, spaced.id, asBooking(proposed), { switchAfter: 2 })).json();
    expect(booked.schedule.switchAfter).toBe(2);
    // 15 days after session 4: only the later interval (14-30) allows it.
    const start = new Date(Date.parse(booked.sessions[3].scheduledAt) + 15 * 86_400_000).toISOString();
    const moved = await reschedule(reception, booked.sessions[4].id, { start });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().moved).toEqual([booked.sessions[4].id]);
  });
});
