import type { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditedRecords, clinicAudit } from '../../../test-support/audited-records.js';
import { queryPlan, recordingQueries } from '../../../test-support/recorded-queries.js';
import { asBooking, copyCourse, proposal } from '../../../test-support/scheduling-test-setup.js';
import {
  forEachApp,
  signInClient,
  testAppConfig,
  testKnowledgeBase,
  testPassword,
  type TestClient,
} from '../../../test-support/test-app.js';
import type { App } from '../../app-types.js';
import { buildApp } from '../../build-app.js';
import { useSchedulingRoutes } from '../scheduling/test-support/scheduling-routes-setup.js';

interface CalendarJson {
  location: { id: string; timeZone: string };
  locations: { id: string; name: string }[];
  practitioners: { id: string; name: string; working: { start: string; end: string }[] }[];
  rooms: { id: string; name: string }[];
  open: { start: string; end: string }[];
  closures: { start: string; end: string; reason: string | null }[];
  sessions: Array<{
    id: string;
    patient: { id: string; firstName: string; lastName: string };
    scheduledAt: string;
    endsAt: string;
    practitionerName: string | null;
    roomName: string | null;
    status: string;
    number: number | null;
    of: number;
    flagVerdict?: string | null;
    course?: { indication: string; area: string };
    closure: { reason: string } | null;
    updatedAt: string;
  }>;
}

/**
 * The calendar's data: a location's week in one answer (sessions with every name, the columns,
 * working hours, opening hours and closures), the sessions from one query, as each role may see it.
 */
