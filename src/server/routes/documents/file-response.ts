import type { FastifyReply } from 'fastify';
import { z } from 'zod';

/**
 * A file download's OpenAPI response (the body is the file, not JSON; `z.file()` is documented as
 * `type: string, format: binary`) and its headers. The name is built from ids and fixed words only,
 * so it needs no escaping in Content-Disposition.
 */
export function fileResponse(mime: string, description: string) {
  return { description, content: { [mime]: { schema: z.file() } } };
}

export function sendFile(
  reply: FastifyReply,
  file: { contentType: string; name: string; disposition?: 'inline' | 'attachment' },
): FastifyReply {
  return (
    reply
      .type(file.contentType)
      .header('content-disposition', `${file.disposition ?? 'attachment'}; filename="${file.name}"`)
      // Patient data: never kept by a shared cache or the browser's back-forward cache.
      .header('cache-control', 'no-store')
  );
}

/** `2026-11-22T09-30-00Z`: sortable and safe in a file name. */
export function fileStamp(now: Date = new Date()): string {
  return now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
}
