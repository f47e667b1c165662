import type { FastifyRequest } from 'fastify';
import type { App } from '../../app-types.js';
import { notFound } from '../../http-errors.js';
import { deleteWithImage } from '../../uploads/stored-images.js';
import type { Repositories } from '../../../storage/repositories/repositories.js';

/**
 * Deletes a photo (a patient's, or one of a side-effect report): its row and the audit entry in one
 * transaction, then its file. A row already gone when the transaction runs is a 404, file kept.
 */
export async function deletePhotoAudited(
  app: App,
  request: FastifyRequest,
  photo: { id: string; filePath: string },
  audited: { entity: string; patientId: string },
  deleteRow: (tx: Repositories, id: string) => Promise<boolean>,
): Promise<void> {
  await deleteWithImage(app.appConfig.dataDir, photo.filePath, () =>
    app.repos.transaction(async (tx) => {
      if (!(await deleteRow(tx, photo.id))) throw notFound('photo');
      await request.audit(
        { action: 'delete', entity: audited.entity, entityId: photo.id, patientId: audited.patientId },
        tx,
      );
    }),
  );
}
