import type { Role } from '../api/api-types';

/** The server's role groups (src/server/plugins/access-control.ts), to show only what a role may use. */
export const staffRoles: readonly Role[] = ['admin', 'practitioner', 'reception'];
export const clinicalRoles: readonly Role[] = ['admin', 'practitioner'];

export function isStaff(role: Role): boolean {
  return staffRoles.includes(role);
}

export function isClinical(role: Role): boolean {
  return clinicalRoles.includes(role);
}

/** Where each role starts after signing in. */
export function homePath(role: Role): string {
  return role === 'patient' ? '/portal' : '/today';
}
