import { beforeAll, expect, it } from 'vitest';
import { sessionLengthMinutes } from '../../../core/scheduling/session-length.js';
import type { CourseRecord } from '../../../core/records/index.js';
import { healthyIntake } from '../../../test-support/intake-examples.js';
import { forEachApp, signInRoles, type TestClient } from '../../../test-support/test-app.js';
import {
  asBooking,
  copyCourse,
  daysBetween,
  prepareLocation,
  proposal,
  startCourse,
  type SchedulingClinic,
} from '../../../test-support/scheduling-test-setup.js';

forEachApp('scheduling routes', (get) => {
  let admin: TestClient;
  let practitioner: TestClient;
  let reception: TestClient;
  let patient: TestClient;
  let clinic: SchedulingClinic;
  let course: CourseRecord;

  beforeAll(async () => {
    ({ admin, practitioner, reception, patient } = await signInRoles(get()));
    clinic = await prepareLocation(get());
    course = await startCourse(get(), practitioner);
  });

  const locationId = () => clinic.location.id;
  const findFor = (client: TestClient, courseId: string, body: object) =>
    client.inject({
      method: 'POST',
      url: `/api/courses/${courseId}/course-proposals`,
      payload: { locationId: locationId(), ...body },
    });
  const book = (client: TestClient, courseId: string, sessions: object[], extra: object = {}) =>
    client.inject({
      method: 'POST',
      url: `/api/courses/${courseId}/bookings`,
      payload: { locationId: locationId(), sessions, ...extra },
    });
  const sessionsOf = async (courseId: string) =>
    (await practitioner.inject({ method: 'GET', url: `/api/courses/${courseId}/sessions` })).json().sessions as Array<{
      id: string;
      scheduledAt: string;
      status: string;
      roomId: string;
    }>;
  const manual = (courseId: string, body: object) =>
    reception.inject({ method: 'POST', url: `/api/courses/${courseId}/sessions`, payload: body });

  it("proposes the earliest course from the course's plan, every interval inside the plan's window", async () => {
    const response = await findFor(reception, course.id, { earliestStart: '2030-01-07' });
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({
      status: 'found',
      timeZone: 'Europe/Berlin',
      earliestStart: '2030-01-07',
      searched: { from: '2030-01-07' },
    });
    const { sessions, sessionMinutes } = result.course;
    expect(sessionMinutes).toBe(sessionLengthMinutes(course.plan));
    expect(sessions).toHaveLength(course.plan.sessions.min);
    // 09:00 in Berlin in winter is 08:00 UTC.
    expect(sessions[0]).toMatchObject({
      localDate: '2030-01-07',
      localStart: '09:00',
      start: '2030-01-07T08:00:00Z',
      practitionerId: get().fixture.users.practitioner.id,
      roomId: clinic.rooms[0]!.id,
    });
    for (const s of sessions.slice(1)) {
      expect(s.daysAfterPrevious).toBeGreaterThanOrEqual(course.plan.intervalDays.min);
      expect(s.daysAfterPrevious).toBeLessThanOrEqual(course.plan.intervalDays.max);
    }
    const more = await findFor(reception, course.id, {
      earliestStart: '2030-01-07',
      sessions: 6,
      preferences: { weekdays: [3], timesOfDay: [{ start: '13:00', end: '17:00' }] },
    });
    expect(more.json().course.sessions).toHaveLength(6);
    expect(
      more
        .json()
        .course.sessions.every(
          (s: { localDate: string; localStart: string }) =>
            new Date(s.localDate).getUTCDay() === 3 && s.localStart >= '13:00',
        ),
    ).toBe(true);
  });

  it('explains why nothing fits, with alternatives that give up named preferences', async () => {
    const result = (
      await findFor(practitioner, course.id, { earliestStart: '2030-01-07', preferences: { weekdays: [6, 7] } })
    ).json();
    expect(result.status).toBe('not_found');
    expect(result.explanation.length).toBeGreaterThan(0);
    expect(result.explanation[0]).toHaveProperty('code');
    expect(result.alternatives[0]).toMatchObject({ relaxed: ['weekdays'] });
    const elsewhere = (
      await findFor(practitioner, course.id, {
        earliestStart: '2030-01-07',
        preferences: { practitionerId: get().fixture.users.admin.id },
      })
    ).json();
    expect(elsewhere.explanation[0].code).toBe('practitioner_unavailable');
  });

  it("starts no earlier than the assessment's deferral allows", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const intake = healthyIntake('1990-04-12', today);
    const deferred = await startCourse(get(), practitioner, {
      ...intake,
      patient: { ...intake.patient, recentProcedures: [{ type: 'hair_transplant', date: monthAgo }] },
    });
    const result = (await findFor(practitioner, deferred.id, {})).json();
    expect(result.status).toBe('found');
    expect(result.earliestStart > today).toBe(true);
    expect(result.course.sessions[0].localDate >= result.earliestStart).toBe(true);
    // A later date asked for wins over the deferral; an earlier one does not undo it.
    expect((await findFor(practitioner, deferred.id, { earliestStart: '2030-02-04' })).json().earliestStart).toBe(
      '2030-02-04',
    );
    expect((await findFor(practitioner, deferred.id, { earliestStart: today })).json().earliestStart).toBe(
      result.earliestStart,
    );
    const early = await book(
      practitioner,
      deferred.id,
      asBooking(await proposal(practitioner, course.id, { locationId: locationId(), earliestStart: today })),
    );
    expect(early.statusCode).toBe(409);
    expect(early.json().problems.map((p: { code: string }) => p.code)).toContain('deferred');
  });

  it('finds a course for a plan given in the request', async () => {
    const plan = {
      sessions: { min: 4, max: 6 },
      intervalDays: { min: 7, max: 7 },
      durationMinutes: { min: 20, max: 30 },
      anaesthesia: { creamOffered: false, leadMinutes: { min: 0, max: 0 } },
    };
    const response = await reception.inject({
      method: 'POST',
      url: '/api/scheduling/course-proposals',
      payload: { locationId: locationId(), plan, earliestStart: '2030-01-09' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().course).toMatchObject({
      sessionMinutes: 30,
      firstDate: '2030-01-09',
      lastDate: '2030-01-30',
    });
    const bad = await reception.inject({
      method: 'POST',
      url: '/api/scheduling/course-proposals',
      payload: { locationId: locationId(), plan: { ...plan, intervalDays: { min: 7, max: 3 } } },
    });
    expect(bad.json().problems).toEqual([{ field: 'plan.intervalDays.max', message: 'must not be below min' }]);
  });

  it('validates finder requests and keeps them to staff of the clinic', async () => {
    const field = async (body: object) => (await findFor(practitioner, course.id, body)).json().problems?.[0]?.field;
    expect(await field({ sessions: course.plan.sessions.min - 1 })).toBe('sessions');
    expect(await field({ switchAfter: 2 })).toBe('switchAfter');
    expect(await field({ preferences: { weekdays: [8] } })).toBe('preferences.weekdays[0]');
    expect(await field({ preferences: { timesOfDay: [{ start: '15:00', end: '14:00' }] } })).toBe(
      'preferences.timesOfDay[0].end',
    );
    expect(await field({ earliestStart: '2030-02-30' })).toBe('earliestStart');
    expect(await field({ earliestStart: '9999-12-31' })).toBe('earliestStart');
    expect(await field({ locationId: 'nowhere' })).toBe('locationId');
    expect((await findFor(patient, course.id, {})).statusCode).toBe(403);
    const outsider = await get().signInElsewhere();
    expect((await findFor(outsider, course.id, {})).statusCode).toBe(404);
    expect((await findFor(practitioner, 'missing', {})).statusCode).toBe(404);
  });

  it('books a whole course in one go, keeping every interval and holding its slots', async () => {
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
    const past = afternoons.map((s) => ({ ...s, start: s.start.replace('2030', '2020') }));
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

  it('reschedules one session and re-flows the later ones in one transaction', async () => {
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
    const response = await reception.inject({
      method: 'POST',
      url: `/api/sessions/${original[1]!.id}/reschedule`,
      payload: { start: newStart },
    });
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
    const refused = await reception.inject({
      method: 'POST',
      url: `/api/sessions/${original[1]!.id}/reschedule`,
      payload: { start: weekend },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      error: 'not_possible',
      problems: [{ session: 2, code: 'no_working_hours_in_window' }],
    });
    const tooFar = new Date(Date.parse(original[0]!.scheduledAt) + 28 * 86_400_000).toISOString();
    expect(
      (
        await reception.inject({
          method: 'POST',
          url: `/api/sessions/${original[1]!.id}/reschedule`,
          payload: { start: tooFar },
        })
      ).json().problems[0].code,
    ).toBe('interval_window_blocked');
    expect((await sessionsOf(flowing.id)).map((s) => s.scheduledAt)).toEqual(
      sessions.map((s: { scheduledAt: string }) => s.scheduledAt),
    );

    const reschedule = (client: TestClient, id: string, payload: object) =>
      client.inject({ method: 'POST', url: `/api/sessions/${id}/reschedule`, payload });
    expect((await reschedule(reception, original[1]!.id, { start: '2030-06-20 09:00' })).json().problems[0].field).toBe(
      'start',
    );
    expect(
      (await reschedule(reception, original[1]!.id, { start: '9999-12-31T23:59:59Z' })).json().problems[0],
    ).toEqual({ field: 'start', message: 'must be within 10 years of today' });
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
    const cancelled = await reception.inject({ method: 'POST', url: `/api/sessions/${last.id}/cancel` });
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
    expect((await reception.inject({ method: 'POST', url: `/api/sessions/${last.id}/cancel` })).json().error).toBe(
      'session_closed',
    );

    expect(
      (await reception.inject({ method: 'POST', url: `/api/sessions/${booked[0].id}/no-show` })).json().error,
    ).toBe('not_started');
    const earlier = (
      await manual(taker.id, {
        scheduledAt: '2026-01-05T09:00:00Z',
        durationMinutes: 30,
        practitionerId: last.practitionerId,
      })
    ).json();
    expect(await get().repos.availability.listSlotClaims(earlier.id)).toHaveLength(2);
    const noShow = await reception.inject({ method: 'POST', url: `/api/sessions/${earlier.id}/no-show` });
    expect(noShow.json()).toMatchObject({ status: 'no_show' });
    expect(await get().repos.availability.listSlotClaims(earlier.id)).toEqual([]);

    expect((await patient.inject({ method: 'POST', url: `/api/sessions/${booked[0].id}/cancel` })).statusCode).toBe(
      403,
    );
    expect((await reception.inject({ method: 'POST', url: '/api/sessions/missing/cancel' })).statusCode).toBe(404);
    const audit = await get().repos.audit.list({
      clinicId: get().fixture.clinic.id,
      entity: 'treatment_session',
      action: 'update',
      limit: 200,
      offset: 0,
    });
    expect(audit.map((a) => a.entityId)).toEqual(expect.arrayContaining([last.id, earlier.id]));
  });

  it('keeps the later interval chosen at booking when a session is moved', async () => {
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
    const moved = await reception.inject({
      method: 'POST',
      url: `/api/sessions/${booked.sessions[4].id}/reschedule`,
      payload: { start },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().moved).toEqual([booked.sessions[4].id]);
  });

  it('books nothing into a course that is not active', async () => {
    const closed = await copyCourse(get(), course);
    await admin.inject({ method: 'PATCH', url: `/api/courses/${closed.id}`, payload: { status: 'cancelled' } });
    expect((await findFor(admin, closed.id, {})).json().error).toBe('course_not_active');
    expect(
      (await book(admin, closed.id, [{ start: '2030-11-04T09:00:00Z', practitionerId: 'p', roomId: 'r' }])).json()
        .error,
    ).toBe('course_not_active');
  });
});
