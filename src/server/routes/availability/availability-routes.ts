import { z } from 'zod';
import type { UserRecord } from '../../../core/records/index.js';
import type { Repositories } from '../../../storage/repositories/repositories.js';
import { loadOwnLocation, locationOfRecord } from '../../../services/access/location-access.js';
import type { App } from '../../app-types.js';
import { forbidden, invalidField, notFound } from '../../http-errors.js';
import { allow, staff } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { localDateTime, toWeeklyHours, weeklyHours } from '../../../services/scheduling/availability-fields.js';
import { isBookablePractitioner, practitionerForBooking } from '../../../services/scheduling/booking-resources.js';
import { assertDateWithinBookingWindow } from '../../../services/scheduling/booking-window.js';
import { id, idParams, isoDate, optionalText } from '../../validation/fields.js';
import { availabilityView, exceptionView, hoursView, openingHoursView } from './availability-views.js';
import { found } from '../../../services/found.js';
import { answers, answersWith, routeSpec } from '../route-spec.js';

/** Admins manage everyone's availability; a practitioner only their own hours and time off. */
function assertMayManage(user: UserRecord, practitionerId: string | null): void {
  if (user.role === 'admin') return;
  if (practitionerId === null) throw forbidden('only an admin may close the whole location');
  if (practitionerId !== user.id) throw forbidden('practitioners may change only their own hours and time off');
}

async function loadPractitioner(
  repos: Repositories,
  user: UserRecord,
  practitionerId: string,
  field?: string,
): Promise<UserRecord> {
  if (field) return practitionerForBooking(repos, user, practitionerId, field);
  const practitioner = await repos.users.findById(practitionerId);
  if (!isBookablePractitioner(practitioner, user.clinicId)) throw notFound('practitioner');
  return practitioner;
}

const hoursParams = z.object({ id, practitionerId: id });
const hoursBody = z.object({
  weeklyHours,
  roomIds: z
    .array(id, { error: 'must be a list of room ids' })
    .max(50, { message: 'must list at most 50 rooms' })
    .nullable()
    .optional(),
});

