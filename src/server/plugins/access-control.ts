import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Role } from '../../storage/database-schema.js';
import { anyRole, clinicalRoles, staffRoles } from '../../services/access/roles.js';
import { forbidden, unauthenticated } from '../http-errors.js';
import { denied } from '../../services/access/access-denied.js';
import type { App } from '../app-types.js';

/**
 * The role guard. Every route declares who may call it in `config.access`; a route without one
 * fails at start-up, so nothing is exposed by forgetting.
 *
 *   config: publicAccess             // anyone, signed in or not
 *   config: allow('admin')           // signed in with one of these roles
 *   config: allow(...anyRole)        // any signed-in user (`signedIn`; likewise `staff`, `clinicians`)
 *
 * Record-level rules (same clinic, a patient's own records) are in services/access/.
 */
import type { Access, RouteAccess } from './route-access.js';

export type { Access, RouteAccess };

export const publicAccess = { access: 'public' } as const satisfies { access: Access };
export { anyRole, clinicalRoles, staffRoles };

export function allow(...allowed: Role[]): { access: Access } {
  return { access: { roles: allowed } };
}

// The audiences most routes name: `spec(staff, ...)` says who may call, as `allow(...)` would.
export const signedIn = allow(...anyRole);
export const staff = allow(...staffRoles);
export const clinicians = allow(...clinicalRoles);
/** Clinicians, and a patient for their own records (which records are theirs, the route checks in services/access/). */
export const clinicalOrOwn = allow('admin', 'practitioner', 'patient');

export function isPublic(request: FastifyRequest): boolean {
  return request.routeOptions.config.access === 'public';
}

export interface AccessControlOptions {
  /** URL prefixes whose routes (registered by plugins, like the docs page) are public. */
  publicPrefixes: readonly string[];
}

export const accessControlPlugin = fp(
  async (app: App, options: AccessControlOptions) => {
    const table: RouteAccess[] = [];
    app.decorate('routeAccess', table);
    app.addHook('onRoute', (route) => {
      const config = (route.config ?? {}) as { access?: Access };
      let access = config.access;
      if (!access && options.publicPrefixes.some((prefix) => route.url.startsWith(prefix))) {
        access = 'public';
        route.config = { ...config, access };
      }
      if (!access)
        throw new Error(
          `route ${String(route.method)} ${route.url} declares no config.access (see plugins/access-control.ts)`,
        );
      for (const method of [route.method].flat()) table.push({ method, url: route.url, access });
    });

    app.addHook('onRequest', async (request) => {
      // Unmatched URLs reach the not-found handler, which has no access config and reveals nothing.
      const access = request.routeOptions.config.access;
      if (access === undefined || access === 'public') return;
      // Refusals carry their reason for the audit log (plugins/audit-denials.ts); the answers are the plain ones.
      if (!request.auth) throw denied(unauthenticated(), { reason: 'not_signed_in' });
      if (!access.roles.includes(request.auth.user.role)) throw denied(forbidden(), { reason: 'wrong_role' });
    });
  },
  { name: 'access-control', dependencies: ['authentication'] },
);
