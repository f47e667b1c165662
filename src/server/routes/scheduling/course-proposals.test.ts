import { expect, it } from 'vitest';
import { sessionLengthMinutes } from '../../../core/scheduling/session-length.js';
import { healthyIntake } from '../../../test-support/intake-examples.js';
import { asBooking, proposal, startCourse } from '../../../test-support/scheduling-test-setup.js';
import { forEachApp } from '../../../test-support/test-app.js';
import { useSchedulingRoutes } from './test-support/scheduling-routes-setup.js';

/** The course finder behind the routes: what it proposes, why it finds nothing, and who may ask. */
forEachApp('course proposals', (get) => {
  const { setup, locationId, findFor, book } = useSchedulingRoutes(get);

  it("proposes the earliest course from the course's plan, every interval inside the plan's window", async () => {
    const { reception, clinic, course } = setup();
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
    const { practitioner, course } = setup();
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
    const { practitioner, course } = setup();
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
    const { reception } = setup();
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
    const { practitioner, patient, course } = setup();
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
});
