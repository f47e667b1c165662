import type { SessionStatus } from '../../../../core/records/index.js';
import type { SafetySignal } from '../../../../core/safety-signals/signal-types.js';
import { sampleRateSignal } from '../../../../test-support/sample-signal.js';
import type { Db } from '../../../../storage/create-database.js';
import { createRepositories } from '../../../../storage/repositories/repositories.js';
import type { ClinicFixture } from '../../../../test-support/clinic-fixture.js';
import { createSampleCourse, createSamplePatient, createStaff } from '../../../../test-support/stored-records.js';

/**
 * A small clinic in Berlin for the dashboard tests, with sessions, completed courses, side-effect
 * reports and payments around a window that holds the spring change of clock (2026-03-29), and the
 * figures the dashboard should show for that window, counted here from the rows as written: local
 * dates through Intl (not the server's offsets), working minutes from the hours as set, by hand.
 */

export const window = { from: '2026-03-20', to: '2026-04-05' } as const;
export const zone = 'Europe/Berlin';

const berlinDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: zone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
export const localDateOf = (instant: string) => berlinDate.format(new Date(instant));
const inWindow = (date: string) => date >= window.from && date <= window.to;

export function windowDates(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T12:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1))
    out.push(d.toISOString().slice(0, 10));
  return out;
}
const isoWeekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay() || 7;

interface PlannedSession {
  at: string;
  status: SessionStatus;
  duration: number | null;
  practitioner: 'p1' | 'p2' | null;
  room: 'r1' | 'r2' | 'r3' | null;
  /** No location: the session counts through its patient. */
  located: boolean;
}

/** Sessions spread over the window and its edges: every 7 h 13 min, statuses and lengths cycling. */
function plannedSessions(): PlannedSession[] {
  const statuses: SessionStatus[] = ['done', 'done', 'no_show', 'planned', 'cancelled', 'done'];
  const durations = [30, 45, 60, null, 20];
  const sessions: PlannedSession[] = [];
  const start = Date.parse('2026-03-19T20:00:00Z');
  for (let i = 0; i < 64; i++) {
    const at = new Date(start + i * (7 * 60 + 13) * 60_000).toISOString();
    sessions.push({
      at,
      status: statuses[i % statuses.length]!,
      duration: durations[i % durations.length]!,
      practitioner: i % 7 === 6 ? null : i % 3 === 0 ? 'p2' : 'p1',
      room: i % 5 === 4 ? null : i % 4 === 0 ? 'r2' : i % 9 === 0 ? 'r3' : 'r1',
      located: i % 11 !== 10,
    });
  }
  // The edges: 00:00 local on the first day and 23:59 on the last are in; a minute either side is not.
  // After the change of clock, 00:30 local is 22:30 UTC the day before.
  for (const at of [
    '2026-03-19T22:59:00.000Z',
    '2026-03-19T23:00:00.000Z',
    '2026-04-01T22:30:00.000Z',
    '2026-04-05T21:59:00.000Z',
    '2026-04-05T22:00:00.000Z',
  ])
    sessions.push({ at, status: 'done', duration: 30, practitioner: 'p1', room: 'r1', located: true });
  return sessions;
}

export interface Expected {
  sessionsByDay: Map<string, Record<SessionStatus, number>>;
  booked: { practitioners: Map<string, number>; rooms: Map<string, number> };
  available: { practitioners: Map<string, number>; rooms: Map<string, number> };
  coursesByDay: Map<string, number>;
  sideEffects: Map<string, { reports: number; open: number }>;
  takings: Map<string, Map<string, Record<'cash' | 'card' | 'transfer', number>>>;
  signals: { open: number; acknowledged: number };
}

export interface DashboardClinic {
  clinic: ClinicFixture;
  ids: { p1: string; p2: string; r1: string; r2: string; r3: string };
  expected: Expected;
}

