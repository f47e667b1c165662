import { beforeAll, expect, it } from 'vitest';
import type { CourseRecord } from '../../../core/records/index.js';
import { forEachApp, signInRoles, type TestClient } from '../../../test-support/test-app.js';
import { proposal, startCourse } from '../../../test-support/scheduling-test-setup.js';

/** Opening hours and closures an admin sets through the API: the course finder books around both. */
forEachApp('opening hours and closures', (get) => {
  let admin: TestClient;
  let practitioner: TestClient;
  let reception: TestClient;
  let course: CourseRecord;

  const locationUrl = (path = '') => `/api/locations/${get().fixture.location.id}${path}`;
  const setOpening = (payload: object, client = admin) =>
    client.inject({ method: 'PUT', url: locationUrl('/opening-hours'), payload });
  const find = async (earliestStart = '2030-01-07') =>
    proposal(reception, course.id, { locationId: get().fixture.location.id, earliestStart });
  const allDay = [{ start: '07:00', end: '21:00' }];

  beforeAll(async () => {
    ({ admin, practitioner, reception } = await signInRoles(get(), ['admin', 'practitioner', 'reception']));
    await admin.inject({ method: 'PATCH', url: locationUrl(), payload: { timeZone: 'Europe/Berlin' } });
    await admin.inject({ method: 'POST', url: locationUrl('/rooms'), payload: { name: 'Room A' } });
    // She would work any day from 07:00: only the location's hours hold her back.
    const hours = await admin.inject({
      method: 'PUT',
      url: locationUrl(`/practitioners/${get().fixture.users.practitioner.id}/hours`),
      payload: { weeklyHours: { 1: allDay, 2: allDay, 3: allDay, 4: allDay, 5: allDay, 6: allDay, 7: allDay } },
    });
    if (hours.statusCode !== 200) throw new Error(hours.body);
    course = await startCourse(get(), practitioner);
  });

  it('sets opening hours per weekday, which the finder keeps every session inside', async () => {
    expect((await find())[0]).toMatchObject({ localDate: '2030-01-07', localStart: '07:00' });
    const week = {
      2: [{ start: '10:00', end: '13:00' }],
      3: [
        { start: '09:00', end: '12:00' },
        { start: '14:00', end: '18:00' },
      ],
    };
    const set = await setOpening({ weeklyHours: week });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ locationId: get().fixture.location.id, weeklyHours: week });
    const view = await reception.inject({ method: 'GET', url: locationUrl('/availability') });
    expect(view.json().location.openingHours).toEqual(week);

    const sessions = await find();
    // 2030-01-07 is a Monday: closed. Tuesdays open at 10:00.
    expect(sessions[0]).toMatchObject({ localDate: '2030-01-08', localStart: '10:00' });
    for (const s of sessions) {
      const weekday = new Date(`${s.localDate}T12:00:00Z`).getUTCDay();
      expect([2, 3]).toContain(weekday);
      const spans = weekday === 2 ? week[2] : week[3];
      expect(spans.some((span) => span.start <= s.localStart && s.localStart < span.end)).toBe(true);
    }
  });

  it('avoids a closure an admin adds, and books the day again once it is removed', async () => {
    const closure = await admin.inject({
      method: 'POST',
      url: locationUrl('/exceptions'),
      payload: { kind: 'days', from: '2030-01-08', to: '2030-01-09', reason: 'Staff training' },
    });
    expect(closure.statusCode, closure.body).toBe(201);
    const sessions = await find();
    expect(sessions.map((s) => s.localDate)).not.toContain('2030-01-08');
    expect(sessions.map((s) => s.localDate)).not.toContain('2030-01-09');
    // Monday the 14th is closed every week: the next open day is Tuesday the 15th.
    expect(sessions[0]).toMatchObject({ localDate: '2030-01-15', localStart: '10:00' });

    const removed = await admin.inject({ method: 'DELETE', url: `/api/availability-exceptions/${closure.json().id}` });
    expect(removed.statusCode).toBe(204);
    expect((await find())[0]).toMatchObject({ localDate: '2030-01-08', localStart: '10:00' });
  });

  it('refuses malformed hours, naming the field, and lets only admins set them', async () => {
    const field = async (payload: object) => (await setOpening(payload)).json().problems?.[0]?.field;
    expect(await field({ weeklyHours: { 1: [{ start: '18:00', end: '09:00' }] } })).toBe('weeklyHours.1[0].end');
    expect(await field({ weeklyHours: { 9: [] } })).toBe('weeklyHours');
    expect(await field({})).toBe('weeklyHours');
    expect((await setOpening({ weeklyHours: null }, practitioner)).statusCode).toBe(403);
    const outsider = await get().signInElsewhere();
    expect((await setOpening({ weeklyHours: null }, outsider)).statusCode).toBe(404);
    // Nothing changed by the refusals.
    expect(
      (await reception.inject({ method: 'GET', url: locationUrl('/availability') })).json().location.openingHours,
    ).toHaveProperty('2');
  });

  it('removes the opening hours with null: always open again', async () => {
    const cleared = await setOpening({ weeklyHours: null });
    expect(cleared.json()).toEqual({ locationId: get().fixture.location.id, weeklyHours: null, updatedAt: null });
    expect(
      (await reception.inject({ method: 'GET', url: locationUrl('/availability') })).json().location.openingHours,
    ).toBeNull();
    expect((await find())[0]).toMatchObject({ localDate: '2030-01-07', localStart: '07:00' });
  });
});
