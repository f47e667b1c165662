import type { FieldProblem } from '../core/assessment/parse-intake.js';

export type { FieldProblem };

/** An error that is the client's to fix, with the status and body the error handler sends. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }

  body(): Record<string, unknown> {
    return { error: this.code, message: this.message, ...this.extra };
  }
}

/** 400 with the field problems, e.g. `{ field: 'patient.birthDate', message: 'required' }`. */
export class InvalidInputError extends HttpError {
  constructor(readonly problems: FieldProblem[]) {
    super(400, 'invalid_input', problems.map((p) => `${p.field}: ${p.message}`).join('; ') || 'invalid input', {
      problems,
    });
    this.name = 'InvalidInputError';
  }
}

/** 413 with the field problems: a part of the body (an image, say) beyond its size limit. */
export class PayloadTooLargeError extends HttpError {
  constructor(readonly problems: FieldProblem[]) {
    super(
      413,
      'payload_too_large',
      problems.map((p) => `${p.field}: ${p.message}`).join('; ') || 'the request is too large',
      { problems },
    );
    this.name = 'PayloadTooLargeError';
  }
}

export const invalidField = (field: string, message: string) => new InvalidInputError([{ field, message }]);
export const unauthenticated = () => new HttpError(401, 'unauthenticated', 'sign in first');
export const forbidden = (message = 'your role may not do this') => new HttpError(403, 'forbidden', message);
export const notFound = (entity: string) => new HttpError(404, 'not_found', `${entity} not found`);
export const conflict = (code: string, message: string) => new HttpError(409, code, message);