/** Working minutes set below, counted by hand per local date (a spring-forward night is outside every span). */
function expectedAvailable(ids: DashboardClinic['ids']): Expected['available'] {
  const practitioners = new Map<string, number>([
    [ids.p1, 0],
    [ids.p2, 0],
  ]);
  const rooms = new Map<string, number>([
    [ids.r1, 0],
    [ids.r2, 0],
    [ids.r3, 0],
  ]);
  const add = (map: Map<string, number>, id: string, minutes: number) => map.set(id, (map.get(id) ?? 0) + minutes);
  for (const date of windowDates(window.from, window.to)) {
    const wd = isoWeekday(date);
    const closed = date === '2026-04-03';
    const weekday = wd <= 5;
    // Location A: open Mon-Fri 09:00-18:00, closed on 3 April; rooms r1 and r2 count its opening hours.
    if (weekday && !closed) {
      add(rooms, ids.r1, 540);
      add(rooms, ids.r2, 540);
    }
    // p1 at A: Mon-Fri 09:00-17:00, off 25-26 March.
    if (weekday && !closed && date !== '2026-03-25' && date !== '2026-03-26') add(practitioners, ids.p1, 480);
    // p2 at A: Mon and Wed 08:00-12:00, cut to the opening hours (09:00-12:00).
    if ((wd === 1 || wd === 3) && !closed) add(practitioners, ids.p2, 180);
    // p2 at B (no opening hours, Istanbul): Tue 10:00-14:00 and Tue 13:00-15:00 joined; r3 is p2's there.
    if (wd === 2) {
      add(practitioners, ids.p2, 300);
      add(rooms, ids.r3, 300);
    }
  }
  return { practitioners, rooms };
}

const weekdays = (spans: { start: string; end: string }[], days: number[]) =>
  Object.fromEntries(days.map((d) => [String(d), spans]));

