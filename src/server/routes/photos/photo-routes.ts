import { z } from 'zod';
import { photoKinds } from '../../../storage/database-schema.js';
import { newId } from '../../../storage/ids.js';
import type { App } from '../../app-types.js';
import { loadWritablePatient } from '../../../services/access/patient-access.js';
import { loadAccessiblePhoto, loadWritablePhoto } from '../../../services/access/photo-access.js';
import { invalidField } from '../../http-errors.js';
import { clinicalOrOwn, clinicians } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { id, idParams, oneOf } from '../../validation/fields.js';
import { patientWriteConflict } from '../../validation/merged-patient-response.js';
import { imageFile, imageResponse } from '../../uploads/image-response.js';
import { acceptImageUploads } from '../../uploads/image-uploads.js';
import { multipartBody } from '../../uploads/multipart-body.js';
import { sendAuditedImage, storeReceivedImages } from '../../uploads/image-requests.js';
import { parseFormFields } from '../../uploads/receive-images.js';
import { imagePath } from '../../uploads/stored-images.js';
import { readOf } from '../../../services/audit-reads.js';
import { assertRoomForImages } from '../../../services/photos/photo-quota.js';
import { photoFor, photoView } from './photo-view.js';
import { deletePhotoAudited } from './delete-photo.js';
import { auditedPatientRecords } from '../patients/patient-records.js';
import { answers, answersWith, routeSpec } from '../route-spec.js';

const photoFields = z.object({
  kind: oneOf(photoKinds),
  sessionId: id.optional().describe("One of the patient's sessions"),
});

/**
 * Before and after photos of a patient, optionally of one session. Clinicians upload and delete
 * them; the clinic's clinicians and the patient may see them; reception may not. Every read and
 * write is audited, the image's content included.
 */
export async function photoRoutes(app: App): Promise<void> {
  const spec = routeSpec(['photos']);
  await acceptImageUploads(app);

  app.post(
    '/api/patients/:id/photos',
    spec(clinicians, 'Upload a before or after photo of the patient (multipart)', {
      description:
        'Fields: kind (before|after), optional sessionId, and one image in "photo": JPEG, PNG or WebP (checked by content), at most 10 MB (413 beyond). ' +
        "413 photo_quota_exceeded when the patient's or the clinic's stored photos would go over their limit.",
      consumes: ['multipart/form-data'],
      params: idParams,
      body: multipartBody(photoFields.extend({ photo: imageFile('A JPEG, PNG or WebP image') })),
      response: { ...answersWith(201, photoView, 400, 404, 413), 409: patientWriteConflict },
    }),
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
    spec(clinicalOrOwn, "The patient's photos, newest first", {
      params: idParams,
      response: answers(z.object({ photos: z.array(photoView) }), 404),
    }),
    async (request) => {
      const photos = await auditedPatientRecords(app.repos, request, request.params.id, 'photo', (patientId) =>
        app.repos.photos.listByPatient(patientId),
      );
      return { photos: photos.map(photoFor) };
    },
  );

  app.get(
    '/api/photos/:id',
    spec(clinicalOrOwn, 'One photo (the image itself)', {
      params: idParams,
      response: answers(imageResponse, 403, 404),
    }),
    async (request, reply) => {
      const { user } = requireAuth(request);
      const photo = await loadAccessiblePhoto(app.repos, user, request.params.id);
      const { dataDir } = app.appConfig;
      return sendAuditedImage(request, reply, dataDir, photo, readOf('photo', photo), 'photo file missing');
    },
  );

  app.delete(
    '/api/photos/:id',
    spec(clinicians, 'Delete a photo and its file', {
      params: idParams,
      response: { ...answersWith(204, z.null(), 404), 409: patientWriteConflict },
    }),
    async (request, reply) => {
      const photo = await loadWritablePhoto(app.repos, requireAuth(request).user, request.params.id);
      await deletePhotoAudited(app, request, photo, { entity: 'photo', patientId: photo.patientId }, (tx, id) =>
        tx.photos.delete(id),
      );
      return reply.code(204).send(null);
    },
  );
}
