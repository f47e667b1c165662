import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { LocationRecord, RoomRecord, TreatmentSessionRecord, UserRecord } from '../../../core/records/index.js';
import type { Repositories } from '../../../storage/repositories/repositories.js';
import type { App } from '../../app-types.js';
import { forbidden, invalidField, notFound } from '../../http-errors.js';
import { allow, clinicalRoles, signedIn } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { sessionEndMs } from '../../../services/scheduling/slot-claims.js';
import { idParams, isoTimestamp } from '../../validation/fields.js';
import { assertTimestampInWindow, describeWindow, recordSearchWindow } from '../../validation/date-window.js';
import { loadAccessibleCourse } from '../../../services/access/course-access.js';
import type { AuditEvent } from '../../plugins/audit.js';
import { buildCalendar, type CalendarEvent } from '../../../interop/ical/build-calendar.js';
import { readOf, readsOf } from '../../../services/audit-reads.js';
import { answers, routeSpec } from '../route-spec.js';

const dayMs = 86_400_000;
/** Longest window one practitioner feed covers: calendar apps poll it, so it stays bounded. */
const maxWindowDays = 800;
const maxEvents = 5000;

const calendarQuery = z.object({
  from: isoTimestamp.optional().describe(`Default: 30 days ago; ${describeWindow(recordSearchWindow)} at most`),
  to: isoTimestamp.optional().describe(`Default: 400 days ahead; ${describeWindow(recordSearchWindow)} at most`),
});
const icsResponse = z.string().describe('An iCalendar (RFC 5545) document, text/calendar');

/** Location and room names by id, each read once per feed. */
function placeNames(repos: Repositories) {
  const locations = new Map<string, Promise<LocationRecord | undefined>>();
  const rooms = new Map<string, Promise<RoomRecord | undefined>>();
  const cached = <T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>) => {
    let found = map.get(key);
    if (!found) map.set(key, (found = load()));
    return found;
  };
  return async (session: TreatmentSessionRecord) => {
    const location = session.locationId
      ? await cached(locations, session.locationId, () => repos.clinics.findLocation(session.locationId!))
      : undefined;
    const room = session.roomId
      ? await cached(rooms, session.roomId, () => repos.availability.findRoom(session.roomId!))
      : undefined;
    const place = [location?.name, room?.name].filter(Boolean).join(', ');
    return { timeZone: location?.timeZone ?? 'UTC', ...(place ? { location: place } : {}) };
  };
}

function event(
  session: TreatmentSessionRecord,
  fields: Omit<CalendarEvent, 'id' | 'start' | 'end' | 'updatedAt'>,
): CalendarEvent {
  const startMs = Date.parse(session.scheduledAt);
  return {
    id: session.id,
    start: new Date(startMs).toISOString(),
    end: new Date(sessionEndMs(startMs, session.durationMinutes)).toISOString(),
    updatedAt: session.updatedAt,
    ...fields,
  };
}

export function sendCalendar(reply: FastifyReply, fileName: string, text: string): FastifyReply {
  return reply
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', `inline; filename="${fileName}"`)
    .header('cache-control', 'private, no-store')
    .send(text);
}

const held = (s: TreatmentSessionRecord) => s.status === 'planned' || s.status === 'done';

export interface CalendarFeed {
  text: string;
  /** The audit entries of what the feed shows. */
  reads: AuditEvent[];
}

/** The default window of a feed: a month back, and what is booked ahead. */
export function defaultFeedWindow(nowMs: number): { from: string; to: string } {
  return { from: new Date(nowMs - 30 * dayMs).toISOString(), to: new Date(nowMs + 400 * dayMs).toISOString() };
}

/** A practitioner's held appointments in the window, as seen by `viewer` (same clinic). */
export async function practitionerCalendar(
  repos: Repositories,
  viewer: UserRecord,
  practitionerId: string,
  window: { from: string; to: string },
): Promise<CalendarFeed> {
  const practitioner: UserRecord | undefined = await repos.users.findById(practitionerId);
  if (!practitioner || practitioner.clinicId !== viewer.clinicId || !clinicalRoles.includes(practitioner.role))
    throw notFound('practitioner');
  const entries = (
    await repos.treatmentSessions.schedule({
      clinicId: viewer.clinicId,
      practitionerId: practitioner.id,
      ...window,
      limit: maxEvents,
      offset: 0,
    })
  ).filter((e) => held(e.session));
  const place = placeNames(repos);
  const events: CalendarEvent[] = [];
  for (const { session, patient } of entries)
    events.push(
      event(session, { summary: `Mesotherapy: ${patient.firstName} ${patient.lastName}`, ...(await place(session)) }),
    );
  return {
    text: buildCalendar(`mesodesk: ${practitioner.displayName}`, events),
    reads: entries.map((e) => readOf('treatment_session', e.session, e.patient.id)),
  };
}

