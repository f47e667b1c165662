import type { Role } from '../../storage/database-schema.js';
/** One route's expected access, for the authorization-matrix test: which callers get through the role guard. */
export interface AccessMatrixRow {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As registered, with parameters, e.g. `/api/patients/:patientId/consents`. */
  url: string;
  /** Roles allowed past the role guard; 'anonymous' for public routes. */
  allowed: ReadonlyArray<Role | 'anonymous'>;
}
