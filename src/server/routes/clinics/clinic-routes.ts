import { z } from 'zod';
import { loadOwnLocation, locationOfRecord } from '../../../services/access/location-access.js';
import type { App } from '../../app-types.js';
import { forbidden, notFound } from '../../http-errors.js';
import { allow, staffRoles } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { errorResponse, idParams, optionalText, text, timeZone } from '../../validation/fields.js';
import { clinicView, locationView, roomView } from '../../views.js';
import { messageTemplateRoutes } from './message-template-routes.js';
import { clinicLogoRoutes } from './clinic-logo-routes.js';
import { found } from '../../../services/found.js';

/**
 * Each user belongs to one clinic and manages only that one: clinics themselves are created at
 * set-up (first admin or demo seed), not through the API.
 */
export async function clinicRoutes(app: App): Promise<void> {
  const tags = ['clinics'];
  const ownClinic = (userClinicId: string, clinicId: string) => {
    if (userClinicId !== clinicId) throw notFound('clinic');
  };

  app.get(
    '/api/clinics',
    {
      config: allow('admin'),
      schema: {
        summary: 'The clinic of the signed-in admin',
        tags,
        response: { 200: z.object({ clinics: z.array(clinicView) }) },
      },
    },
    async (request) => {
      const clinic = await app.repos.clinics.findById(requireAuth(request).user.clinicId);
      return { clinics: clinic ? [clinic] : [] };
    },
  );

  app.get(
    '/api/clinics/:id',
    {
      config: allow('admin'),
      schema: { summary: 'One clinic', tags, params: idParams, response: { 200: clinicView, 404: errorResponse } },
    },
    async (request) => {
      ownClinic(requireAuth(request).user.clinicId, request.params.id);
      return found(await app.repos.clinics.findById(request.params.id), 'clinic');
    },
  );

  app.patch(
    '/api/clinics/:id',
    {
      config: allow('admin'),
      schema: {
        summary: 'Rename the clinic',
        tags,
        params: idParams,
        body: z.object({ name: text(200) }),
        response: { 200: clinicView, 404: errorResponse },
      },
    },
    async (request) => {
      ownClinic(requireAuth(request).user.clinicId, request.params.id);
      return found(await app.repos.clinics.update(request.params.id, request.body), 'clinic');
    },
  );

  app.get(
    '/api/clinics/:id/locations',
    {
      config: allow(...staffRoles),
      schema: {
        summary: "The clinic's locations (rooms, sites)",
        tags,
        params: idParams,
        response: { 200: z.object({ locations: z.array(locationView) }) },
      },
    },
    async (request) => {
      ownClinic(requireAuth(request).user.clinicId, request.params.id);
      return { locations: await app.repos.clinics.listLocations(request.params.id) };
    },
  );

  app.post(
    '/api/clinics/:id/locations',
    {
      config: allow('admin'),
      schema: {
        summary: 'Add a location',
        tags,
        params: idParams,
        body: z.object({ name: text(200), address: optionalText(500), timeZone: timeZone.optional() }),
        response: { 201: locationView, 400: errorResponse },
      },
    },
    async (request, reply) => {
      ownClinic(requireAuth(request).user.clinicId, request.params.id);
      const location = await app.repos.clinics.createLocation({ clinicId: request.params.id, ...request.body });
      return reply.code(201).send(location);
    },
  );

  app.patch(
    '/api/locations/:id',
    {
      config: allow('admin'),
      schema: {
        summary: 'Rename a location, or change its address or time zone',
        tags,
        params: idParams,
        body: z
          .object({ name: text(200).optional(), address: optionalText(500), timeZone: timeZone.optional() })
          .refine((patch) => Object.values(patch).some((v) => v !== undefined), {
            message: 'must change at least one field',
          }),
        response: { 200: locationView, 404: errorResponse },
      },
    },
    async (request) => {
      const location = found(await app.repos.clinics.findLocation(request.params.id), 'location');
      ownClinic(requireAuth(request).user.clinicId, location.clinicId);
      return found(await app.repos.clinics.updateLocation(location.id, request.body), 'location');
    },
  );

  app.get(
    '/api/locations/:id/rooms',
    {
      config: allow(...staffRoles),
      schema: {
        summary: "The location's active rooms (with those out of use too, for admins who ask)",
        tags,
        params: idParams,
        querystring: z.object({
          includeInactive: z
            .enum(['true', 'false'], { error: 'must be true or false' })
            .default('false')
            .transform((v) => v === 'true')
            .describe('true: also the rooms taken out of use (admins only)'),
        }),
        response: { 200: z.object({ rooms: z.array(roomView) }), 403: errorResponse },
      },
    },
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
    {
      config: allow('admin'),
      schema: {
        summary: 'Add a room',
        tags,
        params: idParams,
        body: z.object({ name: text(200) }),
        response: { 201: roomView, 404: errorResponse },
      },
    },
    async (request, reply) => {
      const location = await loadOwnLocation(app.repos, requireAuth(request).user, request.params.id);
      return reply
        .code(201)
        .send(await app.repos.availability.createRoom({ locationId: location.id, name: request.body.name }));
    },
  );

  app.patch(
    '/api/rooms/:id',
    {
      config: allow('admin'),
      schema: {
        summary: 'Rename a room, or take it out of (or back into) use',
        tags,
        params: idParams,
        body: z
          .object({ name: text(200).optional(), active: z.boolean({ error: 'must be true or false' }).optional() })
          .refine((patch) => patch.name !== undefined || patch.active !== undefined, {
            message: 'must change at least one field',
          }),
        response: { 200: roomView, 404: errorResponse },
      },
    },
    async (request) => {
      const room = found(await app.repos.availability.findRoom(request.params.id), 'room');
      await locationOfRecord(app.repos, requireAuth(request).user, room, 'room');
      return found(await app.repos.availability.updateRoom(room.id, request.body), 'room');
    },
  );

  await messageTemplateRoutes(app);
  await clinicLogoRoutes(app);
}