/** Sessions as patient-facing events: "session 2 of 6", with whom and where. */
async function patientEvents(
  repos: Repositories,
  sessions: readonly TreatmentSessionRecord[],
  numbered: boolean,
): Promise<CalendarEvent[]> {
  const place = placeNames(repos);
  const names = new Map<string, string>();
  const events: CalendarEvent[] = [];
  for (const [i, session] of sessions.entries()) {
    let who: string | undefined;
    if (session.practitionerId) {
      who = names.get(session.practitionerId) ?? (await repos.users.findById(session.practitionerId))?.displayName;
      if (who) names.set(session.practitionerId, who);
    }
    const summary = numbered ? `Mesotherapy session ${i + 1} of ${sessions.length}` : 'Mesotherapy session';
    events.push(event(session, { summary, ...(who ? { description: `With ${who}` } : {}), ...(await place(session)) }));
  }
  return events;
}

/** Every held session of a patient, across courses, in the window. */
export async function patientCalendar(
  repos: Repositories,
  patientId: string,
  window: { from: string; to: string },
): Promise<CalendarFeed> {
  const sessions = (await repos.treatmentSessions.listByPatient(patientId)).filter(
    (s) => held(s) && s.scheduledAt >= window.from && s.scheduledAt < window.to,
  );
  return {
    text: buildCalendar('mesodesk: my appointments', await patientEvents(repos, sessions, false)),
    reads: readsOf('treatment_session', sessions),
  };
}

/** iCalendar feeds: a practitioner's appointments, and a patient's course. */
export async function calendarRoutes(app: App): Promise<void> {
  const spec = routeSpec(['calendars']);

  app.get(
    '/api/practitioners/:id/calendar.ics',
    spec(
      allow('admin', 'practitioner', 'reception'),
      "A practitioner's appointments as an iCalendar feed in each location's time zone (practitioners: their own)",
      {
        params: idParams,
        querystring: calendarQuery,
        produces: ['text/calendar'],
        response: answers(icsResponse, 400, 403, 404),
      },
    ),
    async (request, reply) => {
      const { user } = requireAuth(request);
      if (user.role === 'practitioner' && user.id !== request.params.id)
        throw forbidden('practitioners may see only their own calendar');
      for (const field of ['from', 'to'] as const) {
        const at = request.query[field];
        if (at !== undefined) assertTimestampInWindow(field, at, recordSearchWindow, app.now());
      }
      const defaults = defaultFeedWindow(app.now().getTime());
      const from = request.query.from ?? defaults.from;
      const to = request.query.to ?? defaults.to;
      if (to <= from) throw invalidField('to', 'must be after from');
      if (Date.parse(to) - Date.parse(from) > maxWindowDays * dayMs)
        throw invalidField('to', `must be at most ${maxWindowDays} days after from`);
      const feed = await practitionerCalendar(app.repos, user, request.params.id, { from, to });
      await request.audit(feed.reads);
      return sendCalendar(reply, 'practitioner.ics', feed.text);
    },
  );

  app.get(
    '/api/courses/:id/calendar.ics',
    spec(signedIn, "A course's sessions as an iCalendar feed in the clinic's time zone (patients: their own courses)", {
      params: idParams,
      produces: ['text/calendar'],
      response: answers(icsResponse, 404),
    }),
    async (request, reply) => {
      const { user } = requireAuth(request);
      const course = await loadAccessibleCourse(app.repos, user, request.params.id);
      const sessions = (await app.repos.treatmentSessions.listByCourse(course.id)).filter(held);
      const events = await patientEvents(app.repos, sessions, true);
      await request.audit([readOf('course', course), ...readsOf('treatment_session', sessions)]);
      return sendCalendar(reply, 'course.ics', buildCalendar('mesodesk: treatment course', events));
    },
  );
}