forEachApp('the clinic calendar', (get) => {
  const { setup, locationId, book } = useSchedulingRoutes(get);
  const calendar = (client: TestClient, query: Record<string, string>) =>
    client.inject({ method: 'GET', url: `/api/calendar?${new URLSearchParams(query)}` });
  // A week of the fixture's Berlin location, Monday to Monday (summer time: UTC+2).
  const week = { from: '2030-06-02T22:00:00Z', to: '2030-06-09T22:00:00Z' };
  let booked: { id: string; scheduledAt: string }[] = [];
  let recorded: { app: App; queries: CompiledQuery[] } | undefined;

  beforeAll(async () => {
    const { practitioner, admin, course } = setup();
    const copy = await copyCourse(get(), course);
    const proposed = await proposal(practitioner, copy.id, { locationId: locationId(), earliestStart: '2030-06-03' });
    booked = (await book(practitioner, copy.id, asBooking(proposed))).json().sessions;
    const closed = await admin.inject({
      method: 'POST',
      url: `/api/locations/${locationId()}/exceptions`,
      payload: { kind: 'days', from: '2030-06-07', to: '2030-06-07', reason: 'Staff training' },
    });
    expect(closed.statusCode, closed.body).toBe(201);
    const { db, queries } = recordingQueries(get().db);
    recorded = { app: await buildApp({ db, knowledgeBase: testKnowledgeBase(), config: testAppConfig() }), queries };
  });
  afterAll(async () => {
    await recorded?.app.close();
  });

  it('answers a location’s week: sessions with names and place in the course, columns, hours and closures', async () => {
    const { practitioner } = setup();
    const response = await calendar(practitioner, { ...week, locationId: locationId() });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as CalendarJson;
    expect(body.location).toMatchObject({ id: locationId(), timeZone: 'Europe/Berlin' });
    expect(body.locations.map((l) => l.id)).toContain(locationId());
    expect(body.rooms.map((r) => r.name)).toEqual(['Room 1', 'Room 2']);

    const fixturePractitioner = get().fixture.users.practitioner;
    const person = body.practitioners.find((p) => p.id === fixturePractitioner.id);
    expect(person?.name).toBe(fixturePractitioner.displayName);
    // 09:00-17:00 Berlin on the working days, less Friday's closure.
    expect(person?.working).toEqual(
      ['2030-06-03', '2030-06-04', '2030-06-05', '2030-06-06'].map((d) => ({
        start: `${d}T07:00:00.000Z`,
        end: `${d}T15:00:00.000Z`,
      })),
    );
    expect(body.closures).toEqual([
      { start: '2030-06-06T22:00:00.000Z', end: '2030-06-07T22:00:00.000Z', reason: 'Staff training' },
    ]);
    // No opening hours: open every hour but the closure.
    expect(body.open).toEqual(
      [
        { start: week.from, end: '2030-06-06T22:00:00.000Z' },
        { start: '2030-06-07T22:00:00.000Z', end: week.to },
      ].map((s) => ({ start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString() })),
    );

    const first = body.sessions.find((s) => s.id === booked[0]!.id);
    expect(first).toMatchObject({
      patient: { id: get().fixture.patient.id, firstName: get().fixture.patient.firstName },
      scheduledAt: booked[0]!.scheduledAt,
      practitionerName: fixturePractitioner.displayName,
      roomName: 'Room 1',
      status: 'planned',
      number: 1,
      of: booked.length,
      flagVerdict: null,
      course: { indication: 'hair_loss', area: expect.any(String) },
      closure: null,
    });
    expect(Date.parse(first!.endsAt) - Date.parse(first!.scheduledAt)).toBeGreaterThan(0);
    expect(body.sessions.every((s) => s.scheduledAt >= week.from && s.scheduledAt < week.to)).toBe(true);

    const audited = auditedRecords(
      await clinicAudit(get(), { entity: 'treatment_session', action: 'read', limit: 50 }),
    );
    expect(audited.map((a) => a.entityId)).toContain(booked[0]!.id);
  });

  it('leaves the clinical parts out for reception, and shows why a session was cancelled', async () => {
    const { reception } = setup();
    const cancelled = await reception.inject({
      method: 'POST',
      url: `/api/sessions/${booked[0]!.id}/cancel`,
      payload: { reason: 'Patient has a cold' },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    // Two weeks: the course's second session too.
    const body = (await calendar(reception, { from: week.from, to: '2030-06-16T22:00:00Z' })).json() as CalendarJson;
    const entry = body.sessions.find((s) => s.id === booked[0]!.id);
    expect(entry).toMatchObject({ status: 'cancelled', number: null, closure: { reason: 'Patient has a cold' } });
    expect(entry).not.toHaveProperty('flagVerdict');
    expect(entry).not.toHaveProperty('course');
    // The course lost one of its sessions: the next one is now the first of fewer.
    const next = body.sessions.find((s) => s.id === booked[1]!.id);
    expect(next).toMatchObject({ number: 1, of: booked.length - 1 });
  });

  it('answers a page of the columns: only the practitioners or rooms asked for, and whoever is not listed', async () => {
    const { practitioner } = setup();
    const shown = async (query: Record<string, string>) => {
      const response = await calendar(practitioner, { ...week, locationId: locationId(), ...query });
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json() as CalendarJson;
      // The columns themselves always come whole: the page is of sessions only.
      expect(body.rooms.map((r) => r.name)).toEqual(['Room 1', 'Room 2']);
      return body.sessions.map((s) => s.id);
    };
    const all = await shown({});
    expect(all).toContain(booked[0]!.id);
    const { practitioner: listed } = get().fixture.users;
    expect(await shown({ practitionerIds: listed.id })).toEqual(all);
    // Another page: the listed practitioner's sessions are left out.
    expect(await shown({ practitionerIds: 'someone-else' })).not.toContain(booked[0]!.id);

    const body = (await calendar(practitioner, { ...week, locationId: locationId() })).json() as CalendarJson;
    const room = (name: string) => body.rooms.find((r) => r.name === name)!.id;
    const inRoom1 = body.sessions.filter((s) => s.roomName === 'Room 1').map((s) => s.id);
    expect(inRoom1).toContain(booked[0]!.id);
    expect(await shown({ roomIds: room('Room 1') })).toEqual(all);
    const room2Page = await shown({ roomIds: room('Room 2') });
    expect(room2Page.filter((id) => inRoom1.includes(id))).toEqual([]);
    expect(room2Page).toEqual(all.filter((id) => !inRoom1.includes(id)));
    expect(await shown({ roomIds: `${room('Room 1')},${room('Room 2')}` })).toEqual(all);

    for (const [field, value] of [
      ['practitionerIds', 'a,,b'],
      ['practitionerIds', ''],
      ['roomIds', 'not an id'],
      ['roomIds', Array.from({ length: 101 }, (_, i) => `r${i}`).join(',')],
    ] as const) {
      const response = await calendar(practitioner, { ...week, [field]: value });
      expect(response.statusCode, `${field}=${value}`).toBe(400);
      expect(response.json().problems[0].field).toBe(field);
    }
  });

  it('reads the sessions in one query', async () => {
    const client = await signInClient(recorded!.app, get().fixture.users.reception.email, testPassword);
    recorded!.queries.length = 0;
    const response = await client.inject({ method: 'GET', url: `/api/calendar?${new URLSearchParams(week)}` });
    expect(response.statusCode).toBe(200);
    const sessionQueries = recorded!.queries.filter((q) => q.sql.includes('treatment_sessions'));
    expect(sessionQueries).toHaveLength(1);
    // SQLite, which plans without statistics, as it will at scale: index ranges and lookups only.
    // (PostgreSQL plans the few rows of a test database as it likes.)
    if (get().engine === 'sqlite') {
      const plan = await queryPlan(get().db, 'sqlite', sessionQueries[0]!);
      expect(plan.join('\n')).toContain(
        'USING INDEX treatment_sessions_dashboard_idx (location_id=? AND scheduled_at>?',
      );
      expect(plan.filter((step) => /^SCAN /.test(step.trim()))).toEqual([]);
    }
  });

  it('turns bad windows away naming the field, and another clinic’s location is not found', async () => {
    const { practitioner } = setup();
    const field = async (query: Record<string, string>) => {
      const response = await calendar(practitioner, query);
      expect(response.statusCode, response.body).toBe(400);
      return response.json().problems[0].field;
    };
    // Either end may be left out: a week from the other one.
    const defaulted = (await calendar(practitioner, { to: week.to })).json() as CalendarJson;
    expect(defaulted.sessions.map((s) => s.id)).toContain(booked[0]!.id);
    expect(await field({ from: week.from, to: week.from })).toBe('to');
    expect(await field({ from: week.from, to: '2030-06-20T00:00:00Z' })).toBe('to');
    expect(await field({ from: '2030-06-02 22:00', to: week.to })).toBe('from');
    expect(await field({ ...week, locationId: 'not an id' })).toBe('locationId');
    const elsewhere = await get().createOtherClinic();
    expect((await calendar(practitioner, { ...week, locationId: elsewhere.location.id })).statusCode).toBe(404);
    const patient = await get().signIn('patient');
    expect((await calendar(patient, week)).statusCode).toBe(403);
  });
});