export async function buildDashboardClinic(
  db: Db,
  clinic: ClinicFixture,
  stranger: ClinicFixture,
): Promise<DashboardClinic> {
  let clock = '2026-03-01T08:00:00.000Z';
  const repos = createRepositories(db, { now: () => new Date(clock) });
  const clinicId = clinic.clinic.id;
  await repos.clinics.updateLocation(clinic.location.id, { timeZone: zone });
  // Opened after the main location, whose zone is then the clinic's (the fixture made it today).
  clock = '2099-01-01T08:00:00.000Z';
  const b = await repos.clinics.createLocation({ clinicId, name: 'Branch', timeZone: 'Europe/Istanbul' });
  clock = '2026-03-01T08:00:00.000Z';
  const r1 = await repos.availability.createRoom({ locationId: clinic.location.id, name: 'Room 1' });
  const r2 = await repos.availability.createRoom({ locationId: clinic.location.id, name: 'Room 2' });
  const r3 = await repos.availability.createRoom({ locationId: b.id, name: 'Branch room' });
  const p1 = clinic.users.practitioner;
  const p2 = await createStaff(repos, { clinicId, email: `p2-${clinicId}@example.test`, displayName: 'Dr Second' });
  const ids = { p1: p1.id, p2: p2.id, r1: r1.id, r2: r2.id, r3: r3.id };

  await repos.availability.setOpeningHours(
    clinic.location.id,
    weekdays([{ start: '09:00', end: '18:00' }], [1, 2, 3, 4, 5]),
  );
  await repos.availability.setPractitionerHours({
    practitionerId: p1.id,
    locationId: clinic.location.id,
    weeklyHours: weekdays([{ start: '09:00', end: '17:00' }], [1, 2, 3, 4, 5]),
    roomIds: [r1.id],
  });
  await repos.availability.setPractitionerHours({
    practitionerId: p2.id,
    locationId: clinic.location.id,
    weeklyHours: weekdays([{ start: '08:00', end: '12:00' }], [1, 3]),
    roomIds: null,
  });
  await repos.availability.setPractitionerHours({
    practitionerId: p2.id,
    locationId: b.id,
    weeklyHours: {
      2: [
        { start: '10:00', end: '14:00' },
        { start: '13:00', end: '15:00' },
      ],
    },
    roomIds: [r3.id],
  });
  await repos.availability.addException({
    locationId: clinic.location.id,
    practitionerId: null,
    kind: 'days',
    from: '2026-04-03',
    to: '2026-04-03',
  });
  await repos.availability.addException({
    locationId: clinic.location.id,
    practitionerId: p1.id,
    kind: 'days',
    from: '2026-03-25',
    to: '2026-03-26',
  });

  const patient = await createSamplePatient(repos, clinicId);
  const course = await createSampleCourse(repos, patient.id);
  const theirPatient = await createSamplePatient(repos, stranger.clinic.id);
  const theirCourse = await createSampleCourse(repos, theirPatient.id);

  const expected: Expected = {
    sessionsByDay: new Map(),
    booked: { practitioners: new Map(), rooms: new Map() },
    available: expectedAvailable(ids),
    coursesByDay: new Map(),
    sideEffects: new Map(),
    takings: new Map(),
    signals: { open: 0, acknowledged: 0 },
  };
  const sessionIds: string[] = [];
  for (const s of plannedSessions()) {
    const created = await repos.treatmentSessions.create({
      courseId: course.id,
      scheduledAt: s.at,
      durationMinutes: s.duration,
      practitionerId: s.practitioner && ids[s.practitioner],
      locationId: s.located ? (s.room === 'r3' ? b.id : clinic.location.id) : null,
      roomId: s.room && ids[s.room],
    });
    if (s.status !== 'planned') await repos.treatmentSessions.update(created.id, { status: s.status });
    sessionIds.push(created.id);
    // Another clinic's session at the same time, with and without a location: never counted.
    const theirs = await repos.treatmentSessions.create({
      courseId: theirCourse.id,
      scheduledAt: s.at,
      durationMinutes: 30,
    });
    if (s.located) await repos.treatmentSessions.update(theirs.id, { locationId: stranger.location.id });

    const date = localDateOf(s.at);
    if (!inWindow(date)) continue;
    const day = expected.sessionsByDay.get(date) ?? { planned: 0, done: 0, cancelled: 0, no_show: 0 };
    day[s.status] += 1;
    expected.sessionsByDay.set(date, day);
    if (s.status === 'cancelled') continue;
    const minutes = s.duration ?? 60;
    const add = (map: Map<string, number>, id: string | null) => id && map.set(id, (map.get(id) ?? 0) + minutes);
    add(expected.booked.practitioners, s.practitioner && ids[s.practitioner]);
    add(expected.booked.rooms, s.room && ids[s.room]);
  }

  // Courses completed at the clock's time: around the window's edges, and one cancelled (not counted).
  const completions = [
    '2026-03-19T22:30:00.000Z',
    '2026-03-19T23:30:00.000Z',
    '2026-03-28T23:30:00.000Z',
    '2026-03-28T23:30:00.000Z',
    '2026-04-01T10:00:00.000Z',
    '2026-04-05T22:30:00.000Z',
    '2026-03-31T22:30:00.000Z',
  ];
  for (const [i, at] of completions.entries()) {
    const done = await createSampleCourse(repos, patient.id);
    clock = at;
    await repos.courses.setStatus(done.id, i === 4 ? 'cancelled' : 'completed');
    const date = localDateOf(at);
    if (i !== 4 && inWindow(date)) expected.coursesByDay.set(date, (expected.coursesByDay.get(date) ?? 0) + 1);
    clock = '2026-03-01T08:00:00.000Z';
    // The other clinic completes a course at the same moment.
    await repos.courses.setStatus((await createSampleCourse(repos, theirPatient.id)).id, 'completed');
  }

  // Side-effect reports, made at the clock's time, of each level and none, still there or gone.
  const reports: { at: string; level: 'expected' | 'review' | 'urgent' | null; ongoing: boolean | null }[] = [
    { at: '2026-03-21T10:00:00.000Z', level: 'urgent', ongoing: true },
    { at: '2026-03-22T10:00:00.000Z', level: 'urgent', ongoing: false },
    { at: '2026-03-23T10:00:00.000Z', level: 'review', ongoing: true },
    { at: '2026-03-30T10:00:00.000Z', level: 'expected', ongoing: true },
    { at: '2026-03-30T11:00:00.000Z', level: 'expected', ongoing: false },
    { at: '2026-03-31T11:00:00.000Z', level: null, ongoing: null },
    { at: '2026-03-19T22:00:00.000Z', level: 'urgent', ongoing: true },
    { at: '2026-04-05T22:30:00.000Z', level: 'review', ongoing: true },
  ];
  for (const [i, r] of reports.entries()) {
    clock = r.at;
    await repos.sideEffects.createReport({
      sessionId: sessionIds[i]!,
      reporterUserId: null,
      symptom: 'redness',
      ongoing: r.ongoing,
      ...(r.level ? { triage: { level: r.level } } : {}),
    });
    if (!inWindow(localDateOf(r.at))) continue;
    const key = r.level ?? 'untriaged';
    const seen = expected.sideEffects.get(key) ?? { reports: 0, open: 0 };
    expected.sideEffects.set(key, { reports: seen.reports + 1, open: seen.open + (r.ongoing === true ? 1 : 0) });
  }
  clock = '2026-03-01T08:00:00.000Z';

  await insertPayments(db, clinicId, stranger.clinic.id, patient.id, theirPatient.id, expected);

  // Safety signals: open, acknowledged and closed here, and one open in the other clinic.
  const signal = (key: string): SafetySignal =>
    sampleRateSignal({
      key,
      window: { from: '2026-03-23', to: '2026-03-29', week: '2026-W13' },
      exposure: 40,
      observed: 9,
      expected: 1.5,
      pValue: 0.0001,
      threshold: 0.001,
    });
  await repos.transaction(async (tx) => {
    for (const [i, status] of (['open', 'open', 'acknowledged', 'closed'] as const).entries()) {
      const stored = await tx.safetySignals.insertNew(clinicId, signal(`dashboard-${i}`));
      if (stored && status !== 'open')
        await tx.safetySignals.setStatus(stored.id, { status, by: clinic.users.admin.id, note: null });
      if (status === 'open' || status === 'acknowledged') expected.signals[status] += 1;
    }
    await tx.safetySignals.insertNew(stranger.clinic.id, signal('dashboard-theirs'));
  });
  return { clinic, ids, expected };
}

