import type { FieldProblem } from '../core/assessment/parse-intake.js';

export type { FieldProblem };

/**
 * What went wrong, in the service's terms; the HTTP edge (`server/http-errors.ts`) turns a kind into a
 * status and the CLI into a message, so services never speak HTTP.
 */
export type DomainErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  /** What was there is no more and will not be again (a one-time link used or expired). */
  | 'gone';

/** An error that is the caller's to fix: a kind, a stable code, a message and any details for the body. */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  body(): Record<string, unknown> {
    return { error: this.code, message: this.message, ...this.extra };
  }
}

const describe = (problems: FieldProblem[]) => problems.map((p) => `${p.field}: ${p.message}`).join('; ');

/** Invalid input with the field problems, e.g. `{ field: 'patient.birthDate', message: 'required' }`. */
export class InvalidInputError extends DomainError {
  constructor(readonly problems: FieldProblem[]) {
    super('invalid', 'invalid_input', describe(problems) || 'invalid input', { problems });
    this.name = 'InvalidInputError';
  }
}

/** A part of the input (an image, say) beyond its size limit, with the field problems. */
export class PayloadTooLargeError extends DomainError {
  constructor(readonly problems: FieldProblem[]) {
    super('too_large', 'payload_too_large', describe(problems) || 'the request is too large', { problems });
    this.name = 'PayloadTooLargeError';
  }
}

export const invalidField = (field: string, message: string) => new InvalidInputError([{ field, message }]);
export const unauthenticated = () => new DomainError('unauthenticated', 'unauthenticated', 'sign in first');
export const forbidden = (message = 'your role may not do this') => new DomainError('forbidden', 'forbidden', message);
export const notFound = (entity: string) => new DomainError('not_found', 'not_found', `${entity} not found`);
export const conflict = (code: string, message: string, extra: Record<string, unknown> = {}) =>
  new DomainError('conflict', code, message, extra);
export const gone = (code: string, message: string, extra: Record<string, unknown> = {}) =>
  new DomainError('gone', code, message, extra);
export const tooLarge = (message: string) => new DomainError('too_large', 'payload_too_large', message);

export const isNotFound = (error: unknown): error is DomainError =>
  error instanceof DomainError && error.kind === 'not_found';
