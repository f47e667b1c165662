import { z } from 'zod';

/** OpenAPI for a route that answers with the image itself (a file: `type: string, format: binary`). */
export const imageResponse = {
  description:
    'The image as stored (re-encoded from the upload, without camera metadata); never cached (Cache-Control: private, no-store)',
  content: Object.fromEntries(['image/jpeg', 'image/png', 'image/webp'].map((mime) => [mime, { schema: z.file() }])),
};

/** The multipart form of an image upload, for OpenAPI (see multipart-body.ts). */
export const imageFile = (description: string) => z.file().describe(description);
