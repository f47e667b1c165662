import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { LocationRecord, RoomRecord, TreatmentSessionRecord, UserRecord } from '../../../storage/repositories/records.js';
import type { Repositories } from '../../../storage/repositories/repositories.js';
import type { App } from '../../app-types.js';
import { forbidden, invalidField, notFound } from '../../http-errors.js';
import { allow, anyRole, clinicalRoles } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { sessionEndMs } from '../../scheduling/slot-claims.js';
import { errorResponse, idParams, isoTimestamp } from '../../validation/fields.js';
import { loadAccessibleCourse } from '../courses/course-routes.js';
import { buildCalendar, type CalendarEvent } from './build-calendar.js';

const dayMs = 86_400_000;
/** Longest window one practitioner feed covers: calendar apps poll it, so it stays bounded. */
const maxWindowDays = 800;
const maxEvents = 5000;

const calendarQuery = z.object({
  from: isoTimestamp.optional().describe('Default: 30 days ago'),
  to: isoTimestamp.optional().describe('Default: 400 days ahead'),
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
    const location = session.locationId ? await cached(locations, session.locationId, () => repos.clinics.findLocation(session.locationId!)) : undefined;
    const room = session.roomId ? await cached(rooms, session.roomId, () => repos.availability.findRoom(session.roomId!)) : undefined;
    const place = [location?.name, room?.name].filter(Boolean).join(', ');
    return { timeZone: location?.timeZone ?? 'UTC', ...(place ? { location: place } : {}) };
  };
}

function event(session: TreatmentSessionRecord, fields: Omit<CalendarEvent, 'id' | 'start' | 'end' | 'updatedAt'>): CalendarEvent {
  const startMs = Date.parse(session.scheduledAt);
  return { id: session.id, start: new Date(startMs).toISOString(), end: new Date(sessionEndMs(startMs, session.durationMinutes)).toISOString(), updatedAt: session.updatedAt, ...fields };
}

function sendCalendar(reply: FastifyReply, fileName: string, text: string): FastifyReply {
  return reply.type('text/calendar; charset=utf-8').header('content-disposition', `inline; filename="${fileName}"`).header('cache-control', 'private, no-store').send(text);
}

const held = (s: TreatmentSessionRecord) => s.status === 'planned' || s.status === 'done';

/** iCalendar feeds: a practitioner's appointments, and a patient's course. */
export async function calendarRoutes(app: App): Promise<void> {
  const tags = ['calendars'];

  app.get(
    '/api/practitioners/:id/calendar.ics',
    {
      config: allow('admin', 'practitioner', 'reception'),
      schema: {
        summary: "A practitioner's appointments as an iCalendar feed in each location's time zone (practitioners: their own)",
        tags,
        params: idParams,
        querystring: calendarQuery,
        produces: ['text/calendar'],
        response: { 200: icsResponse, 400: errorResponse, 403: errorResponse, 404: errorResponse },
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      if (user.role === 'practitioner' && user.id !== request.params.id) throw forbidden('practitioners may see only their own calendar');
      const practitioner: UserRecord | undefined = await app.repos.users.findById(request.params.id);
      if (!practitioner || practitioner.clinicId !== user.clinicId || !clinicalRoles.includes(practitioner.role)) throw notFound('practitioner');
      const nowMs = Date.now();
      const from = request.query.from ?? new Date(nowMs - 30 * dayMs).toISOString();
      const to = request.query.to ?? new Date(nowMs + 400 * dayMs).toISOString();
      if (to <= from) throw invalidField('to', 'must be after from');
      if (Date.parse(to) - Date.parse(from) > maxWindowDays * dayMs) throw invalidField('to', `must be at most ${maxWindowDays} days after from`);

      const entries = (await app.repos.treatmentSessions.schedule({ clinicId: user.clinicId, practitionerId: practitioner.id, from, to, limit: maxEvents, offset: 0 })).filter((e) => held(e.session));
      const place = placeNames(app.repos);
      const events: CalendarEvent[] = [];
      for (const { session, patient } of entries) events.push(event(session, { summary: `Mesotherapy: ${patient.firstName} ${patient.lastName}`, ...(await place(session)) }));
      await request.audit(entries.map((e) => ({ action: 'read' as const, entity: 'treatment_session', entityId: e.session.id, patientId: e.patient.id })));
      return sendCalendar(reply, 'practitioner.ics', buildCalendar(`mesodesk: ${practitioner.displayName}`, events));
    },
  );

  app.get(
    '/api/courses/:id/calendar.ics',
    {
      config: allow(...anyRole),
      schema: {
        summary: "A course's sessions as an iCalendar feed in the clinic's time zone (patients: their own courses)",
        tags,
        params: idParams,
        produces: ['text/calendar'],
        response: { 200: icsResponse, 404: errorResponse },
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const course = await loadAccessibleCourse(app.repos, user, request.params.id);
      const sessions = (await app.repos.treatmentSessions.listByCourse(course.id)).filter(held);
      const place = placeNames(app.repos);
      const names = new Map<string, string>();
      const events: CalendarEvent[] = [];
      for (const [i, session] of sessions.entries()) {
        let who: string | undefined;
        if (session.practitionerId) {
          who = names.get(session.practitionerId) ?? (await app.repos.users.findById(session.practitionerId))?.displayName;
          if (who) names.set(session.practitionerId, who);
        }
        events.push(event(session, { summary: `Mesotherapy session ${i + 1} of ${sessions.length}`, ...(who ? { description: `With ${who}` } : {}), ...(await place(session)) }));
      }
      await request.audit([
        { action: 'read', entity: 'course', entityId: course.id, patientId: course.patientId },
        ...sessions.map((s) => ({ action: 'read' as const, entity: 'treatment_session', entityId: s.id, patientId: s.patientId })),
      ]);
      return sendCalendar(reply, 'course.ics', buildCalendar('mesodesk: treatment course', events));
    },
  );
}
