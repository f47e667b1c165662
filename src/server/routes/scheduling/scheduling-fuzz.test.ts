import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { forEachApp, type TestClient } from '../../../test-support/test-app.js';
import { asBooking, copyCourse, prepareLocation, proposal, startCourse } from '../../scheduling/scheduling-test-setup.js';

const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('\u0000', '\ud800', '24:00', '23:60', '9999-12-31', '0000-01-01', '2030-01-07T09:00', '+275760-09-13T00:00:00Z', '9999-12-31T23:59:59Z', '__proto__', '1e400'),
);
const nastyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    nastyString,
    fc.integer(),
    fc.double(),
    fc.constantFrom(0, -1, 7, 8, 2 ** 53, 1e308),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(nastyString, tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** A valid body with one field, possibly nested in arrays, replaced by something hostile. */
function mutated(base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const paths = (value: unknown, prefix: (string | number)[] = []): (string | number)[][] =>
    value && typeof value === 'object'
      ? Object.entries(value).flatMap(([k, v]) => {
          const key = Array.isArray(value) ? Number(k) : k;
          return [[...prefix, key], ...paths(v, [...prefix, key])];
        })
      : [];
  return fc.tuple(fc.constantFrom(...paths(base)), nastyValue).map(([path, value]) => {
    const copy = structuredClone(base);
    let target = copy as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
    target[path[path.length - 1] ?? ''] = value;
    return copy;
  });
}

forEachApp('scheduling routes take any input without a server error', (get) => {
  let admin: TestClient;
  const targets: Array<{ method: 'POST' | 'PUT'; url: string; base: Record<string, unknown> }> = [];

  beforeAll(async () => {
    admin = await get().signIn('admin');
    const { location } = await prepareLocation(get());
    const { fixture } = get();
    const course = await startCourse(get(), admin);
    const proposed = await proposal(admin, course.id, { locationId: location.id, earliestStart: '2030-01-07' });
    const booked = (await admin.inject({ method: 'POST', url: `/api/courses/${course.id}/bookings`, payload: { locationId: location.id, sessions: asBooking(proposed) } })).json();
    const fresh = await copyCourse(get(), course);
    const finder = { locationId: location.id, sessions: 4, earliestStart: '2030-02-04', horizonDays: 60, preferences: { weekdays: [1, 2], timesOfDay: [{ start: '09:00', end: '12:00' }], practitionerId: fixture.users.practitioner.id } };
    const plan = { sessions: { min: 4, max: 6 }, intervalDays: { min: 7, max: 14 }, laterIntervalDays: { min: 14, max: 30 }, durationMinutes: { min: 20, max: 30 }, anaesthesia: { creamOffered: true, leadMinutes: { min: 20, max: 30 } } };
    targets.push(
      { method: 'POST', url: `/api/courses/${fresh.id}/course-proposals`, base: finder },
      { method: 'POST', url: '/api/scheduling/course-proposals', base: { ...finder, plan, switchAfter: 2 } },
      { method: 'POST', url: `/api/courses/${fresh.id}/bookings`, base: { locationId: location.id, sessions: asBooking(proposed).map((s) => ({ ...s, start: s.start.replace('2030-01', '2030-03') })), preferences: { weekdays: [1] } } },
      { method: 'POST', url: `/api/sessions/${booked.sessions[1].id}/reschedule`, base: { start: booked.sessions[1].scheduledAt, practitionerId: fixture.users.practitioner.id, preferences: { timesOfDay: [{ start: '09:00', end: '17:00' }] } } },
      { method: 'PUT', url: `/api/locations/${location.id}/practitioners/${fixture.users.admin.id}/hours`, base: { weeklyHours: { 1: [{ start: '09:00', end: '17:00' }] }, roomIds: [] } },
      { method: 'POST', url: `/api/locations/${location.id}/exceptions`, base: { kind: 'hours', start: '2031-01-01T09:00', end: '2031-01-01T10:00', practitionerId: fixture.users.admin.id, reason: 'x' } },
    );
  });

  it('answers hostile bodies with 4xx (or success), never 5xx', async () => {
    for (const target of targets) {
      await fc.assert(
        fc.asyncProperty(fc.oneof(mutated(target.base), nastyValue), async (body) => {
          const response = await admin.inject({ method: target.method, url: target.url, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) ?? 'null' });
          expect(response.statusCode, `${target.method} ${target.url} ${JSON.stringify(body)} → ${response.body}`).toBeLessThan(500);
        }),
        { numRuns: 40 },
      );
    }
  });

  it('answers hostile query strings and ids with 4xx, never 5xx', async () => {
    const { fixture } = get();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/api/maintenance-recalls', `/api/practitioners/${fixture.users.practitioner.id}/calendar.ics`), fc.dictionary(fc.constantFrom('from', 'to', 'limit', 'offset'), nastyString, { maxKeys: 3 }), async (url, query) => {
        const response = await admin.inject({ method: 'GET', url, query });
        expect(response.statusCode, `${url} ${JSON.stringify(query)} → ${response.body}`).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });
});
