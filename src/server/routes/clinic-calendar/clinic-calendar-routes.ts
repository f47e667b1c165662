import type { CalendarSessionRecord, Role } from '../../../core/records/index.js';
import { loadAccessibleSession } from '../../../services/access/session-access.js';
import { readOf, readsOf } from '../../../services/audit-reads.js';
import { assertWithinBookingWindow } from '../../../services/scheduling/booking-window.js';
import { loadCalendar } from '../../../services/scheduling/load-calendar.js';
import { previewReschedule } from '../../../services/scheduling/preview-reschedule.js';
import { sessionEndMs } from '../../../services/scheduling/slot-claims.js';
import type { App } from '../../app-types.js';
import { invalidField } from '../../http-errors.js';
import { allow, staffRoles } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { assertTimestampFilter, recordSearchWindow } from '../../validation/date-window.js';
import { idParams } from '../../validation/fields.js';
import { calendarQuery, calendarView, changeConflictView, previewQuery, previewView } from './clinic-calendar-views.js';
import { answers, routeSpec } from '../route-spec.js';

const maxDays = 14;
const dayMs = 86_400_000;

/** A calendar entry as the role may see it: reception runs the calendar but sees nothing clinical. */
function calendarEntry(role: Role, s: CalendarSessionRecord) {
  const entry = {
    id: s.id,
    courseId: s.courseId,
    patient: { id: s.patientId, firstName: s.patientFirstName, lastName: s.patientLastName },
    scheduledAt: s.scheduledAt,
    endsAt: new Date(sessionEndMs(Date.parse(s.scheduledAt), s.durationMinutes)).toISOString(),
    durationMinutes: s.durationMinutes,
    practitionerId: s.practitionerId,
    practitionerName: s.practitionerName,
    locationId: s.locationId,
    roomId: s.roomId,
    roomName: s.roomName,
    status: s.status,
    number: s.number,
    of: s.of,
    closure: s.closure,
    updatedAt: s.updatedAt,
  };
  return role === 'reception'
    ? entry
    : { ...entry, flagVerdict: s.flagVerdict, course: { indication: s.indication, area: s.area } };
}

/** The clinic's calendar (day and week, per practitioner or room) and what moving a session would do. */
export async function clinicCalendarRoutes(app: App): Promise<void> {
  const spec = routeSpec(['calendar']);

  app.get(
    '/api/calendar',
    spec(
      allow(...staffRoles),
      "A location's calendar: its sessions in a window (with patient, practitioner and room names), its practitioners and rooms, when each works, when it is open, and its closures",
      {
        description: `\`to\` must be after \`from\`, at most ${maxDays} days later. The sessions come from one query.`,
        querystring: calendarQuery,
        response: answers(calendarView, 400, 404, 409),
      },
    ),
    async (request) => {
      const { user } = requireAuth(request);
      const { locationId, practitionerIds, roomIds, ...given } = request.query;
      assertTimestampFilter(given, recordSearchWindow, app.now());
      const today = Math.floor(app.now().getTime() / dayMs) * dayMs;
      const fromMs = given.from ? Date.parse(given.from) : given.to ? Date.parse(given.to) - 7 * dayMs : today;
      const toMs = given.to ? Date.parse(given.to) : fromMs + 7 * dayMs;
      if (toMs <= fromMs) throw invalidField('to', 'must be after from');
      if (toMs - fromMs > maxDays * dayMs) throw invalidField('to', `must be at most ${maxDays} days after from`);
      const [from, to] = [new Date(fromMs).toISOString(), new Date(toMs).toISOString()];
      const calendar = await loadCalendar(app.repos, user, {
        from,
        to,
        ...(locationId ? { locationId } : {}),
        ...(practitionerIds ? { practitionerIds } : {}),
        ...(roomIds ? { roomIds } : {}),
      });
      await request.audit(calendar.sessions.map((s) => readOf('treatment_session', s, s.patientId)));
      const { location } = calendar;
      return {
        location: { id: location.id, name: location.name, timeZone: location.timeZone },
        locations: calendar.locations.map((l) => ({ id: l.id, name: l.name })),
        practitioners: calendar.practitioners,
        rooms: calendar.rooms,
        open: calendar.open,
        closures: calendar.closures,
        sessions: calendar.sessions.map((s) => calendarEntry(user.role, s)),
      };
    },
  );

  app.get(
    '/api/sessions/:id/reschedule-preview',
    spec(
      allow(...staffRoles),
      'What moving a planned session would do, without doing it: which later sessions of the course re-flow, the interval window each keeps, or why the move is not possible',
      {
        description:
          'The same computation as POST /api/sessions/:id/reschedule (without `preferences`, the ones stored at booking apply). Confirm by sending its `moves` as `expectedMoves` and `updatedAt` as `expectedUpdatedAt`.',
        params: idParams,
        querystring: previewQuery,
        response: { ...answers(previewView, 400, 404), 409: changeConflictView },
      },
    ),
    async (request) => {
      const { user } = requireAuth(request);
      const { practitionerId, roomId, expectedUpdatedAt } = request.query;
      const start =
        request.query.start ?? (await loadAccessibleSession(app.repos, user, request.params.id)).scheduledAt;
      const now = app.now();
      assertWithinBookingWindow('start', Date.parse(start), now.getTime());
      const { preview, sessions } = await previewReschedule(app.repos, {
        user,
        sessionId: request.params.id,
        newStart: start,
        now: now.toISOString(),
        ...(practitionerId === undefined ? {} : { practitionerId }),
        ...(roomId === undefined ? {} : { roomId }),
        ...(expectedUpdatedAt === undefined ? {} : { expectedUpdatedAt }),
      });
      await request.audit(readsOf('treatment_session', sessions));
      return preview;
    },
  );
}
