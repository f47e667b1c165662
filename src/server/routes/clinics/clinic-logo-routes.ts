import { z } from 'zod';
import type { App } from '../../app-types.js';
import { invalidField, notFound } from '../../http-errors.js';
import { allow, signedIn } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { reencodeImage } from '../../uploads/reencode-image.js';
import { idParams } from '../../validation/fields.js';
import { logoImage, maxLogoBytes, readLogoDataUrl } from './logo-image.js';
import { ownClinic } from './own-clinic.js';
import { answers, answersWith, type RouteSpec } from '../route-spec.js';

const logoView = z.object({
  mime: z.enum(['image/png', 'image/jpeg']),
  bytes: z.number().int(),
  updatedAt: z.string(),
});

/** The decoded, re-encoded logo, or a 400 naming `image`: it goes on every sheet, so it must print. */
async function readLogo(dataUrl: string): Promise<{ mime: 'image/png' | 'image/jpeg'; data: Buffer }> {
  const read = readLogoDataUrl(dataUrl);
  // The body schema refused every other problem already.
  if (typeof read === 'string') throw invalidField('image', read);
  // Re-encoding drops what an image carries beside its pixels and refuses a truncated file.
  const reencoded = await reencodeImage(read.bytes, {
    mime: read.mime,
    extension: read.mime === 'image/png' ? 'png' : 'jpg',
  });
  if (!reencoded.ok) throw invalidField('image', 'could not be read as an image');
  return { mime: read.mime, data: reencoded.bytes };
}

/** The clinic's logo, printed at the head of every sheet a patient is given. */
export async function clinicLogoRoutes(app: App, spec: RouteSpec): Promise<void> {
  app.get(
    '/api/clinics/:id/logo',
    spec(signedIn, "The clinic's logo (PNG or JPEG), as printed on its documents", {
      params: idParams,
      response: answers(z.any().describe('the image'), 404),
    }),
    async (request, reply) => {
      ownClinic(requireAuth(request).user.clinicId, request.params.id);
      const logo = await app.repos.clinics.findLogo(request.params.id);
      if (!logo) throw notFound('logo');
      return reply
        .header('content-type', logo.mime)
        .header('cache-control', 'private, no-cache')
        .send(Buffer.from(logo.data));
    },
  );

  app.put(
    '/api/clinics/:id/logo',
    spec(allow('admin'), "Set the clinic's logo, printed at the head of patients' sheets", {
      description: `A PNG or JPEG of at most ${maxLogoBytes / 1024} KiB as a base64 data: URL (larger: 413); it is re-encoded, which drops any metadata.`,
      params: idParams,
      body: z.object({ image: logoImage }),
      response: answers(logoView, 400, 404, 413),
    }),
    async (request) => {
      const { user } = requireAuth(request);
      ownClinic(user.clinicId, request.params.id);
      const logo = await readLogo(request.body.image);
      return app.repos.transaction(async (tx) => {
        const saved = await tx.clinics.saveLogo({ clinicId: user.clinicId, ...logo, updatedBy: user.id });
        await request.audit({ action: 'update', entity: 'clinic_logo', entityId: user.clinicId, patientId: null }, tx);
        return { mime: saved.mime, bytes: saved.data.byteLength, updatedAt: saved.updatedAt };
      });
    },
  );

  app.delete(
    '/api/clinics/:id/logo',
    spec(allow('admin'), "Remove the clinic's logo", {
      params: idParams,
      response: answersWith(204, z.null().describe('removed'), 404),
    }),
    async (request, reply) => {
      const { user } = requireAuth(request);
      ownClinic(user.clinicId, request.params.id);
      await app.repos.transaction(async (tx) => {
        if (!(await tx.clinics.removeLogo(user.clinicId))) throw notFound('logo');
        await request.audit({ action: 'delete', entity: 'clinic_logo', entityId: user.clinicId, patientId: null }, tx);
      });
      return reply.code(204).send(null);
    },
  );
}
