// The requests of the chain's load, kind by kind (bench/lib/chain-model.js): each next request of a
// kind asks for another patient, name, day, location or chart, as the people it is sent for.
import { healthyIntake } from './chain-users.js';
import { MODEL, kindSequence } from './chain-model.js';

const addDays = (date, days) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const dayBounds = (day) => `from=${day}T00:00:00.000Z&to=${addDays(day, 1)}T00:00:00.000Z`;

// Bookings of this run start on a Monday of their own between 2028-06 and 2031-03, so that runs on
// the same database (SQLite's cached clinic) seldom want the same slot; within a run, booking g
// goes to workplace g (of W), in the next free half hour of that practitioner's days.
const BOOKINGS_FROM = Date.parse('2028-06-05T00:00:00Z') + 7 * 86_400_000 * (Math.floor(Date.now() / 1000) % 150);
let bookingsMade = 0;

function bookingSlot(workplaces) {
  const g = bookingsMade++;
  const w = workplaces[g % workplaces.length];
  const k = Math.floor(g / workplaces.length);
  const day = Math.floor(k / 16);
  const startMs =
    BOOKINGS_FROM + (Math.floor(day / 5) * 7 + (day % 5)) * 86_400_000 + (8 * 60 + (k % 16) * 30) * 60_000;
  return { ...w, scheduledAt: new Date(startMs).toISOString() };
}

const ADDENDUM = 'Follow-up call: no redness or swelling reported since the session.';

/**
 * `next(i)` for bench/lib/open-loop.js: request i of `count`, its kind from the model's sequence.
 * `users` holds each role's request headers (practitioner, reception, patient). With `peer`, every request says its kind in a header, for
 * the peer that answers each kind from memory.
 */
export function requestsFor({ sample, users, today, count, peer = false }) {
  const kinds = kindSequence(count);
  const seen = {};
  const nth = (kind) => {
    seen[kind] = (seen[kind] ?? 0) + 1;
    return seen[kind] - 1;
  };
  const pick = (list, n) => list[n % list.length];
  const { patients, quiet, names, chartedSessions, locations } = sample;
  const build = {
    calendar: (n) => `/api/calendar?locationId=${pick(locations, n).id}&${dayBounds(addDays(today, (n % 7) - 3))}`,
    arrivals: (n) =>
      `/api/front-desk/arrivals?locationId=${pick(locations, n + 5).id}&${dayBounds(addDays(today, (n % 3) - 1))}`,
    patient: (n) => `/api/patients/${pick(patients, n).id}`,
    patientSessions: (n) => `/api/patients/${pick(patients, n + 7).id}/sessions`,
    search: (n) => `/api/patients?name=${encodeURIComponent(pick(names, n))}`,
    chartRead: (n) => `/api/sessions/${pick(chartedSessions, n)}/chart`,
    chartWrite: (n) => ({
      path: `/api/sessions/${pick(chartedSessions, n + 11)}/chart/addenda`,
      body: { text: ADDENDUM },
    }),
    assessment: (n) => ({
      path: '/api/assessments',
      body: healthyIntake(pick(patients, n + 3), addDays(today, 1 + (n % 20))),
    }),
    intake: (n) => {
      const patient = pick(quiet, n + 101);
      return {
        path: `/api/patients/${patient.id}/intakes`,
        body: healthyIntake(patient, addDays(today, 1 + (n % 20))),
      };
    },
    booking: (n) => {
      const { practitionerId, locationId, roomId, scheduledAt } = bookingSlot(sample.workplaces);
      return {
        path: `/api/courses/${pick(sample.activeCourses, n)}/sessions`,
        body: { scheduledAt, durationMinutes: 30, practitionerId, locationId, roomId },
      };
    },
    portalMe: () => '/api/auth/me',
    portalPlan: () => '/api/portal/plan',
    portalRequests: () => '/api/portal/consultation-requests',
  };
  // Who sends a kind: the portal's patients, or the staff roles whose mix holds it, in turn.
  const rolesOf = (kind) =>
    kind in MODEL.portal.mix ? ['patient'] : MODEL.staff.filter((s) => kind in s.mix).map((s) => s.role);
  const sender = {};
  return (i) => {
    const kind = kinds[i];
    const n = nth(kind);
    const built = build[kind](n);
    const { path, body } = typeof built === 'string' ? { path: built } : built;
    const role = pick(rolesOf(kind), n);
    sender[role] = (sender[role] ?? 0) + 1;
    const headers = { ...pick(users[role], sender[role]) };
    if (peer) headers['x-bench-kind'] = kind;
    const payload = body === undefined ? undefined : JSON.stringify(body);
    if (payload !== undefined) headers['content-type'] = 'application/json';
    return { kind, method: payload === undefined ? 'GET' : 'POST', path, headers, body: payload };
  };
}
