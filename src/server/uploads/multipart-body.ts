import { z } from 'zod';

/**
 * A route's `body` for a multipart form: `form` documents the fields in OpenAPI (which shows a
 * preprocessed schema as the schema after the step), while validation only checks that the body was
 * left unread for the handler (multipart bodies are streamed, so their fields are checked as they
 * arrive). Anything else, such as JSON, is refused.
 */
export function multipartBody<S extends z.ZodObject>(form: S) {
  // Fastify hands an unread body to validators as null.
  return z.preprocess((input, ctx) => {
    if (input !== null && input !== undefined) ctx.addIssue({ code: 'custom', message: 'must be multipart/form-data' });
    return undefined;
  }, form.optional());
}
