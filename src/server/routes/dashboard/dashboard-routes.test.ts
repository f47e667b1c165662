import { beforeAll, expect, it } from 'vitest';
import { forEachApp, testPassword, type TestClient } from '../../../test-support/test-app.js';
import {
  buildDashboardClinic,
  localDateOf,
  window,
  windowDates,
  zone,
  type DashboardClinic,
} from './test-support/dashboard-clinic.js';

interface DashboardBody {
  from: string;
  to: string;
  timeZone: string;
  sessions: {
    days: { date: string; planned: number; done: number; cancelled: number; noShow: number; total: number }[];
    totals: { planned: number; done: number; cancelled: number; noShow: number; total: number };
  };
  noShows: { days: { date: string; noShows: number; rate: number | null }[]; total: number; rate: number | null };
  utilisation: Record<
    'practitioners' | 'rooms',
    { id: string; sessions: number; bookedMinutes: number; availableMinutes: number; utilisation: number | null }[]
  >;
  coursesCompleted: { days: { date: string; courses: number }[]; total: number };
  takings: {
    currencies: {
      currency: string;
      totalMinor: number;
      byMethod: Record<string, number>;
      days: { date: string; totalMinor: number; cash: number; card: number; transfer: number }[];
    }[];
  };
  sideEffects?: { levels: { level: string; reports: number; open: number }[]; reports: number; open: number };
  signals?: { open: number; acknowledged: number };
}

const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);

/** The dashboard over a Berlin clinic whose figures the fixture counted from the rows it wrote. */
forEachApp('dashboard routes', (get) => {
  let built: DashboardClinic;
  let admin: TestClient;
  let reception: TestClient;
  const url = `/api/dashboard?from=${window.from}&to=${window.to}`;
  const load = async (client: TestClient, address = url) => {
    const response = await client.inject({ method: 'GET', url: address });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as DashboardBody;
  };

  beforeAll(async () => {
    const app = get();
    built = await buildDashboardClinic(app.db, await app.createOtherClinic(), app.fixture);
    const users = built.clinic.users;
    [admin, reception] = await Promise.all([
      app.signInAs(users.admin.email, testPassword),
      app.signInAs(users.reception.email, testPassword),
    ]);
  });

  it('counts sessions per local day and status, across the change of clock and the window edges', async () => {
    const body = await load(admin);
    expect(body).toMatchObject({ from: window.from, to: window.to, timeZone: zone });
    const dates = windowDates(window.from, window.to);
    expect(body.sessions.days.map((d) => d.date)).toEqual(dates);
    for (const day of body.sessions.days) {
      const want = built.expected.sessionsByDay.get(day.date) ?? { planned: 0, done: 0, cancelled: 0, no_show: 0 };
      expect(day, day.date).toEqual({
        date: day.date,
        planned: want.planned,
        done: want.done,
        cancelled: want.cancelled,
        noShow: want.no_show,
        total: want.planned + want.done + want.cancelled + want.no_show,
      });
    }
    const all = [...built.expected.sessionsByDay.values()];
    expect(body.sessions.totals.total).toBe(sum(all.map((d) => d.planned + d.done + d.cancelled + d.no_show)));
    expect(body.sessions.totals.total).toBeGreaterThan(40);
    const noShows = sum(all.map((d) => d.no_show));
    expect(body.noShows.total).toBe(noShows);
    expect(body.noShows.rate).toBeCloseTo(noShows / (noShows + sum(all.map((d) => d.done))), 3);
  });

  it('measures booked minutes against working and opening minutes, per practitioner and per room', async () => {
    const body = await load(admin);
    const { ids, expected } = built;
    for (const [kind, list] of [
      ['practitioners', [ids.p1, ids.p2]],
      ['rooms', [ids.r1, ids.r2, ids.r3]],
    ] as const) {
      expect(body.utilisation[kind].map((r) => r.id).sort()).toEqual([...list].sort());
      for (const id of list) {
        const booked = expected.booked[kind].get(id) ?? 0;
        const available = expected.available[kind].get(id) ?? 0;
        const row = body.utilisation[kind].find((r) => r.id === id);
        expect(row, `${kind} ${id}`).toMatchObject({ bookedMinutes: booked, availableMinutes: available });
        expect(row?.utilisation).toBeCloseTo(booked / available, 3);
      }
    }
    expect(sum(expected.booked.rooms.values())).toBeGreaterThan(0);
  });

  it('counts courses completed per local day, side effects by level, open signals, takings per day and currency', async () => {
    const body = await load(admin);
    const { expected } = built;
    for (const day of body.coursesCompleted.days)
      expect(day.courses, day.date).toBe(expected.coursesByDay.get(day.date) ?? 0);
    expect(body.coursesCompleted.total).toBe(sum(expected.coursesByDay.values()));
    expect(body.coursesCompleted.total).toBeGreaterThan(0);

    for (const level of body.sideEffects?.levels ?? [])
      expect(level, level.level).toMatchObject(expected.sideEffects.get(level.level) ?? { reports: 0, open: 0 });
    expect(body.sideEffects?.open).toBe(sum([...expected.sideEffects.values()].map((l) => l.open)));
    expect(body.signals).toEqual(expected.signals);
    expect(expected.signals.open).toBeGreaterThan(0);

    expect(body.takings.currencies.map((c) => c.currency).sort()).toEqual([...expected.takings.keys()].sort());
    for (const series of body.takings.currencies) {
      const byDate = expected.takings.get(series.currency)!;
      for (const day of series.days) {
        const want = byDate.get(day.date) ?? { cash: 0, card: 0, transfer: 0 };
        expect(day, `${series.currency} ${day.date}`).toEqual({
          date: day.date,
          ...want,
          totalMinor: sum(Object.values(want)),
        });
      }
      expect(series.totalMinor).toBe(sum([...byDate.values()].map((d) => sum(Object.values(d)))));
    }
  });

  it('shows reception the operations and takings but not the clinical panels; others are refused', async () => {
    const seen = await load(reception);
    expect(seen.sessions).toEqual((await load(admin)).sessions);
    expect(seen.takings.currencies.length).toBeGreaterThan(0);
    expect(seen).not.toHaveProperty('sideEffects');
    expect(seen).not.toHaveProperty('signals');
    const users = built.clinic.users;
    for (const user of [users.practitioner, users.patient]) {
      const client = await get().signInAs(user.email, testPassword);
      expect((await client.inject({ method: 'GET', url })).statusCode).toBe(403);
    }
  });

  it('defaults to the last 30 clinic-local days, today included', async () => {
    const body = await load(admin, '/api/dashboard');
    const today = localDateOf(new Date().toISOString());
    expect(body.to).toBe(today);
    expect(windowDates(body.from, body.to)).toHaveLength(30);
    expect(body.sessions.days).toHaveLength(30);
  });

  it('refuses a window backwards, longer than 366 days or badly written, naming the field', async () => {
    const refused = async (query: string, field: string) => {
      const response = await admin.inject({ method: 'GET', url: `/api/dashboard?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().problems.map((p: { field: string }) => p.field)).toContain(field);
    };
    await refused('from=2026-04-05&to=2026-04-04', 'to');
    await refused('from=2025-01-01&to=2026-01-02', 'to');
    await refused('from=2026-02-30', 'from');
    await refused('to=20260101', 'to');
    await refused('from=1990-01-01&to=1990-01-31', 'from');
    // 366 days is the longest window allowed.
    expect((await load(admin, '/api/dashboard?from=2025-01-01&to=2026-01-01')).sessions.days).toHaveLength(366);
  });
});
