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

type Caller = Role | 'anonymous';

/** A route as the matrix reads it: `GET /api/patients/:id`. */
export type RouteKey = `${AccessMatrixRow['method']} /${string}`;

const signedIn = ['admin', 'practitioner', 'reception', 'patient'] as const;

/** The groups of callers that route folders admit again and again. */
export const callerGroups = {
  admins: ['admin'],
  patientOnly: ['patient'],
  clinicians: ['admin', 'practitioner'],
  bookkeepers: ['admin', 'reception'],
  staff: ['admin', 'practitioner', 'reception'],
  /** Clinicians, and the patient for what is their own (checked in the handler, past the guard). */
  cliniciansAndPatient: ['admin', 'practitioner', 'patient'],
  bookkeepersAndPatient: ['admin', 'reception', 'patient'],
  signedIn,
  everyone: ['anonymous', ...signedIn],
} as const satisfies Record<string, readonly Caller[]>;

/**
 * A route folder's rows: its routes listed under the group of callers each lets past the role guard,
 * then any rows that add the notes policy.
 */
export function accessRows(
  byGroup: Partial<Record<keyof typeof callerGroups, readonly RouteKey[]>>,
  ...withPolicy: AccessMatrixRow[]
): AccessMatrixRow[] {
  const rows = Object.entries(byGroup).flatMap(([group, routes]) =>
    routes.map((route): AccessMatrixRow => {
      const space = route.indexOf(' ');
      const method = route.slice(0, space) as AccessMatrixRow['method'];
      return { method, url: route.slice(space + 1), allowed: callerGroups[group as keyof typeof callerGroups] };
    }),
  );
  return [...rows, ...withPolicy];
}
