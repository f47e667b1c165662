import { beforeAll, expect, it } from 'vitest';
import type { CourseRecord } from '../../../core/records/index.js';
import { prepareLocation, startCourse, type SchedulingClinic } from '../../../test-support/scheduling-test-setup.js';
import { forEachApp, signInRoles, type TestClient } from '../../../test-support/test-app.js';

/**
 * Dates kept to a sane range wherever one is given (issue 23): sessions from a year back to five
 * years ahead, birth dates from 1900 to today. Out of range is a 400 naming the field, never a 500
 * (`9999-12-31T23:00:00Z` was one: its local date is in the year 10000) nor a session in year 9999.
 */
const DAY_MS = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY_MS);
const at = (days: number) => daysFromNow(days).toISOString();
const on = (days: number) => at(days).slice(0, 10);
const outOfRange = (field: string) => [
  { field, message: expect.stringMatching(/^must be between \d{4}-\d\d-\d\d and/) },
];

forEachApp('dates in range', (get) => {
  let admin: TestClient;
  let reception: TestClient;
  let clinic: SchedulingClinic;
  let course: CourseRecord;

  beforeAll(async () => {
    let practitioner: TestClient;
    ({ admin, reception, practitioner } = await signInRoles(get(), ['admin', 'reception', 'practitioner']));
    clinic = await prepareLocation(get());
    course = await startCourse(get(), practitioner);
  });

  const book = (scheduledAt: string) =>
    reception.inject({ method: 'POST', url: `/api/courses/${course.id}/sessions`, payload: { scheduledAt } });

  it('books a session from a year back to five years ahead, and refuses one outside naming scheduledAt', async () => {
    for (const scheduledAt of [
      '9999-12-31T23:00:00Z',
      '9999-12-31T22:59:59Z',
      at(-400),
      at(6 * 366),
      '1970-01-01T00:00:00Z',
    ]) {
      const refused = await book(scheduledAt);
      expect(refused.statusCode, scheduledAt).toBe(400);
      expect(refused.json().problems, scheduledAt).toEqual(outOfRange('scheduledAt'));
    }
    // An offset that carries the time past year 9999 is not a date and time this API takes at all.
    expect((await book('9999-12-31T23:00:00-05:00')).json().problems[0].field).toBe('scheduledAt');
    for (const scheduledAt of [at(-330), at(4 * 365)])
      expect((await book(scheduledAt)).statusCode, scheduledAt).toBe(201);
    const years = (await reception.inject({ method: 'GET', url: `/api/courses/${course.id}/sessions` }))
      .json()
      .sessions.map((s: { scheduledAt: string }) => Number(s.scheduledAt.slice(0, 4)));
    expect(Math.max(...years)).toBeLessThan(new Date().getUTCFullYear() + 6);
  });

  it('moves a session only within the same range', async () => {
    const session = (await book(at(30))).json();
    const moveTo = (scheduledAt: string) =>
      reception.inject({ method: 'PATCH', url: `/api/sessions/${session.id}`, payload: { scheduledAt } });
    expect((await moveTo('9999-12-31T22:59:59Z')).json().problems).toEqual(outOfRange('scheduledAt'));
    expect((await moveTo(at(60))).statusCode).toBe(200);
    const reschedule = await reception.inject({
      method: 'POST',
      url: `/api/sessions/${session.id}/reschedule`,
      payload: { start: at(7 * 365) },
    });
    expect(reschedule.json().problems).toEqual(outOfRange('start'));
  });

  it('searches for a course and takes time off only within the range', async () => {
    const proposal = await reception.inject({
      method: 'POST',
      url: `/api/courses/${course.id}/course-proposals`,
      payload: { locationId: clinic.location.id, earliestStart: on(6 * 366) },
    });
    expect(proposal.json().problems).toEqual(outOfRange('earliestStart'));
    const exception = (payload: object) =>
      admin.inject({ method: 'POST', url: `/api/locations/${clinic.location.id}/exceptions`, payload });
    expect((await exception({ kind: 'days', from: '9999-12-30', to: '9999-12-31' })).json().problems).toEqual(
      outOfRange('from'),
    );
    expect((await exception({ kind: 'days', from: on(10), to: on(9 * 365) })).json().problems).toEqual(
      outOfRange('to'),
    );
    expect(
      (await exception({ kind: 'hours', start: '2019-03-01T09:00', end: '2019-03-01T12:00' })).json().problems,
    ).toEqual(outOfRange('start'));
    expect((await exception({ kind: 'days', from: on(10), to: on(12) })).statusCode).toBe(201);
  });

  it('takes birth dates from 1900-01-01 to today, naming birthDate otherwise', async () => {
    const register = (birthDate: string) =>
      reception.inject({
        method: 'POST',
        url: '/api/patients',
        payload: { firstName: 'Old', lastName: 'Age', birthDate },
      });
    expect((await register('1899-12-31')).json().problems).toEqual([
      { field: 'birthDate', message: 'must be 1900-01-01 or later' },
    ]);
    expect((await register('0990-05-01')).statusCode).toBe(400);
    expect((await register(on(1))).json().problems).toEqual([
      { field: 'birthDate', message: 'must not be in the future' },
    ]);
    const oldest = await register('1900-01-01');
    expect(oldest.statusCode).toBe(201);
    expect((await register(on(0))).statusCode).toBe(201);
    const change = await reception.inject({
      method: 'PATCH',
      url: `/api/patients/${oldest.json().id}`,
      payload: { birthDate: '1066-10-14' },
    });
    expect(change.json().problems).toEqual([{ field: 'birthDate', message: 'must be 1900-01-01 or later' }]);
  });
});
