import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { nastyString, nastyValue } from '../../../test-support/hostile-values.js';
import { forEachApp, type TestClient } from '../../../test-support/test-app.js';
import {
  asBooking,
  copyCourse,
  prepareLocation,
  proposal,
  startCourse,
} from '../../../test-support/scheduling-test-setup.js';
import { expectNoServerErrorForBodies } from '../../../test-support/hostile-bodies.js';

/** Hostile values, with the times and dates at the edges of what scheduling accepts. */
const hostileOptions = {
  strings: [
    '24:00',
    '23:60',
    '9999-12-31',
    '0000-01-01',
    '2030-01-07T09:00',
    '+275760-09-13T00:00:00Z',
    '9999-12-31T23:59:59Z',
  ],
  numbers: [7, 8],
};
const nastyText = nastyString(hostileOptions.strings);
const hostile = nastyValue(hostileOptions);

forEachApp('scheduling routes take any input without a server error', (get) => {
  let admin: TestClient;
  const targets: Array<{ method: 'POST' | 'PUT'; url: string; base: Record<string, unknown> }> = [];

  beforeAll(async () => {
    admin = await get().signIn('admin');
    const { location } = await prepareLocation(get());
    const { fixture } = get();
    const course = await startCourse(get(), admin);
    const proposed = await proposal(admin, course.id, { locationId: location.id, earliestStart: '2030-01-07' });
    const booked = (
      await admin.inject({
        method: 'POST',
        url: `/api/courses/${course.id}/bookings`,
        payload: { locationId: location.id, sessions: asBooking(proposed) },
      })
    ).json();
    const fresh = await copyCourse(get(), course);
    const finder = {
      locationId: location.id,
      sessions: 4,
      earliestStart: '2030-02-04',
      horizonDays: 60,
      preferences: {
        weekdays: [1, 2],
        timesOfDay: [{ start: '09:00', end: '12:00' }],
        practitionerId: fixture.users.practitioner.id,
      },
    };
    const plan = {
      sessions: { min: 4, max: 6 },
      intervalDays: { min: 7, max: 14 },
      laterIntervalDays: { min: 14, max: 30 },
      durationMinutes: { min: 20, max: 30 },
      anaesthesia: { creamOffered: true, leadMinutes: { min: 20, max: 30 } },
    };
    targets.push(
      { method: 'POST', url: `/api/courses/${fresh.id}/course-proposals`, base: finder },
      { method: 'POST', url: '/api/scheduling/course-proposals', base: { ...finder, plan, switchAfter: 2 } },
      {
        method: 'POST',
        url: `/api/courses/${fresh.id}/bookings`,
        base: {
          locationId: location.id,
          sessions: asBooking(proposed).map((s) => ({ ...s, start: s.start.replace('2030-01', '2030-03') })),
          preferences: { weekdays: [1] },
        },
      },
      {
        method: 'POST',
        url: `/api/sessions/${booked.sessions[1].id}/reschedule`,
        base: {
          start: booked.sessions[1].scheduledAt,
          practitionerId: fixture.users.practitioner.id,
          preferences: { timesOfDay: [{ start: '09:00', end: '17:00' }] },
        },
      },
      {
        method: 'PUT',
        url: `/api/locations/${location.id}/practitioners/${fixture.users.admin.id}/hours`,
        base: { weeklyHours: { 1: [{ start: '09:00', end: '17:00' }] }, roomIds: [] },
      },
      {
        method: 'POST',
        url: `/api/locations/${location.id}/exceptions`,
        base: {
          kind: 'hours',
          start: '2031-01-01T09:00',
          end: '2031-01-01T10:00',
          practitionerId: fixture.users.admin.id,
          reason: 'x',
        },
      },
    );
  });

  it('answers hostile bodies with 4xx (or success), never 5xx', async () => {
    await expectNoServerErrorForBodies(admin, targets, hostile);
  });

  it('answers hostile query strings and ids with 4xx, never 5xx', async () => {
    const { fixture } = get();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/api/maintenance-recalls', `/api/practitioners/${fixture.users.practitioner.id}/calendar.ics`),
        fc.dictionary(fc.constantFrom('from', 'to', 'limit', 'offset'), nastyText, { maxKeys: 3 }),
        async (url, query) => {
          const response = await admin.inject({ method: 'GET', url, query });
          expect(response.statusCode, `${url} ${JSON.stringify(query)} → ${response.body}`).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
  });
});
