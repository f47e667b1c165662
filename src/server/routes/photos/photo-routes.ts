import { z } from 'zod';
import { photoKinds } from '../../../storage/database-schema.js';
import { newId } from '../../../storage/ids.js';
import type { App } from '../../app-types.js';
import { loadWritablePatient } from '../../../services/access/patient-access.js';
import { loadAccessiblePhoto, loadWritablePhoto } from '../../../services/access/photo-access.js';
import { invalidField, notFound } from '../../http-errors.js';
import { allow, clinicalRoles } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { errorResponse, id, idParams } from '../../validation/fields.js';
import { patientWriteConflict } from '../../validation/merged-patient-response.js';
import { imageFile, imageResponse } from '../../uploads/image-response.js';
import { acceptImageUploads } from '../../uploads/image-uploads.js';
import { multipartBody } from '../../uploads/multipart-body.js';
import { sendAuditedImage, storeReceivedImages } from '../../uploads/image-requests.js';
import { parseFormFields } from '../../uploads/receive-images.js';
import { deleteWithImage, imagePath } from '../../uploads/stored-images.js';
import { readOf } from '../../../services/audit-reads.js';
import { assertRoomForImages } from '../../../services/photos/photo-quota.js';
import { photoFor, photoView } from './photo-view.js';
import { auditedPatientRecords } from '../patients/patient-records.js';

const photoFields = z.object({
  kind: z.enum(photoKinds, { error: `must be one of: ${photoKinds.join(', ')}` }),
  sessionId: id.optional().describe("One of the patient's sessions"),
});

/**
 * Before and after photos of a patient, optionally of one session. Clinicians upload and delete
 * them; the clinic's clinicians and the patient may see them; reception may not. Every read and
 * write is audited, the image's content included.
 */
export async function photoRoutes(app: App): Promise<void> {
  const tags = ['photos'];
  const clinicalOrOwn = allow('admin', 'practitioner', 'patient');
  await acceptImageUploads(app);

  app.post(
    '/api/patients/:id/photos',
    {
      config: allow(...clinicalRoles),
      schema: {
        summary: 'Upload a before or after photo of the patient (multipart)',
        description:
          'Fields: kind (before|after), optional sessionId, and one image in "photo": JPEG, PNG or WebP (checked by content), at most 10 MB (413 beyond). ' +
          "413 photo_quota_exceeded when the patient's or the clinic's stored photos would go over their limit.",
        tags,
        consumes: ['multipart/form-data'],
        params: idParams,
        body: multipartBody(photoFields.extend({ photo: imageFile('A JPEG, PNG or WebP image') })),
        response: {
          201: photoView,
          400: errorResponse,
          404: errorResponse,
          409: patientWriteConflict,
          413: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const { dataDir } = app.appConfig;
      const patient = await loadWritablePatient(app.repos, user, request.params.id);
      const options = { dataDir, fileField: 'photo', maxFiles: 1, fields: ['kind', 'sessionId'] };
      const photo = await storeReceivedImages(request, options, async (upload, files) => {
        const fields = parseFormFields(photoFields, upload.fields);
        const [image] = upload.images;
        if (!image) throw invalidField('photo', 'required');
        return app.repos.transaction(async (tx) => {
          if (fields.sessionId !== undefined) {
            const session = await tx.treatmentSessions.findById(fields.sessionId);
            if (!session || session.patientId !== patient.id)
              throw invalidField('sessionId', "must be one of the patient's sessions");
          }
          const { photoQuota: quota } = app.appConfig;
          await assertRoomForImages(tx, {
            patientId: patient.id,
            clinicId: patient.clinicId,
            bytes: image.bytes,
            quota,
          });
          const photoId = newId();
          const filePath = imagePath(patient.id, photoId, image.type.extension);
          const created = await tx.photos.create({
            id: photoId,
            patientId: patient.id,
            sessionId: fields.sessionId ?? null,
            kind: fields.kind,
            filePath,
            mime: image.type.mime,
            createdBy: user.id,
            bytes: image.bytes,
          });
          await request.audit({ action: 'create', entity: 'photo', entityId: created.id, patientId: patient.id }, tx);
          // Last: a failed move rolls the row back, and a failed commit removes the moved file.
          await files.commit(image.tempPath, filePath);
          return created;
        });
      });
      return reply.code(201).send(photoFor(photo));
    },
  );

  app.get(
    '/api/patients/:id/photos',
    {
      config: clinicalOrOwn,
      schema: {
        summary: "The patient's photos, newest first",
        tags,
        params: idParams,
        response: { 200: z.object({ photos: z.array(photoView) }), 404: errorResponse },
      },
    },
    async (request) => {
      const photos = await auditedPatientRecords(app.repos, request, request.params.id, 'photo', (patientId) =>
        app.repos.photos.listByPatient(patientId),
      );
      return { photos: photos.map(photoFor) };
    },
  );

  app.get(
    '/api/photos/:id',
    {
      config: clinicalOrOwn,
      schema: {
        summary: 'One photo (the image itself)',
        tags,
        params: idParams,
        response: { 200: imageResponse, 403: errorResponse, 404: errorResponse },
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const photo = await loadAccessiblePhoto(app.repos, user, request.params.id);
      const { dataDir } = app.appConfig;
      return sendAuditedImage(request, reply, dataDir, photo, readOf('photo', photo), 'photo file missing');
    },
  );

  app.delete(
    '/api/photos/:id',
    {
      config: allow(...clinicalRoles),
      schema: {
        summary: 'Delete a photo and its file',
        tags,
        params: idParams,
        response: { 204: z.null(), 404: errorResponse, 409: patientWriteConflict },
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const { dataDir } = app.appConfig;
      const photo = await loadWritablePhoto(app.repos, user, request.params.id);
      await deleteWithImage(dataDir, photo.filePath, () =>
        app.repos.transaction(async (tx) => {
          if (!(await tx.photos.delete(photo.id))) throw notFound('photo');
          await request.audit(
            { action: 'delete', entity: 'photo', entityId: photo.id, patientId: photo.patientId },
            tx,
          );
        }),
      );
      return reply.code(204).send(null);
    },
  );
}