async function insertPayments(
  db: Db,
  clinicId: string,
  strangerId: string,
  patientId: string,
  theirPatientId: string,
  expected: Expected,
) {
  const invoice = async (clinic: string, patient: string, number: string, currency: string) => {
    const id = `inv-${number}-${clinic}`;
    await db
      .insertInto('invoices')
      .values({
        id,
        clinic_id: clinic,
        number,
        kind: 'invoice',
        patient_id: patient,
        course_id: null,
        quote_id: null,
        issue_date: '2026-03-20',
        due_date: null,
        currency,
        net_minor: 1_000_000,
        tax_minor: 0,
        total_minor: 1_000_000,
        paid_minor: 0,
        credited_minor: 0,
        created_at: '2026-03-20T08:00:00.000Z',
        created_by: null,
        issuer_name: 'Dashboard clinic',
        patient_name: 'Dashboard patient',
      })
      .execute();
    return id;
  };
  const eur = await invoice(clinicId, patientId, '2026-000001', 'EUR');
  const tryInvoice = await invoice(clinicId, patientId, '2026-000002', 'TRY');
  const theirs = await invoice(strangerId, theirPatientId, '2026-000001', 'EUR');
  const payments = [
    { invoice: eur, currency: 'EUR', amount: 12_000, method: 'cash', at: '2026-03-20T09:00:00.000Z' },
    { invoice: eur, currency: 'EUR', amount: 8_050, method: 'card', at: '2026-03-20T15:00:00.000Z' },
    { invoice: eur, currency: 'EUR', amount: 5_000, method: 'card', at: '2026-03-28T23:30:00.000Z' },
    { invoice: eur, currency: 'EUR', amount: 7_500, method: 'transfer', at: '2026-04-05T21:00:00.000Z' },
    { invoice: eur, currency: 'EUR', amount: 2_500, method: 'card', at: '2026-04-02T22:15:00.000Z' },
    { invoice: eur, currency: 'EUR', amount: 9_999, method: 'cash', at: '2026-04-05T22:30:00.000Z' },
    { invoice: tryInvoice, currency: 'TRY', amount: 250_000, method: 'transfer', at: '2026-03-24T10:00:00.000Z' },
    { invoice: theirs, currency: 'EUR', amount: 4_000, method: 'cash', at: '2026-03-24T10:00:00.000Z' },
  ] as const;
  for (const [i, p] of payments.entries()) {
    const clinic = p.invoice === theirs ? strangerId : clinicId;
    await db
      .insertInto('payments')
      .values({
        id: `pay-${i}-${clinicId}`,
        clinic_id: clinic,
        invoice_id: p.invoice,
        patient_id: clinic === clinicId ? patientId : theirPatientId,
        amount_minor: p.amount,
        currency: p.currency,
        method: p.method,
        received_at: p.at,
        reference: null,
        recorded_by: null,
        created_at: p.at,
      })
      .execute();
    const date = localDateOf(p.at);
    if (clinic !== clinicId || !inWindow(date)) continue;
    const byDate = expected.takings.get(p.currency) ?? new Map();
    const day = byDate.get(date) ?? { cash: 0, card: 0, transfer: 0 };
    day[p.method] += p.amount;
    byDate.set(date, day);
    expected.takings.set(p.currency, byDate);
  }
}
