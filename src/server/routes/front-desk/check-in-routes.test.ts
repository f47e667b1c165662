import { beforeAll, expect, it } from 'vitest';
import { forEachApp, signInRoles, type TestClient } from '../../../test-support/test-app.js';
import { createSampleCourse } from '../../../test-support/stored-records.js';

const dayMs = 86_400_000;

/** Midnight (UTC, the fixture location's zone) of today, and an instant between it and now: always today. */
function today() {
  const midnight = new Date(new Date().toISOString().slice(0, 10)).getTime();
  return { midnight, earlier: new Date((midnight + Date.now()) / 2).toISOString() };
}

forEachApp('check-in', (get) => {
  let clients: Record<'admin' | 'reception' | 'patient', TestClient>;
  const ids = { today: '', tomorrow: '', cancelled: '', racing: '', others: '' };

  beforeAll(async () => {
    const test = get();
    const { repos, fixture } = test;
    clients = await signInRoles(test, ['admin', 'reception', 'patient']);
    const course = await createSampleCourse(repos, fixture.patient.id);
    const at = (scheduledAt: string) =>
      repos.treatmentSessions.create({ courseId: course.id, scheduledAt, durationMinutes: 45 });
    const { midnight, earlier } = today();
    ids.today = (await at(earlier)).id;
    ids.racing = (await at(earlier)).id;
    ids.tomorrow = (await at(new Date(midnight + 1.5 * dayMs).toISOString())).id;
    ids.cancelled = (await at(earlier)).id;
    await repos.treatmentSessions.update(ids.cancelled, { status: 'cancelled' });
    const elsewhere = await test.createOtherClinic();
    const theirs = await createSampleCourse(repos, elsewhere.patient.id);
    ids.others = (await repos.treatmentSessions.create({ courseId: theirs.id, scheduledAt: earlier })).id;
  });

  const checkIn = (client: TestClient, sessionId: string) =>
    client.inject({ method: 'POST', url: `/api/sessions/${sessionId}/check-in` });
  const arrivals = async () => {
    const { midnight } = today();
    const from = new Date(midnight).toISOString();
    const to = new Date(midnight + dayMs).toISOString();
    const response = await clients.reception.inject({
      method: 'GET',
      url: `/api/front-desk/arrivals?from=${from}&to=${to}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().entries as {
      session: { id: string };
      checkIn: { checkedInAt: string; checkedInByName: string } | null;
    }[];
  };

  it('marks the patient arrived once, stores when and by whom, and lists who is waiting since when', async () => {
    const { fixture, repos } = get();
    const before = Date.now();
    const response = await checkIn(clients.reception, ids.today);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      sessionId: ids.today,
      checkedInBy: fixture.users.reception.id,
      checkedInByName: fixture.users.reception.displayName,
    });
    const at = Date.parse(response.json().checkedInAt);
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(await repos.frontDesk.findCheckIn(ids.today)).toMatchObject({
      checkedInAt: response.json().checkedInAt,
      checkedInBy: fixture.users.reception.id,
    });

    const again = await checkIn(clients.admin, ids.today);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: 'already_checked_in', checkedInAt: response.json().checkedInAt });

    const list = await arrivals();
    const byId = new Map(list.map((a) => [a.session.id, a]));
    expect(byId.get(ids.today)?.checkIn).toMatchObject({
      checkedInAt: response.json().checkedInAt,
      checkedInByName: fixture.users.reception.displayName,
    });
    expect(byId.get(ids.cancelled)?.checkIn).toBeNull();
    expect(byId.has(ids.tomorrow)).toBe(false);
    expect(byId.has(ids.others)).toBe(false);
    // Without a window: today, where the clinic is.
    const today = await clients.reception.inject({ method: 'GET', url: '/api/front-desk/arrivals' });
    expect(today.json().entries.map((a: { session: { id: string } }) => a.session.id)).toEqual(
      list.map((a) => a.session.id),
    );

    const audit = (
      await clients.admin.inject({
        method: 'GET',
        url: `/api/audit?entity=session_check_in&patientId=${fixture.patient.id}`,
      })
    ).json().entries;
    expect(
      audit.map((e: { action: string; entityId: string; role: string }) => [e.action, e.entityId, e.role]),
    ).toEqual([
      ['read', ids.today, 'reception'],
      ['read', ids.today, 'reception'],
      ['create', ids.today, 'reception'],
    ]);
  });

  it('refuses another day, a closed session, another clinic, patients, and a bad window, changing nothing', async () => {
    const tomorrow = await checkIn(clients.reception, ids.tomorrow);
    expect(tomorrow.statusCode).toBe(409);
    expect(tomorrow.json().error).toBe('not_today');
    expect((await checkIn(clients.reception, ids.cancelled)).json().error).toBe('session_closed');
    expect((await checkIn(clients.reception, ids.others)).statusCode).toBe(404);
    expect((await checkIn(clients.patient, ids.today)).statusCode).toBe(403);
    const { midnight } = today();
    const week = await clients.reception.inject({
      method: 'GET',
      url: `/api/front-desk/arrivals?from=${new Date(midnight).toISOString()}&to=${new Date(midnight + 7 * dayMs).toISOString()}`,
    });
    expect(week.statusCode).toBe(400);
    expect(week.json().problems[0].field).toBe('to');
    const half = await clients.reception.inject({
      method: 'GET',
      url: `/api/front-desk/arrivals?from=${new Date(midnight).toISOString()}`,
    });
    expect(half.json().problems).toEqual([{ field: 'to', message: 'required with from (leave both out for today)' }]);
    for (const id of [ids.tomorrow, ids.cancelled, ids.others])
      expect(await get().repos.frontDesk.findCheckIn(id)).toBeUndefined();
  });

  it("lists one location's day when asked, and refuses another clinic's location", async () => {
    const { repos, fixture } = get();
    const second = await repos.clinics.createLocation({ clinicId: fixture.clinic.id, name: 'Second site' });
    const course = await createSampleCourse(repos, fixture.patient.id);
    const { midnight, earlier } = today();
    const at = async (locationId: string) =>
      (await repos.treatmentSessions.create({ courseId: course.id, scheduledAt: earlier, locationId })).id;
    const here = await at(fixture.location.id);
    const there = await at(second.id);
    const day = `from=${new Date(midnight).toISOString()}&to=${new Date(midnight + dayMs).toISOString()}`;
    const list = async (query: string) =>
      (await clients.reception.inject({ method: 'GET', url: `/api/front-desk/arrivals?${query}` })).json().entries as {
        session: { id: string };
      }[];
    expect((await list(`${day}&locationId=${second.id}`)).map((a) => a.session.id)).toEqual([there]);
    const main = (await list(`${day}&locationId=${fixture.location.id}`)).map((a) => a.session.id);
    expect(main).toContain(here);
    expect(main).not.toContain(there);
    // Without a location: every location's sessions, and those at none.
    const all = (await list(day)).map((a) => a.session.id);
    expect(all).toEqual(expect.arrayContaining([here, there, ids.today]));
    // Today without a window, at the location asked.
    const todayThere = await list(`locationId=${second.id}`);
    expect(todayThere.map((a) => a.session.id)).toEqual([there]);

    const elsewhere = await get().createOtherClinic();
    const foreign = await clients.reception.inject({
      method: 'GET',
      url: `/api/front-desk/arrivals?${day}&locationId=${elsewhere.location.id}`,
    });
    expect(foreign.statusCode).toBe(404);
    const bad = await clients.reception.inject({ method: 'GET', url: `/api/front-desk/arrivals?locationId=%20` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().problems[0].field).toBe('locationId');
    await repos.treatmentSessions.update(here, { status: 'cancelled' });
    await repos.treatmentSessions.update(there, { status: 'cancelled' });
  });

  it('gives one check-in and one 409 to two desks at once', async () => {
    const [a, b] = await Promise.all([checkIn(clients.reception, ids.racing), checkIn(clients.admin, ids.racing)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
  });

  it('undoes a check-in made by mistake, audited, and then has none to undo', async () => {
    const undo = () => clients.reception.inject({ method: 'DELETE', url: `/api/sessions/${ids.today}/check-in` });
    expect((await undo()).statusCode).toBe(204);
    expect((await arrivals()).find((a) => a.session.id === ids.today)?.checkIn).toBeNull();
    expect((await undo()).statusCode).toBe(404);
    const [latest] = (
      await clients.admin.inject({
        method: 'GET',
        url: `/api/audit?entity=session_check_in&action=delete&patientId=${get().fixture.patient.id}`,
      })
    ).json().entries;
    expect(latest).toMatchObject({ entityId: ids.today, role: 'reception' });
    expect((await checkIn(clients.reception, ids.today)).statusCode).toBe(201);
  });
});
