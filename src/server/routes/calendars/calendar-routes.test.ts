import ICAL from 'ical.js';
import { beforeAll, expect, it } from 'vitest';
import { forEachApp, signInRoles, type TestClient } from '../../../test-support/test-app.js';
import type { CourseRecord } from '../../../core/records/index.js';
import {
  asBooking,
  prepareLocation,
  proposal,
  startCourse,
  type SchedulingClinic,
} from '../../../test-support/scheduling-test-setup.js';
import { createSampleCourse } from '../../../test-support/stored-records.js';

function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  return { root, events: root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

forEachApp('calendar feeds', (get) => {
  let practitioner: TestClient;
  let reception: TestClient;
  let patient: TestClient;
  let clinic: SchedulingClinic;
  let course: CourseRecord;
  let sessions: Array<{ id: string; scheduledAt: string; durationMinutes: number }>;

  beforeAll(async () => {
    ({ practitioner, reception, patient } = await signInRoles(get(), ['practitioner', 'reception', 'patient']));
    clinic = await prepareLocation(get());
    course = await startCourse(get(), practitioner);
    // Two sessions in winter time, two after the clocks go forward on 2030-03-31.
    const proposed = await proposal(reception, course.id, {
      locationId: clinic.location.id,
      earliestStart: '2030-03-18',
    });
    const booked = await reception.inject({
      method: 'POST',
      url: `/api/courses/${course.id}/bookings`,
      payload: { locationId: clinic.location.id, sessions: asBooking(proposed) },
    });
    sessions = booked.json().sessions;
  });

  const courseFeed = (client: TestClient, id = course.id) =>
    client.inject({ method: 'GET', url: `/api/courses/${id}/calendar.ics` });
  const practitionerFeed = (client: TestClient, id: string, query = '') =>
    client.inject({ method: 'GET', url: `/api/practitioners/${id}/calendar.ics${query}` });

  it("gives a patient their course in the clinic's zone, parsed back to the booked instants across a DST change", async () => {
    const response = await courseFeed(patient);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const { root, events } = parse(response.body);
    expect(root.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Berlin');
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(sessions.map((s) => s.scheduledAt));
    expect(events.map((e) => e.endDate.toUnixTime() - e.startDate.toUnixTime())).toEqual(
      sessions.map((s) => s.durationMinutes * 60),
    );
    // The same wall-clock time on both sides of the change: 08:00Z in March's winter time, 07:00Z after.
    expect(events.map((e) => [e.startDate.zone?.tzid, e.startDate.hour, e.startDate.minute])).toEqual(
      sessions.map(() => ['Europe/Berlin', 9, 0]),
    );
    expect(sessions.map((s) => s.scheduledAt.slice(11, 16))).toEqual(['08:00', '08:00', '07:00', '07:00']);
    expect(events.map((e) => e.uid)).toEqual(sessions.map((s) => `${s.id}@mesodesk`));
    expect(events[0]).toMatchObject({
      summary: 'Mesotherapy session 1 of 4',
      description: 'With Dr Pia Practitioner',
      location: 'Main room, Room 1',
    });
    expect(response.body).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
    // Nothing clinical in a feed that phones sync.
    expect(response.body).not.toMatch(/hair|scalp|minoxidil/i);
  });

  it("gives practitioners their own appointments, and reception and admins anyone's", async () => {
    const { fixture } = get();
    /** The fixture practitioner's feed as `client` asks for it, between two instants. */
    const theirs = (client: TestClient, from: string, to: string) =>
      practitionerFeed(client, fixture.users.practitioner.id, `?from=${from}&to=${to}`);
    const own = await theirs(practitioner, '2030-01-01T00:00:00Z', '2030-12-31T00:00:00Z');
    expect(own.statusCode).toBe(200);
    const { events } = parse(own.body);
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(sessions.map((s) => s.scheduledAt));
    expect(events[0]!.summary).toBe('Mesotherapy: Paula Patient');
    expect((await theirs(reception, '2030-01-01T00:00:00Z', '2030-12-31T00:00:00Z')).statusCode).toBe(200);
    const outside = parse(
      (await theirs(await get().signIn('admin'), '2031-01-01T00:00:00Z', '2031-02-01T00:00:00Z')).body,
    );
    expect(outside.events).toEqual([]);

    expect((await practitionerFeed(practitioner, fixture.users.admin.id)).statusCode).toBe(403);
    expect((await practitionerFeed(patient, fixture.users.practitioner.id)).statusCode).toBe(403);
    expect((await practitionerFeed(reception, fixture.users.reception.id)).statusCode).toBe(404);
    expect((await practitionerFeed(reception, 'missing')).statusCode).toBe(404);
    expect(
      (await practitionerFeed(reception, fixture.users.practitioner.id, '?from=yesterday')).json().problems[0].field,
    ).toBe('from');
    expect((await theirs(reception, '2030-02-01T00:00:00Z', '2030-01-01T00:00:00Z')).json().problems[0].field).toBe(
      'to',
    );
    expect((await theirs(reception, '2030-01-01T00:00:00Z', '2033-01-01T00:00:00Z')).statusCode).toBe(400);
    const audit = await get().repos.audit.list({
      clinicId: fixture.clinic.id,
      entity: 'treatment_session',
      action: 'read',
      userId: fixture.users.reception.id,
      limit: 200,
      offset: 0,
    });
    expect(audit.map((a) => a.route)).toContain('GET /api/practitioners/:id/calendar.ics');
  });

  it("leaves cancelled sessions out, and keeps other patients' and clinics' courses hidden", async () => {
    await reception.inject({ method: 'POST', url: `/api/sessions/${sessions[3]!.id}/cancel` });
    const { events } = parse((await courseFeed(reception)).body);
    expect(events.map((e) => e.uid)).toEqual(sessions.slice(0, 3).map((s) => `${s.id}@mesodesk`));
    expect(events[2]!.summary).toBe('Mesotherapy session 3 of 3');

    const { repos, fixture } = get();
    const theirs = await createSampleCourse(repos, fixture.otherPatient.id);
    expect((await courseFeed(patient, theirs.id)).statusCode).toBe(404);
    expect((await courseFeed(practitioner, theirs.id)).statusCode).toBe(200);
    expect(parse((await courseFeed(practitioner, theirs.id)).body).events).toEqual([]);
    const outsider = await get().signInElsewhere();
    expect((await courseFeed(outsider)).statusCode).toBe(404);
    expect((await practitionerFeed(outsider, fixture.users.practitioner.id)).statusCode).toBe(404);
    expect((await courseFeed(patient, 'missing')).statusCode).toBe(404);
  });
});
