import type { z } from 'zod';
import { validatedBy } from '../validation/zod-validation.js';

/**
 * A route's `body` for a multipart form: `form` documents the fields in OpenAPI, while the
 * validator only checks that the body was left unread for the handler (multipart bodies are
 * streamed, so their fields are checked as they arrive). Anything else, such as JSON, is refused.
 */
export function multipartBody<S extends z.ZodObject>(form: S) {
  // Fastify hands an unread body to validators as null.
  return validatedBy(form.optional(), (input) =>
    input === null || input === undefined ? { ok: true, value: undefined } : { ok: false, problems: [{ field: '(body)', message: 'must be multipart/form-data' }] },
  );
}
