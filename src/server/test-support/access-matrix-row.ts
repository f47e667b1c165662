import type { Role } from '../../storage/database-schema.js';

/** One route's expected access, for the authorization-matrix test: which callers get through the role guard. */
export interface AccessMatrixRow {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As registered, with parameters, e.g. `/api/patients/:patientId/consents`. */
  url: string;
  /** Roles allowed past the role guard; 'anonymous' for public routes. */
  allowed: ReadonlyArray<Role | 'anonymous'>;
  /**
   * The notes policy, for a route that shows clinicians' notes: answer fields that these allowed roles
   * never get, while the other allowed roles do. Checked on the fixture patient's charted and rated
   * session (`:id` names that session, or the patient, as `id` says). A field in each item of a list
   * is written `outcomes[].notes`.
   */
  withheld?: { id: 'session' | 'patient'; fields: readonly string[]; from: readonly Role[] };
  /**
   * The notes policy, for a route that writes a field which, once the patient has given it, is theirs
   * alone to change: these allowed roles then get 409 naming the field, and the patient still may.
   */
  patientOwned?: { id: 'session'; field: string; value: unknown; refused: readonly Role[] };
}
