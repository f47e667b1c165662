import type { DomainErrorKind } from '../services/domain-errors.js';

export {
  DomainError,
  InvalidInputError,
  PayloadTooLargeError,
  conflict,
  forbidden,
  gone,
  invalidField,
  isNotFound,
  notFound,
  tooLarge,
  unauthenticated,
  type FieldProblem,
} from '../services/domain-errors.js';

/** The HTTP status for each kind of domain error; the error handler answers with it. */
export const statusOfKind: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  gone: 410,
};
