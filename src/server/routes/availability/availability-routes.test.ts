import { beforeAll, expect, it } from 'vitest';
import type { CourseRecord } from '../../../core/records/index.js';
import { forEachApp, signInRoles, type TestClient } from '../../../test-support/test-app.js';
import { proposal, startCourse } from '../../../test-support/scheduling-test-setup.js';

forEachApp('availability routes', (get) => {
  let admin: TestClient;
  let practitioner: TestClient;
  let reception: TestClient;
  let patient: TestClient;
  let roomIds: string[];
  let course: CourseRecord;

  const week = {
    1: [
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ],
    3: [{ start: '09:00', end: '17:00' }],
  };
  const locationUrl = (path = '') => `/api/locations/${get().fixture.location.id}${path}`;
  const hoursUrl = (practitionerId: string) => locationUrl(`/practitioners/${practitionerId}/hours`);
  const putHours = (client: TestClient, practitionerId: string, payload: object = { weeklyHours: week }) =>
    client.inject({ method: 'PUT', url: hoursUrl(practitionerId), payload });
  const removeException = (client: TestClient, id: string) =>
    client.inject({ method: 'DELETE', url: `/api/availability-exceptions/${id}` });

  beforeAll(async () => {
    ({ admin, practitioner, reception, patient } = await signInRoles(get()));
    await admin.inject({ method: 'PATCH', url: locationUrl(), payload: { timeZone: 'Europe/Berlin' } });
    roomIds = [];
    for (const name of ['Room A', 'Room B'])
      roomIds.push((await admin.inject({ method: 'POST', url: locationUrl('/rooms'), payload: { name } })).json().id);
    course = await startCourse(get(), practitioner);
  });

  it('sets working weeks (admins for anyone, practitioners their own) and shows them to reception', async () => {
    const { fixture } = get();
    const set = await putHours(admin, fixture.users.practitioner.id, { weeklyHours: week, roomIds: [roomIds[1]] });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({
      practitionerId: fixture.users.practitioner.id,
      weeklyHours: week,
      roomIds: [roomIds[1]],
    });
    const own = await putHours(practitioner, fixture.users.practitioner.id);
    expect(own.json()).toMatchObject({ weeklyHours: week, roomIds: null });
    expect((await putHours(practitioner, fixture.users.admin.id)).statusCode).toBe(403);
    expect((await putHours(reception, fixture.users.practitioner.id)).statusCode).toBe(403);

    const view = await reception.inject({ method: 'GET', url: locationUrl('/availability') });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      location: { id: fixture.location.id, timeZone: 'Europe/Berlin' },
      hours: [{ practitionerId: fixture.users.practitioner.id, weeklyHours: week }],
    });
    expect(view.json().rooms.map((r: { name: string }) => r.name)).toEqual(['Room A', 'Room B']);
    expect((await patient.inject({ method: 'GET', url: locationUrl('/availability') })).statusCode).toBe(403);
  });

  it('refuses malformed working weeks, naming the field', async () => {
    const { fixture } = get();
    const field = async (payload: object, id = fixture.users.practitioner.id) => {
      const response = await putHours(admin, id, payload);
      return [response.statusCode, response.json().problems?.[0]?.field];
    };
    expect(await field({ weeklyHours: { 1: [{ start: '17:00', end: '09:00' }] } })).toEqual([
      400,
      'weeklyHours.1[0].end',
    ]);
    expect(await field({ weeklyHours: { 1: [{ start: '9:00', end: '17:00' }] } })).toEqual([
      400,
      'weeklyHours.1[0].start',
    ]);
    expect(await field({ weeklyHours: { 2: [{ start: '09:00', end: '24:30' }] } })).toEqual([
      400,
      'weeklyHours.2[0].end',
    ]);
    expect(await field({ weeklyHours: { 8: [] } })).toEqual([400, 'weeklyHours']);
    expect(await field({ weeklyHours: 'weekdays' })).toEqual([400, 'weeklyHours']);
    expect(await field({ weeklyHours: week, roomIds: ['nowhere'] })).toEqual([400, 'roomIds[0]']);
    expect(await field({ weeklyHours: week, roomIds: [roomIds[0], roomIds[0]] })).toEqual([400, 'roomIds']);
    expect((await field({ weeklyHours: week }, fixture.users.reception.id))[0]).toBe(404);
    expect((await field({ weeklyHours: week }, 'missing'))[0]).toBe(404);
    const outsider = await get().signInElsewhere();
    expect((await outsider.inject({ method: 'GET', url: locationUrl('/availability') })).statusCode).toBe(404);
    expect((await putHours(outsider, fixture.users.practitioner.id)).statusCode).toBe(404);
  });

  it('adds and removes time off and closures, which the course finder then books around', async () => {
    const { fixture } = get();
    await putHours(admin, fixture.users.practitioner.id, {
      weeklyHours: { 1: [{ start: '09:00', end: '17:00' }], 2: [{ start: '09:00', end: '17:00' }] },
    });
    const find = async () =>
      (await proposal(reception, course.id, { locationId: fixture.location.id, earliestStart: '2030-01-07' }))[0]!;
    expect(await find()).toMatchObject({ localDate: '2030-01-07', localStart: '09:00' });

    const closure = await admin.inject({
      method: 'POST',
      url: locationUrl('/exceptions'),
      payload: { kind: 'days', from: '2030-01-07', to: '2030-01-07', reason: 'Holiday' },
    });
    expect(closure.statusCode).toBe(201);
    expect(closure.json()).toMatchObject({
      kind: 'days',
      from: '2030-01-07',
      to: '2030-01-07',
      practitionerId: null,
      reason: 'Holiday',
    });
    const timeOff = await practitioner.inject({
      method: 'POST',
      url: locationUrl('/exceptions'),
      payload: {
        kind: 'hours',
        start: '2030-01-08T09:00',
        end: '2030-01-08T12:00',
        practitionerId: fixture.users.practitioner.id,
      },
    });
    expect(timeOff.statusCode).toBe(201);
    expect(await find()).toMatchObject({ localDate: '2030-01-08', localStart: '12:00' });
    expect(
      (await reception.inject({ method: 'GET', url: locationUrl('/availability') }))
        .json()
        .exceptions.map((e: { id: string }) => e.id),
    ).toEqual([closure.json().id, timeOff.json().id]);

    expect((await removeException(practitioner, closure.json().id)).statusCode).toBe(403);
    expect((await removeException(practitioner, timeOff.json().id)).statusCode).toBe(204);
    expect((await removeException(admin, closure.json().id)).statusCode).toBe(204);
    expect((await removeException(admin, closure.json().id)).statusCode).toBe(404);
    expect(await find()).toMatchObject({ localDate: '2030-01-07', localStart: '09:00' });
  });

  it('refuses malformed exceptions and exceptions for others', async () => {
    const { fixture } = get();
    const post = (client: TestClient, payload: object) =>
      client.inject({ method: 'POST', url: locationUrl('/exceptions'), payload });
    const field = async (payload: object) => (await post(admin, payload)).json().problems?.[0]?.field;
    expect(await field({ kind: 'days', from: '2030-01-08', to: '2030-01-07' })).toBe('to');
    expect(await field({ kind: 'hours', start: '2030-01-08T12:00', end: '2030-01-08T09:00' })).toBe('end');
    expect(await field({ kind: 'hours', start: '2030-01-08T09:00Z', end: '2030-01-08T12:00' })).toBe('start');
    expect(await field({ kind: 'days', from: '2030-02-30', to: '2030-03-01' })).toBe('from');
    expect(await field({ kind: 'weeks', from: '2030-01-07', to: '2030-01-08' })).toBe('kind');
    expect(
      await field({ kind: 'days', from: '2030-01-07', to: '2030-01-08', practitionerId: fixture.users.reception.id }),
    ).toBe('practitionerId');
    expect((await post(practitioner, { kind: 'days', from: '2030-01-07', to: '2030-01-08' })).statusCode).toBe(403);
    expect(
      (
        await post(practitioner, {
          kind: 'days',
          from: '2030-01-07',
          to: '2030-01-08',
          practitionerId: fixture.users.admin.id,
        })
      ).statusCode,
    ).toBe(403);
    expect((await post(reception, { kind: 'days', from: '2030-01-07', to: '2030-01-08' })).statusCode).toBe(403);
    expect(
      (
        await admin.inject({
          method: 'POST',
          url: '/api/locations/missing/exceptions',
          payload: { kind: 'days', from: '2030-01-07', to: '2030-01-08' },
        })
      ).statusCode,
    ).toBe(404);
    expect((await removeException(admin, 'missing')).statusCode).toBe(404);
  });

  it('removes a working week', async () => {
    const { fixture } = get();
    await putHours(practitioner, fixture.users.practitioner.id);
    expect(
      (await practitioner.inject({ method: 'DELETE', url: hoursUrl(fixture.users.practitioner.id) })).statusCode,
    ).toBe(204);
    expect(
      (await practitioner.inject({ method: 'DELETE', url: hoursUrl(fixture.users.practitioner.id) })).statusCode,
    ).toBe(404);
    expect((await reception.inject({ method: 'GET', url: locationUrl('/availability') })).json().hours).toEqual([]);
    const none = await reception.inject({
      method: 'POST',
      url: `/api/courses/${course.id}/course-proposals`,
      payload: { locationId: fixture.location.id, earliestStart: '2030-01-07' },
    });
    expect(none.json()).toMatchObject({ status: 'not_found' });
  });
});
