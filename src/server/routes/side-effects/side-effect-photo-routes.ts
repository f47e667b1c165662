import { z } from 'zod';
import { newId } from '../../../storage/ids.js';
import type { SideEffectPhotoRecord } from '../../../core/records/index.js';
import type { App } from '../../app-types.js';
import { notFound } from '../../http-errors.js';
import { clinicalOrOwn } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { idParams } from '../../validation/fields.js';
import { imageFile, imageResponse } from '../../uploads/image-response.js';
import { acceptImageUploads } from '../../uploads/image-uploads.js';
import { multipartBody } from '../../uploads/multipart-body.js';
import { sendAuditedImage, storeReceivedImages } from '../../uploads/image-requests.js';
import { imagePath } from '../../uploads/stored-images.js';
import { deletePhotoAudited } from '../photos/delete-photo.js';
import { readOf } from '../../../services/audit-reads.js';
import { loadAccessibleReport, loadWritableReport } from '../../../services/access/side-effect-report-access.js';
import { patientWriteConflict } from '../../validation/merged-patient-response.js';
import { assertRoomForImages } from '../../../services/photos/photo-quota.js';
import { assertMayDeleteReportPhoto, reportOpenDays } from '../../../services/photos/report-photo-deletion.js';
import { reportPhotoFor, reportPhotoView } from './side-effect-schemas.js';
import { answers, answersWith, routeSpec } from '../route-spec.js';

const maxPhotosPerUpload = 5;
const photoParams = idParams.extend({ photoId: idParams.shape.id });

/** Photos of a side effect, from whoever may see the report; stored and served like all clinical images. */
export async function sideEffectPhotoRoutes(app: App): Promise<void> {
  const spec = routeSpec(['side effects']);
  await acceptImageUploads(app);

  app.post(
    '/api/side-effects/:id/photos',
    spec(clinicalOrOwn, 'Add photos to a side-effect report (multipart)', {
      description:
        `Up to ${maxPhotosPerUpload} images in the "photo" field; JPEG, PNG or WebP (checked by content), at most 10 MB each (413 beyond). ` +
        "413 photo_quota_exceeded when the patient's or the clinic's stored photos would go over their limit (nothing is stored).",
      consumes: ['multipart/form-data'],
      params: idParams,
      body: multipartBody(z.object({ photo: imageFile('A JPEG, PNG or WebP image; repeat the field for several') })),
      response: {
        ...answersWith(201, z.object({ photos: z.array(reportPhotoView) }), 400, 404, 413),
        409: patientWriteConflict,
      },
    }),
    async (request, reply) => {
      const { user } = requireAuth(request);
      const { dataDir, photoQuota: quota } = app.appConfig;
      // Access first: nothing is read from someone who may not add to this report.
      const { report, session } = await loadWritableReport(app.repos, user, request.params.id);
      const options = { dataDir, fileField: 'photo', maxFiles: maxPhotosPerUpload, fields: [] };
      const photos = await storeReceivedImages(request, options, (upload, files) =>
        app.repos.transaction(async (tx) => {
          // The session's patient is of the user's clinic: loadWritableReport made sure.
          const bytes = upload.images.reduce((sum, image) => sum + image.bytes, 0);
          await assertRoomForImages(tx, { patientId: session.patientId, clinicId: user.clinicId, bytes, quota });
          const created: SideEffectPhotoRecord[] = [];
          for (const image of upload.images) {
            const id = newId();
            const filePath = imagePath(session.patientId, id, image.type.extension);
            created.push(
              await tx.sideEffects.addPhoto({
                id,
                reportId: report.id,
                filePath,
                mime: image.type.mime,
                bytes: image.bytes,
                createdBy: user.id,
              }),
            );
            await files.commit(image.tempPath, filePath);
          }
          await request.audit(
            created.map((p) => ({
              action: 'create' as const,
              entity: 'side_effect_photo',
              entityId: p.id,
              patientId: session.patientId,
            })),
            tx,
          );
          return created;
        }),
      );
      return reply.code(201).send({ photos: photos.map(reportPhotoFor) });
    },
  );

  app.get(
    '/api/side-effects/:id/photos/:photoId',
    spec(clinicalOrOwn, 'One photo of a side-effect report (the image itself)', {
      params: photoParams,
      response: answers(imageResponse, 404),
    }),
    async (request, reply) => {
      const { user } = requireAuth(request);
      const { report, session } = await loadAccessibleReport(app.repos, user, request.params.id);
      const photo = await app.repos.sideEffects.findPhoto(request.params.photoId);
      if (!photo || photo.reportId !== report.id) throw notFound('photo');
      const read = readOf('side_effect_photo', photo, session.patientId);
      return sendAuditedImage(request, reply, app.appConfig.dataDir, photo, read, 'side-effect photo file missing');
    },
  );

  app.delete(
    '/api/side-effects/:id/photos/:photoId',
    spec(clinicalOrOwn, 'Delete a photo of a side-effect report, and its file', {
      description: `Only whoever uploaded the photo (403 for anyone else), within ${reportOpenDays} days of the report (409 report_closed after).`,
      params: photoParams,
      response: { ...answersWith(204, z.null(), 403, 404), 409: patientWriteConflict },
    }),
    async (request, reply) => {
      const { user } = requireAuth(request);
      const { report, session } = await loadWritableReport(app.repos, user, request.params.id);
      const photo = await app.repos.sideEffects.findPhoto(request.params.photoId);
      if (!photo || photo.reportId !== report.id) throw notFound('photo');
      assertMayDeleteReportPhoto(user, report, photo, app.now());
      const audited = { entity: 'side_effect_photo', patientId: session.patientId };
      await deletePhotoAudited(app, request, photo, audited, (tx, id) => tx.sideEffects.deletePhoto(id));
      return reply.code(204).send(null);
    },
  );
}
