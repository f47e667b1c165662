import fastifyMultipart from '@fastify/multipart';
import type { App } from '../app-types.js';

export const maxImageBytes = 10 * 1024 * 1024;

/**
 * Lets the routes of the calling plugin (and only those: the registration is encapsulated) read
 * multipart forms. Every limit is explicit, since multipart bypasses Fastify's body limit.
 */
export async function acceptImageUploads(app: App): Promise<void> {
  await app.register(fastifyMultipart, {
    throwFileSizeLimit: true,
    limits: {
      fileSize: maxImageBytes,
      files: 10,
      fields: 10,
      fieldSize: 1000,
      fieldNameSize: 100,
      parts: 20,
      headerPairs: 100,
    },
  });
}
