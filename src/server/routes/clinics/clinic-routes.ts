import { z } from 'zod';
import { loadOwnLocation, locationOfRecord } from '../../../services/access/location-access.js';
import type { App } from '../../app-types.js';
import { forbidden } from '../../http-errors.js';
import { allow, staff } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { idParams, optionalText, text, timeZone } from '../../validation/fields.js';
import { clinicView, locationView, roomView } from '../../views.js';
import { messageTemplateRoutes } from './message-template-routes.js';
import { clinicLogoRoutes } from './clinic-logo-routes.js';
import { found } from '../../../services/found.js';
import { ownClinic } from './own-clinic.js';
import { answers, answersWith, routeSpec } from '../route-spec.js';
import { queryFlag } from '../../validation/query-flag.js';

/**
 * Each user belongs to one clinic and manages only that one: clinics themselves are created at
 * set-up (first admin or demo seed), not through the API.
 */
export async function clinicRoutes(app: App): Promise<void> {
  const spec = routeSpec(['clinics']);

  app.get(
    '/api/clinics',
    spec(allow('admin'), 'The clinic of the signed-in admin', {
      response: answers(z.object({ clinics: z.array(clinicView) })),
    }),
    async (request) => {
      const clinic = await app.repos.clinics.findById(requireAuth(request).user.clinicId);
      return { clinics: clinic ? [clinic] : [] };
    },
  );

  app.get(
    '/api/clinics/:id',
    spec(allow('admin'), 'One clinic', { params: idParams, response: answers(clinicView, 404) }),
    async (request) => {
      ownClinic(requireAuth(request).user.clinicId, request.params.id);
      return found(await app.repos.clinics.findById(request.params.id), 'clinic');
    },
  );

  app.patch(
    '/api/clinics/:id',
    spec(allow('admin'), 'Rename the clinic', {
      params: idParams,
      body: z.object({ name: text(200) }),
      response: answers(clinicView, 404),
    }),
    async (request) => {
      ownClinic(requireAuth(request).user.clinicId, request.params.id);
      return found(await app.repos.clinics.update(request.params.id, request.body), 'clinic');
    },
  );

  app.get(
    '/api/clinics/:id/locations',
    spec(staff, "The clinic's locations (rooms, sites)", {
      params: idParams,
      response: answers(z.object({ locations: z.array(locationView) })),
    }),
    async (request) => {
      ownClinic(requireAuth(request).user.clinicId, request.params.id);
      return { locations: await app.repos.clinics.listLocations(request.params.id) };
    },
  );

  app.post(
    '/api/clinics/:id/locations',
    spec(allow('admin'), 'Add a location', {
      params: idParams,
      body: z.object({ name: text(200), address: optionalText(500), timeZone: timeZone.optional() }),
      response: answersWith(201, locationView, 400),
    }),
    async (request, reply) => {
      ownClinic(requireAuth(request).user.clinicId, request.params.id);
      const location = await app.repos.clinics.createLocation({ clinicId: request.params.id, ...request.body });
      return reply.code(201).send(location);
    },
  );

  app.patch(
    '/api/locations/:id',
    spec(allow('admin'), 'Rename a location, or change its address or time zone', {
      params: idParams,
      body: z
        .object({ name: text(200).optional(), address: optionalText(500), timeZone: timeZone.optional() })
        .refine((patch) => Object.values(patch).some((v) => v !== undefined), {
          message: 'must change at least one field',
        }),
      response: answers(locationView, 404),
    }),
    async (request) => {
      const location = found(await app.repos.clinics.findLocation(request.params.id), 'location');
      ownClinic(requireAuth(request).user.clinicId, location.clinicId);
      return found(await app.repos.clinics.updateLocation(location.id, request.body), 'location');
    },
  );

  app.get(
    '/api/locations/:id/rooms',
    spec(staff, "The location's active rooms (with those out of use too, for admins who ask)", {
      params: idParams,
      querystring: z.object({
        includeInactive: queryFlag('true: also the rooms taken out of use (admins only)'),
      }),
      response: answers(z.object({ rooms: z.array(roomView) }), 403),
    }),
    async (request) => {
      const { user } = requireAuth(request);
      const location = await loadOwnLocation(app.repos, user, request.params.id);
      const { includeInactive } = request.query;
      if (includeInactive && user.role !== 'admin') throw forbidden('only admins see the rooms out of use');
      return { rooms: await app.repos.availability.listRooms(location.id, { includeInactive }) };
    },
  );

  app.post(
    '/api/locations/:id/rooms',
    spec(allow('admin'), 'Add a room', {
      params: idParams,
      body: z.object({ name: text(200) }),
      response: answersWith(201, roomView, 404),
    }),
    async (request, reply) => {
      const location = await loadOwnLocation(app.repos, requireAuth(request).user, request.params.id);
      return reply
        .code(201)
        .send(await app.repos.availability.createRoom({ locationId: location.id, name: request.body.name }));
    },
  );

  app.patch(
    '/api/rooms/:id',
    spec(allow('admin'), 'Rename a room, or take it out of (or back into) use', {
      params: idParams,
      body: z
        .object({ name: text(200).optional(), active: z.boolean({ error: 'must be true or false' }).optional() })
        .refine((patch) => patch.name !== undefined || patch.active !== undefined, {
          message: 'must change at least one field',
        }),
      response: answers(roomView, 404),
    }),
    async (request) => {
      const room = found(await app.repos.availability.findRoom(request.params.id), 'room');
      await locationOfRecord(app.repos, requireAuth(request).user, room, 'room');
      return found(await app.repos.availability.updateRoom(room.id, request.body), 'room');
    },
  );

  await messageTemplateRoutes(app, spec);
  await clinicLogoRoutes(app, spec);
}
