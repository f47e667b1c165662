import { z } from 'zod';
import { photoKinds } from '../../../storage/database-schema.js';
import type { PhotoRecord } from '../../../core/records/index.js';

/** A photo's details; the file's location on disk stays on the server. */
export const photoView = z.object({
  id: z.string(),
  patientId: z.string(),
  sessionId: z.string().nullable(),
  kind: z.enum(photoKinds),
  mime: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string().describe('ISO 8601 timestamp'),
  url: z.string().describe('Where the image is served'),
});

export function photoFor(photo: PhotoRecord): z.input<typeof photoView> {
  const { id, patientId, sessionId, kind, mime, createdBy, createdAt } = photo;
  return { id, patientId, sessionId, kind, mime, createdBy, createdAt, url: `/api/photos/${id}` };
}
