import { roles, type Role } from '../../../src/storage/database-schema.js';
import type { App } from '../../../src/server/app-types.js';

export const writeMethods = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type WriteMethod = (typeof writeMethods)[number];

export interface WriteRoute {
  method: WriteMethod;
  /** As registered, e.g. `/api/patients/:id`. */
  url: string;
  /** The roles the route lets in. */
  roles: readonly Role[];
}

export const routeKey = (route: { method: string; url: string }) => `${route.method} ${route.url}`;

const isWriteMethod = (method: string): method is WriteMethod => (writeMethods as readonly string[]).includes(method);

/**
 * Every write route that needs a signed-in caller, as the app registered it (the role guard's
 * table is filled by an `onRoute` hook), so that a route added later is included without anyone
 * listing it. Public writes (sign-in) carry no session to forge.
 */
export function signedInWriteRoutes(app: App): WriteRoute[] {
  const routes = new Map<string, WriteRoute>();
  for (const entry of app.routeAccess) {
    if (!isWriteMethod(entry.method) || entry.access === 'public') continue;
    routes.set(routeKey(entry), { method: entry.method, url: entry.url, roles: entry.access.roles });
  }
  return [...routes.values()].sort((a, b) => routeKey(a).localeCompare(routeKey(b)));
}

/** The role to call a route as: admin where allowed (it may do most), else the first the route names in role order. */
export function callerRole(route: WriteRoute): Role {
  const role = roles.find((r) => route.roles.includes(r));
  if (!role) throw new Error(`${routeKey(route)} lets no role in`);
  return role;
}
