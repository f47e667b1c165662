import type { Role } from '../../storage/database-schema.js';

/** Who may call a route: anyone, or a signed-in user with one of these roles. */
export type Access = 'public' | { roles: readonly Role[] };

/** Every route with the access it declared, for tests and audits of the guard itself. */
export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}
