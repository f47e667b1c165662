import { roles, type Role } from '../../storage/database-schema.js';

/** Who may do what, by role; the HTTP role guard (`plugins/access-control.ts`) and the services share these lists. */
export const anyRole: readonly Role[] = roles;
export const staffRoles: readonly Role[] = ['admin', 'practitioner', 'reception'];
export const clinicalRoles: readonly Role[] = ['admin', 'practitioner'];
