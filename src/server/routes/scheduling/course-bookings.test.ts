import { expect, it } from 'vitest';
import { sessionLengthMinutes } from '../../../core/scheduling/session-length.js';
import { asBooking, copyCourse, daysBetween, proposal } from '../../../test-support/scheduling-test-setup.js';
import { forEachApp } from '../../../test-support/test-app.js';
import { useSchedulingRoutes } from './test-support/scheduling-routes-setup.js';

/** Booking a whole course, and the slot guard that keeps every booking (whole-course or single) from clashing. */
forEachApp('course bookings', (get) => {
  const { setup, locationId, findFor, book, sessionsOf, manual } = useSchedulingRoutes(get);

  it('books a whole course in one go, keeping every interval and holding its slots', async () => {
    const { practitioner, reception, clinic, course } = setup();
    const proposed = await proposal(practitioner, course.id, { locationId: locationId(), earliestStart: '2030-01-07' });
    const response = await book(reception, course.id, asBooking(proposed), {
      preferences: { weekdays: [1, 2, 3, 4, 5] },
    });
    expect(response.statusCode).toBe(201);
    const { sessions, schedule } = response.json();
    expect(schedule).toMatchObject({
      courseId: course.id,
      locationId: locationId(),
      switchAfter: null,
      preferences: { weekdays: [1, 2, 3, 4, 5] },
    });
    expect(sessions.map((s: { scheduledAt: string }) => s.scheduledAt)).toEqual(
      proposed.map((p) => new Date(p.start).toISOString()),
    );
    expect(sessions[0]).not.toHaveProperty('flag');
    for (let i = 1; i < sessions.length; i++) {
      const gap = daysBetween(sessions[i - 1].scheduledAt, sessions[i].scheduledAt);
      expect(gap).toBeGreaterThanOrEqual(course.plan.intervalDays.min);
      expect(gap).toBeLessThanOrEqual(course.plan.intervalDays.max);
    }
    expect(
      sessions.every(
        (s: { durationMinutes: number; status: string }) =>
          s.durationMinutes === sessionLengthMinutes(course.plan) && s.status === 'planned',
      ),
    ).toBe(true);
    const claims = await get().repos.availability.listSlotClaims(sessions[0].id);
    expect(claims).toHaveLength(Math.ceil(sessionLengthMinutes(course.plan) / 15));
    expect(claims[0]).toMatchObject({
      slotStart: '2030-01-07T08:00:00.000Z',
      practitionerId: get().fixture.users.practitioner.id,
      roomId: clinic.rooms[0]!.id,
    });

    const again = await book(reception, course.id, asBooking(proposed));
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe('course_already_booked');
    // The finder now works around the booked course.
    const next = await proposal(practitioner, (await copyCourse(get(), course)).id, {
      locationId: locationId(),
      earliestStart: '2030-01-07',
    });
    expect(next[0]!.start).not.toBe(proposed[0]!.start);
  });

  it('refuses a conflicting or malformed booking: 409 naming the session and why, nothing written', async () => {
    const { practitioner, patient, clinic, course } = setup();
    const booked = await sessionsOf(course.id);
    const target = await copyCourse(get(), course);
    const practitionerId = get().fixture.users.practitioner.id;
    const room = clinic.rooms[1]!.id;
    // Afternoons are free; session 2 lands on the booked course's morning session 2.
    const afternoons = booked.map((s) => ({
      start: s.scheduledAt.replace('T08:00', 'T13:00'),
      practitionerId,
      roomId: room,
    }));
    const clash = afternoons.map((s, i) =>
      i === 1 ? { ...s, start: booked[1]!.scheduledAt.replace('T08:00', 'T08:30') } : s,
    );
    const refused = await book(practitioner, target.id, clash);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      error: 'not_bookable',
      problems: [{ session: 2, code: 'practitioner_booked' }],
    });
    expect(refused.json().problems[0].message).toMatch(/^Session 2: /);
    expect(await sessionsOf(target.id)).toEqual([]);

    const tooClose = afternoons.map((s, i) =>
      i === 1 ? { ...s, start: afternoons[0]!.start.replace('2030-01-07', '2030-01-08') } : s,
    );
    expect((await book(practitioner, target.id, tooClose)).json().problems).toEqual([
      expect.objectContaining({ session: 2, code: 'interval_window_blocked' }),
    ]);
    const evening = afternoons.map((s, i) => (i === 3 ? { ...s, start: s.start.replace('T13:00', 'T17:00') } : s));
    expect((await book(practitioner, target.id, evening)).json().problems).toEqual([
      expect.objectContaining({ session: 4, code: 'no_working_hours_in_window' }),
    ]);
    // The same weekdays whole weeks back, the last one past: in the past, yet within the booking window's year.
    const week = 7 * 86_400_000;
    const weeksBack = Math.ceil((Date.parse(afternoons.at(-1)!.start) - Date.now()) / week) + 1;
    const past = afternoons.map((s) => ({
      ...s,
      start: new Date(Date.parse(s.start) - weeksBack * week).toISOString(),
    }));
    expect(
      (await book(practitioner, target.id, past))
        .json()
        .problems.every((p: { code: string }) => p.code === 'in_the_past'),
    ).toBe(true);
    expect(await sessionsOf(target.id)).toEqual([]);

    const field = async (sessions: object[], extra: object = {}) =>
      (await book(practitioner, target.id, sessions, extra)).json().problems?.[0]?.field;
    expect(await field(afternoons.slice(0, 3))).toBe('sessions');
    expect(await field([afternoons[1]!, afternoons[0]!, ...afternoons.slice(2)])).toBe('sessions[1].start');
    expect(await field(afternoons.map((s, i) => (i === 2 ? { ...s, roomId: 'nowhere' } : s)))).toBe(
      'sessions[2].roomId',
    );
    expect(await field(afternoons.map((s) => ({ ...s, start: 'tomorrow' })))).toBe('sessions[0].start');
    expect(await field(afternoons.map((s, i) => (i === 0 ? { ...s, start: '9999-12-31T23:59:59Z' } : s)))).toBe(
      'sessions[0].start',
    );
    expect(await field(afternoons, { locationId: 'nowhere' })).toBe('locationId');
    expect(await field([])).toBe('sessions');
    expect((await book(patient, target.id, afternoons)).statusCode).toBe(403);

    expect((await book(practitioner, target.id, afternoons)).statusCode).toBe(201);
  });

  it('routes single-session bookings and moves through the same guard', async () => {
    const { reception, course } = setup();
    const booked = await sessionsOf(course.id);
    const other = await copyCourse(get(), course);
    const practitionerId = get().fixture.users.practitioner.id;
    const overlapping = await manual(other.id, {
      scheduledAt: booked[0]!.scheduledAt.replace('T08:00', 'T09:15'),
      durationMinutes: 30,
      practitionerId,
    });
    expect(overlapping.statusCode).toBe(409);
    expect(overlapping.json()).toMatchObject({ error: 'slot_taken', problems: [{ code: 'practitioner_booked' }] });
    const roomClash = await manual(other.id, {
      scheduledAt: booked[0]!.scheduledAt,
      durationMinutes: 30,
      locationId: locationId(),
      roomId: booked[0]!.roomId,
    });
    expect(roomClash.json().problems[0].code).toBe('room_booked');
    expect(await sessionsOf(other.id)).toEqual([]);

    // Right after the booked session's last slot is free.
    const lengthMs = sessionLengthMinutes(course.plan) * 60_000;
    const after = new Date(
      Math.ceil((Date.parse(booked[0]!.scheduledAt) + lengthMs) / 900_000) * 900_000,
    ).toISOString();
    const fine = await manual(other.id, { scheduledAt: after, durationMinutes: 30, practitionerId });
    expect(fine.statusCode).toBe(201);
    const moved = await reception.inject({
      method: 'PATCH',
      url: `/api/sessions/${fine.json().id}`,
      payload: { scheduledAt: booked[1]!.scheduledAt },
    });
    expect(moved.statusCode).toBe(409);
    expect((await reception.inject({ method: 'GET', url: `/api/sessions/${fine.json().id}` })).json().scheduledAt).toBe(
      after,
    );
  });

  it('books nothing into a course that is not active', async () => {
    const { admin, course } = setup();
    const closed = await copyCourse(get(), course);
    await admin.inject({ method: 'PATCH', url: `/api/courses/${closed.id}`, payload: { status: 'cancelled' } });
    expect((await findFor(admin, closed.id, {})).json().error).toBe('course_not_active');
    expect(
      (await book(admin, closed.id, [{ start: '2030-11-04T09:00:00Z', practitionerId: 'p', roomId: 'r' }])).json()
        .error,
    ).toBe('course_not_active');
  });
});
