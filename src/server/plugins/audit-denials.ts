import type { FastifyRequest } from 'fastify';
import type { AuditAction } from '../../core/records/index.js';
import { denialOf, type Denial } from '../../services/access/access-denied.js';
import { alertOnDenialBurst } from '../../services/messaging/denial-alerts.js';
import { DomainError } from '../../services/domain-errors.js';
import type { NewAuditEntry } from '../../storage/repositories/audit-repository.js';
import type { App } from '../app-types.js';

/**
 * Refused requests leave audit entries: who (user and role, or no one), what (the route, and the
 * kind and id of the record asked for) and why (`reason`: not signed in, wrong role, another
 * patient's record, another clinic's, another rule of the route), with the client's address.
 *
 * Audited: every 401 and 403 of a route that needs a sign-in, and every 404 that hid a record
 * which exists but is not the caller's (services/access/ marks those). Not audited: public routes,
 * the sign-in routes (which audit failed sign-ins themselves), and 404s for ids that name nothing,
 * which the caller could not have known to be anyone's.
 *
 * A try at another clinic's record is also written to that clinic's log, naming its patient. After
 * each refusal of a signed-in user, a burst of them raises an alert (services/messaging/denial-alerts.ts).
 */

const actions: Readonly<Record<string, AuditAction>> = {
  GET: 'read',
  HEAD: 'read',
  POST: 'create',
  PUT: 'update',
  PATCH: 'update',
  DELETE: 'delete',
};

/** Audit entity names for the URL segments before a record's id, where the plain singular is not it. */
const segmentEntities: Readonly<Record<string, string>> = {
  sessions: 'treatment_session',
  'side-effects': 'side_effect_report',
  practitioners: 'user',
  staff: 'user',
};

/** The record a route names: the segment before its last parameter, and that parameter's value. */
export function recordOfRoute(
  url: string,
  params: Readonly<Record<string, unknown>>,
): { entity: string; entityId: string | null } {
  const segments = url.split('/').filter(Boolean);
  let at = segments.length;
  for (let i = segments.length - 1; i >= 0; i--)
    if (segments[i]?.startsWith(':')) {
      at = i;
      break;
    }
  const paramName = segments[at]?.slice(1).replace(/\..*$/, '');
  const value = paramName ? params[paramName] : undefined;
  const segment = [...segments.slice(0, at)].reverse().find((s) => !s.startsWith(':')) ?? 'api';
  const entity = segmentEntities[segment] ?? segment.replace(/s$/, '').replace(/-/g, '_');
  return { entity, entityId: typeof value === 'string' ? value.slice(0, 200) : null };
}

function denialOfError(error: unknown): Denial | undefined {
  if (!(error instanceof DomainError)) return undefined;
  const marked = denialOf(error);
  if (marked) return marked;
  if (error.kind === 'unauthenticated') return { reason: 'not_signed_in' };
  if (error.kind === 'forbidden') return { reason: 'refused' };
  return undefined;
}

/** The entries a refused request leaves, or none when it is not one to audit. */
export function denialEntries(request: FastifyRequest, error: unknown): NewAuditEntry[] {
  const access = request.routeOptions.config.access;
  const url = request.routeOptions.url;
  if (access === undefined || access === 'public' || url === undefined || url.startsWith('/api/auth/')) return [];
  const denial = denialOfError(error);
  if (!denial) return [];
  const asked = recordOfRoute(url, (request.params ?? {}) as Record<string, unknown>);
  const entity = denial.entity ?? asked.entity;
  const entityId = denial.entityId ?? asked.entityId;
  const user = request.auth?.user;
  const common = {
    userId: user?.id ?? null,
    role: user?.role ?? null,
    route: `${request.method} ${url}`,
    action: actions[request.method] ?? 'read',
    entity,
    reason: denial.reason,
    clientAddress: request.ip,
  };
  const entries: NewAuditEntry[] = [
    { ...common, clinicId: user?.clinicId ?? null, records: [{ entityId, patientId: denial.patientId ?? null }] },
  ];
  if (denial.recordClinicId && denial.recordClinicId !== user?.clinicId)
    entries.push({
      ...common,
      clinicId: denial.recordClinicId,
      records: [{ entityId, patientId: denial.recordPatientId ?? null }],
    });
  return entries;
}

/**
 * Refusals of requests without a sign-in name no one and cost a row each: past this many a minute
 * from one address (a scanner), they are no longer written one by one. Signed-in users are bounded
 * by their sessions (and alerted on, below).
 */
export const anonymousRefusalsPerMinute = 60;

/** Counts refusals per client address per minute; `allow` says whether one more may be written. */
function perAddressBudget(perMinute: number) {
  let minute = 0;
  let counts = new Map<string, number>();
  return {
    allow(address: string, nowMs: number): boolean {
      const current = Math.floor(nowMs / 60_000);
      if (current !== minute) {
        minute = current;
        counts = new Map();
      }
      const used = counts.get(address) ?? 0;
      counts.set(address, used + 1);
      return used < perMinute;
    },
  };
}

/** Registers the hook (from the audit plugin, whose group commit `write` is). */
export function auditDenials(app: App, write: (entries: readonly NewAuditEntry[]) => Promise<void>): void {
  const anonymous = perAddressBudget(anonymousRefusalsPerMinute);
  // One burst check at a time per user: two refusals at once must not both raise an alert.
  const checking = new Map<string, Promise<unknown>>();
  const checkBurst = (request: FastifyRequest, route: string) => {
    const user = request.auth?.user;
    if (!user) return Promise.resolve();
    const previous = checking.get(user.id) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(() => alertOnDenialBurst(app.repos, user, route, app.appConfig.denialAlerts, app.appConfig.messaging));
    checking.set(user.id, next);
    const forget = () => {
      if (checking.get(user.id) === next) checking.delete(user.id);
    };
    next.then(forget, forget);
    return next;
  };

  // onError runs before the error handler answers: the entry is stored before the refusal leaves.
  app.addHook('onError', async (request, _reply, error) => {
    const entries = denialEntries(request, error);
    if (entries.length === 0) return;
    if (!request.auth && !anonymous.allow(request.ip, app.now().getTime())) return;
    try {
      await write(entries);
      await checkBurst(request, entries[0]?.route ?? '');
    } catch (failure) {
      // The refusal itself reveals nothing, so it still goes out; the failure is for the operator.
      request.log.error({ err: failure }, 'could not audit a refused request');
    }
  });
}
