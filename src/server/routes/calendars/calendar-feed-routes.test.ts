import ICAL from 'ical.js';
import { beforeAll, expect, it } from 'vitest';
import { forEachApp, testPassword, type TestClient } from '../../../test-support/test-app.js';
import { asBooking, prepareLocation, proposal, startCourse } from '../../../test-support/scheduling-test-setup.js';
import { auditedRecords, clinicAudit } from '../../../test-support/audited-records.js';

const starts = (text: string) =>
  new ICAL.Component(ICAL.parse(text))
    .getAllSubcomponents('vevent')
    .map((v) => new ICAL.Event(v).startDate.toJSDate().toISOString());

forEachApp('calendar subscription addresses', (get) => {
  let practitioner: TestClient;
  let patient: TestClient;
  let booked: string[];

  beforeAll(async () => {
    [practitioner, patient] = await Promise.all([get().signIn('practitioner'), get().signIn('patient')]);
    const reception = await get().signIn('reception');
    const clinic = await prepareLocation(get());
    const course = await startCourse(get(), practitioner);
    // Inside a feed's window: from next fortnight on.
    const earliestStart = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    const sessions = asBooking(await proposal(reception, course.id, { locationId: clinic.location.id, earliestStart }));
    const response = await reception.inject({
      method: 'POST',
      url: `/api/courses/${course.id}/bookings`,
      payload: { locationId: clinic.location.id, sessions },
    });
    expect(response.statusCode, response.body).toBe(201);
    booked = (response.json().sessions as { scheduledAt: string }[]).map((s) => s.scheduledAt);
  });

  const subscribe = async (client: TestClient) => {
    const response = await client.inject({ method: 'POST', url: '/api/calendar-feed' });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().url as string;
  };
  const anonymous = (url: string) => get().app.inject({ method: 'GET', url });

  it('serves a practitioner their appointments at a secret address, with no sign-in, audited as them', async () => {
    const url = await subscribe(practitioner);
    expect(url).toMatch(/^\/api\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await anonymous(url);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(starts(feed.body)).toEqual(booked);
    expect(feed.body).toContain('Mesotherapy: Paula Patient');
    const audit = auditedRecords(
      await clinicAudit(get(), {
        userId: get().fixture.users.practitioner.id,
        entity: 'treatment_session',
        limit: 100,
      }),
    );
    expect(audit.filter((e) => e.route === 'GET /api/calendar-feeds/:token.ics')).toHaveLength(booked.length);
    expect((await practitioner.inject({ method: 'GET', url: '/api/calendar-feed' })).json()).toMatchObject({
      active: true,
    });
    // Only the hash is kept.
    const token = url.split('/').pop()!.replace('.ics', '');
    const stored = await get().db.selectFrom('calendar_feeds').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('serves a patient their own sessions, without clinical details', async () => {
    const feed = await anonymous(await subscribe(patient));
    expect(feed.statusCode).toBe(200);
    expect(starts(feed.body)).toEqual(booked);
    expect(feed.body).toContain('With Dr Pia Practitioner');
    expect(feed.body).not.toMatch(/hair|scalp|minoxidil/i);
  });

  it('ends an address when a new one is made, when it is revoked, and when the account is disabled', async () => {
    const first = await subscribe(practitioner);
    const second = await subscribe(practitioner);
    expect(second).not.toBe(first);
    expect((await anonymous(first)).statusCode).toBe(404);
    expect((await anonymous(second)).statusCode).toBe(200);

    expect((await practitioner.inject({ method: 'DELETE', url: '/api/calendar-feed' })).statusCode).toBe(204);
    expect((await anonymous(second)).statusCode).toBe(404);
    expect((await practitioner.inject({ method: 'GET', url: '/api/calendar-feed' })).json()).toEqual({
      active: false,
      createdAt: null,
    });

    const admin = await get().signIn('admin');
    const url = await subscribe(admin);
    expect((await anonymous(url)).statusCode).toBe(200);
    const disabled = await get().repos.users.update(get().fixture.users.admin.id, { active: false });
    expect(disabled?.active).toBe(false);
    expect((await anonymous(url)).statusCode).toBe(404);
    await get().repos.users.update(get().fixture.users.admin.id, { active: true });
  });

  it('answers unknown and malformed tokens with 404 or 400, and reception has no feed of its own', async () => {
    expect((await anonymous(`/api/calendar-feeds/${'A'.repeat(43)}.ics`)).statusCode).toBe(404);
    const malformed = await anonymous('/api/calendar-feeds/short.ics');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().problems[0].field).toBe('token');
    const reception = await get().signIn('reception');
    expect((await reception.inject({ method: 'POST', url: '/api/calendar-feed' })).statusCode).toBe(403);
  });

  it('stops the owner’s address for good on deactivation and on a new password, set by an admin or by them', async () => {
    const admin = await get().signIn('admin');
    const { users } = get().fixture;
    const patch = (id: string, payload: object) => admin.inject({ method: 'PATCH', url: `/api/users/${id}`, payload });
    const feedEnds = async () =>
      auditedRecords(await clinicAudit(get(), { entity: 'calendar_feed', limit: 100 })).filter(
        (e) => e.action === 'delete',
      );
    const key = (e: { id: string; entityId: string | null }) => `${e.id}/${e.entityId}`;
    const endedBefore = new Set((await feedEnds()).map(key));

    // A rename leaves the address alone.
    const practitionerFeed = await subscribe(await get().signIn('practitioner'));
    expect((await patch(users.practitioner.id, { displayName: 'Dr Pia Practitioner' })).statusCode).toBe(200);
    expect((await anonymous(practitionerFeed)).statusCode).toBe(200);
    // Deactivated, then active again: the address stays dead, like one that never was.
    expect((await patch(users.practitioner.id, { active: false })).statusCode).toBe(200);
    expect((await anonymous(practitionerFeed)).statusCode).toBe(404);
    expect((await patch(users.practitioner.id, { active: true })).statusCode).toBe(200);
    const dead = await anonymous(practitionerFeed);
    expect([dead.statusCode, dead.json().error]).toEqual([404, 'not_found']);
    const again = await get().signIn('practitioner');
    expect((await again.inject({ method: 'GET', url: '/api/calendar-feed' })).json()).toEqual({
      active: false,
      createdAt: null,
    });

    // A patient portal account: reset by an admin.
    const patientFeed = await subscribe(await get().signIn('patient'));
    const resetTo = 'Velvet-Harbour-Quartz-91';
    expect((await patch(users.patient.id, { password: resetTo })).statusCode).toBe(200);
    expect((await anonymous(patientFeed)).statusCode).toBe(404);

    // And changed by the patient: the address made before ends, the new password's session stays.
    const patientNow = await get().signInAs(users.patient.email, resetTo);
    const madeBefore = await subscribe(patientNow);
    expect((await anonymous(madeBefore)).statusCode).toBe(200);
    const changed = await patientNow.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: resetTo, newPassword: testPassword },
    });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await anonymous(madeBefore)).statusCode).toBe(404);
    expect((await patientNow.inject({ method: 'GET', url: '/api/calendar-feed' })).json().active).toBe(false);

    // Each ending is audited, on the route that caused it; the patient's name the patient.
    // (Making an address ends the one before: an earlier test's, here.)
    const ends = (await feedEnds()).filter((e) => !endedBefore.has(key(e)) && e.route !== 'POST /api/calendar-feed');
    expect(ends.map((e) => [e.route, e.patientId]).sort()).toEqual(
      [
        ['PATCH /api/users/:id', null],
        ['PATCH /api/users/:id', get().fixture.patient.id],
        ['POST /api/auth/password', get().fixture.patient.id],
      ].sort(),
    );
  });
});
