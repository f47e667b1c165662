import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { buildDashboardClinic } from '../../server/routes/dashboard/test-support/dashboard-clinic.js';
import { dashboardWindow } from '../../services/dashboard/dashboard-window.js';
import { argon2idHasher } from '../../services/accounts/password-hasher.js';
import { createClinicFixture } from '../../test-support/clinic-fixture.js';
import { seededRandom } from '../seed-large/seeded-random.js';
import { forEachEngine } from '../../test-support/test-databases.js';
import { engineOf, type Db } from '../create-database.js';
import { recountDashboardRollups } from '../dashboard-rollups.js';
import { dashboardRowPanels } from './dashboard-row-panels.js';
import type { DashboardQuery } from './dashboard-repository.js';
import { createRepositories } from './repositories.js';

/**
 * The counters the triggers keep give the same figures as counting the rows, after inserts, changes of
 * every counted column and deletes, for windows in zones ahead of and behind UTC (partial first and
 * last UTC days) and across a change of clock; and counting them again from the rows changes nothing.
 */

const zones = ['Europe/Berlin', 'America/St_Johns', 'Asia/Kathmandu', 'UTC'];
const windows = [
  { from: '2026-03-20', to: '2026-04-05' },
  { from: '2026-03-29', to: '2026-03-29' },
  { from: '2025-04-06', to: '2026-04-05' },
];

/**
 * Rows of the same key added up (the row queries answer a day once per part they read: sessions at
 * a location and without one), then sorted, so that the two ways of counting compare whatever order
 * and split their rows come in.
 */
function canonical(rows: readonly object[]): string[] {
  const sums = new Map<string, Record<string, number>>();
  for (const row of rows) {
    const entries = Object.entries(row);
    const key = JSON.stringify(entries.filter(([, v]) => typeof v !== 'number'));
    const sum = sums.get(key) ?? {};
    for (const [k, v] of entries) if (typeof v === 'number') sum[k] = (sum[k] ?? 0) + v;
    sums.set(key, sum);
  }
  // A group whose counts are all nothing (a practitioner's cancelled sessions only) says nothing.
  return [...sums]
    .filter(([, sum]) => Object.values(sum).some((n) => n !== 0))
    .map(([key, sum]) => `${key} ${JSON.stringify(sum)}`)
    .sort();
}

async function scramble(db: Db, clinicId: string, seed: number) {
  const random = seededRandom(seed);
  const { pick } = random;
  const shift = (at: string) =>
    new Date(Date.parse(at) + Math.round((random.next() - 0.5) * 3 * 86_400_000)).toISOString();
  const sessions = await db
    .selectFrom('treatment_sessions as s')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .innerJoin('patients as p', 'p.id', 'c.patient_id')
    .select(['s.id', 's.scheduled_at', 's.status'])
    .where('p.clinic_id', '=', clinicId)
    .execute();
  for (const s of sessions) {
    const roll = random.next();
    if (roll < 0.2)
      await db
        .updateTable('treatment_sessions')
        .set({ status: pick(['planned', 'done', 'cancelled', 'no_show'] as const) })
        .where('id', '=', s.id)
        .execute();
    else if (roll < 0.35)
      await db
        .updateTable('treatment_sessions')
        .set({ scheduled_at: shift(s.scheduled_at), duration_minutes: pick([null, 15, 40]) })
        .where('id', '=', s.id)
        .execute();
    else if (roll < 0.4)
      await db
        .updateTable('treatment_sessions')
        .set({ room_id: null, location_id: null })
        .where('id', '=', s.id)
        .execute();
  }
  const courses = await db
    .selectFrom('courses as c')
    .innerJoin('patients as p', 'p.id', 'c.patient_id')
    .select(['c.id', 'c.updated_at'])
    .where('p.clinic_id', '=', clinicId)
    .execute();
  for (const c of courses)
    await db
      .updateTable('courses')
      .set({ status: pick(['completed', 'active'] as const), updated_at: shift(c.updated_at) })
      .where('id', '=', c.id)
      .execute();
  await db
    .updateTable('side_effect_reports')
    .set({ ongoing: sql`1 - ongoing`, triage_level: 'urgent' })
    .where('id', 'in', (eb) => eb.selectFrom('side_effect_reports').select('id').limit(3))
    .execute();
  const payments = await db
    .selectFrom('payments')
    .select(['id', 'received_at'])
    .where('clinic_id', '=', clinicId)
    .execute();
  for (const p of payments)
    if (random.next() < 0.3) await db.deleteFrom('payments').where('id', '=', p.id).execute();
    else
      await db
        .updateTable('payments')
        .set({ received_at: shift(p.received_at), method: 'card' })
        .where('id', '=', p.id)
        .execute();
}

forEachEngine('dashboard counters', (getDb) => {
  let clinicId: string;

  beforeAll(async () => {
    const db = getDb();
    const repos = createRepositories(db);
    const passwordHash = await argon2idHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 }).hash('unused pw');
    const tag = `counters-${engineOf(db)}-${process.pid}`;
    const clinic = await createClinicFixture(repos, { tag, passwordHash });
    const stranger = await createClinicFixture(repos, { tag: `${tag}-other`, passwordHash });
    await buildDashboardClinic(db, clinic, stranger);
    clinicId = clinic.clinic.id;
  });

  async function compareAll() {
    const db = getDb();
    const counted = createRepositories(db).dashboard;
    const rows = dashboardRowPanels(db, engineOf(db) === 'postgres');
    for (const timeZone of zones)
      for (const w of windows) {
        const q: DashboardQuery = dashboardWindow(w, { clinicId, timeZone }, new Date('2026-04-06T12:00:00Z')).query;
        const label = `${timeZone} ${w.from}..${w.to}`;
        expect(canonical(await counted.sessionsByDay(q)), label).toEqual(canonical(await rows.sessionsByDay(q)));
        expect(canonical(await counted.bookedTime(q, 50)), label).toEqual(canonical(await rows.bookedTime(q, 50)));
        expect(canonical(await counted.coursesCompletedByDay(q)), label).toEqual(
          canonical(await rows.coursesCompletedByDay(q)),
        );
        expect(canonical(await counted.sideEffectsByLevel(q)), label).toEqual(
          canonical(await rows.sideEffectsByLevel(q)),
        );
        expect(canonical(await counted.takingsByDay(q)), label).toEqual(canonical(await rows.takingsByDay(q)));
      }
    return (await counted.sessionsByDay(dashboardWindow(windows[0]!, { clinicId, timeZone: 'UTC' }, new Date()).query))
      .length;
  }

  it('counts as the rows do, as written and after every counted column changes', async () => {
    expect(await compareAll()).toBeGreaterThan(5);
    await scramble(getDb(), clinicId, 7);
    await compareAll();
    await scramble(getDb(), clinicId, 8);
    await compareAll();
  });

  it('counting again from the rows gives what the triggers kept', async () => {
    const db = getDb();
    const before = await db
      .selectFrom('dashboard_session_quarters' as never)
      .selectAll()
      .execute();
    await recountDashboardRollups(db);
    await compareAll();
    const after = await db
      .selectFrom('dashboard_session_quarters' as never)
      .selectAll()
      .execute();
    // The recount leaves out counts taken back to nothing; every other counter is the same.
    const nonZero = (rows: readonly Record<string, unknown>[]) =>
      canonical(rows.filter((r) => Number(r.sessions) !== 0));
    expect(nonZero(after)).toEqual(nonZero(before));
  });
});