const common = { practitionerId: id.nullable().optional(), reason: optionalText(200) };
const exceptionBody = z
  .discriminatedUnion(
    'kind',
    [
      z.object({ kind: z.literal('days'), from: isoDate, to: isoDate, ...common }),
      z.object({ kind: z.literal('hours'), start: localDateTime, end: localDateTime, ...common }),
    ],
    { error: "kind must be 'days' (from, to: local dates) or 'hours' (start, end: local date-times)" },
  )
  .superRefine((body, ctx) => {
    if (body.kind === 'days' && body.to < body.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    if (body.kind === 'hours' && body.end <= body.start)
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start' });
  });

/**
 * Working hours, time off and closures: what the course finder books around. Rooms and each
 * location's time zone are managed with the clinic (routes/clinics) and shown here together.
 */
export async function availabilityRoutes(app: App): Promise<void> {
  const spec = routeSpec(['availability']);

  app.get(
    '/api/locations/:id/availability',
    spec(staff, "A location's time zone, rooms, practitioners' weekly hours, time off and closures", {
      params: idParams,
      response: answers(availabilityView, 404),
    }),
    async (request) => {
      const location = await loadOwnLocation(app.repos, requireAuth(request).user, request.params.id);
      const [rooms, hours, exceptions, opening] = [
        await app.repos.availability.listRooms(location.id),
        await app.repos.availability.listPractitionerHours(location.id),
        await app.repos.availability.listExceptions(location.id),
        await app.repos.availability.findOpeningHours(location.id),
      ];
      return {
        location: {
          id: location.id,
          name: location.name,
          timeZone: location.timeZone,
          openingHours: opening?.weeklyHours ?? null,
        },
        rooms,
        hours,
        exceptions,
      };
    },
  );

  app.put(
    '/api/locations/:id/opening-hours',
    spec(allow('admin'), "Set (replace) the location's opening hours per weekday, or remove them with null", {
      description:
        'The course finder books nobody outside them, whatever their own working hours; a weekday left out is ' +
        'a day the location is closed. Closures of single days (holidays) are exceptions without a practitioner.',
      params: idParams,
      body: z.object({ weeklyHours: weeklyHours.nullable() }),
      response: answers(openingHoursView, 400, 404),
    }),
    async (request) => {
      const location = await loadOwnLocation(app.repos, requireAuth(request).user, request.params.id);
      const { weeklyHours: week } = request.body;
      const saved = await app.repos.availability.setOpeningHours(location.id, week ? toWeeklyHours(week) : null);
      return { locationId: location.id, weeklyHours: saved?.weeklyHours ?? null, updatedAt: saved?.updatedAt ?? null };
    },
  );

  app.put(
    '/api/locations/:id/practitioners/:practitionerId/hours',
    spec(
      allow('admin', 'practitioner'),
      "Set (replace) a practitioner's working week at a location; practitioners set their own",
      { params: hoursParams, body: hoursBody, response: answers(hoursView, 400, 403, 404) },
    ),
    async (request) => {
      const { user } = requireAuth(request);
      const location = await loadOwnLocation(app.repos, user, request.params.id);
      assertMayManage(user, request.params.practitionerId);
      const practitioner = await loadPractitioner(app.repos, user, request.params.practitionerId);
      const { roomIds } = request.body;
      if (roomIds) {
        const here = new Set((await app.repos.availability.listRooms(location.id)).map((r) => r.id));
        roomIds.forEach((roomId, i) => {
          if (!here.has(roomId)) throw invalidField(`roomIds[${i}]`, 'must be a room in use at this location');
        });
        if (new Set(roomIds).size !== roomIds.length) throw invalidField('roomIds', 'must not list a room twice');
      }
      return app.repos.availability.setPractitionerHours({
        practitionerId: practitioner.id,
        locationId: location.id,
        weeklyHours: toWeeklyHours(request.body.weeklyHours),
        roomIds: roomIds ?? null,
      });
    },
  );

  app.delete(
    '/api/locations/:id/practitioners/:practitionerId/hours',
    spec(
      allow('admin', 'practitioner'),
      'Remove a practitioner’s working week at a location (they are then not booked there)',
      { params: hoursParams, response: answersWith(204, z.null().describe('removed'), 403, 404) },
    ),
    async (request, reply) => {
      const { user } = requireAuth(request);
      const location = await loadOwnLocation(app.repos, user, request.params.id);
      assertMayManage(user, request.params.practitionerId);
      if (!(await app.repos.availability.deletePractitionerHours(request.params.practitionerId, location.id)))
        throw notFound('working hours');
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/locations/:id/exceptions',
    spec(
      allow('admin', 'practitioner'),
      'Add time off (a practitioner) or a closure (no practitioner: the whole location), as local days or local date-times',
      { params: idParams, body: exceptionBody, response: answersWith(201, exceptionView, 400, 403, 404) },
    ),
    async (request, reply) => {
      const { user } = requireAuth(request);
      const location = await loadOwnLocation(app.repos, user, request.params.id);
      const body = request.body;
      const dates =
        body.kind === 'days'
          ? { from: body.from, to: body.to }
          : { start: body.start.slice(0, 10), end: body.end.slice(0, 10) };
      for (const [field, date] of Object.entries(dates))
        assertDateWithinBookingWindow(field, date, app.now().getTime());
      const practitionerId = body.practitionerId ?? null;
      assertMayManage(user, practitionerId);
      if (practitionerId !== null) await loadPractitioner(app.repos, user, practitionerId, 'practitionerId');
      const common = { locationId: location.id, practitionerId, reason: body.reason ?? null };
      const created = await app.repos.availability.addException(
        body.kind === 'days'
          ? { ...common, kind: 'days', from: body.from, to: body.to }
          : { ...common, kind: 'hours', start: body.start, end: body.end },
      );
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/api/availability-exceptions/:id',
    spec(allow('admin', 'practitioner'), 'Remove time off or a closure; practitioners remove only their own time off', {
      params: idParams,
      response: answersWith(204, z.null().describe('removed'), 403, 404),
    }),
    async (request, reply) => {
      const { user } = requireAuth(request);
      const exception = found(await app.repos.availability.findException(request.params.id), 'exception');
      await locationOfRecord(app.repos, user, exception, 'exception');
      assertMayManage(user, exception.practitionerId);
      await app.repos.availability.deleteException(exception.id);
      return reply.code(204).send(null);
    },
  );
}
