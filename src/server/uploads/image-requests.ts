import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuditEvent } from '../../storage/repositories/audit-entries.js';
import { notFound } from '../http-errors.js';
import { receiveImages, type ReceiveOptions, type ReceivedUpload } from './receive-images.js';
import { committedImages, openImage, sendImage } from './stored-images.js';

export type CommittedImages = ReturnType<typeof committedImages>;

/**
 * Receives a request's images and hands them to `store`, which commits each into place (last in its
 * transaction). When anything fails the committed files are removed again; what still waits in the
 * temporary folder is always discarded.
 */
export async function storeReceivedImages<T>(
  request: FastifyRequest,
  options: ReceiveOptions,
  store: (upload: ReceivedUpload, files: CommittedImages) => Promise<T>,
): Promise<T> {
  const upload = await receiveImages(request, options);
  const files = committedImages(options.dataDir);
  try {
    return await store(upload, files);
  } catch (error) {
    await files.undo();
    throw error;
  } finally {
    await upload.discard();
  }
}

/**
 * Sends a stored image once its read is audited. A missing file is 404 and logged (`missing` says
 * which kind of image); a failed audit closes the file before the error answers.
 */
export async function sendAuditedImage(
  request: FastifyRequest,
  reply: FastifyReply,
  dataDir: string,
  stored: { id: string; filePath: string; mime: string },
  read: AuditEvent,
  missing: string,
): Promise<FastifyReply> {
  const image = await openImage(dataDir, stored.filePath);
  if (!image) {
    request.log.warn({ photoId: stored.id }, missing);
    throw notFound('photo');
  }
  try {
    await request.audit(read);
  } catch (error) {
    image.stream.destroy();
    throw error;
  }
  return sendImage(reply, stored.mime, image);
}
