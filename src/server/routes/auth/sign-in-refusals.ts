import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { PasswordCheck } from '../../../services/accounts/password-check.js';
import { auditEntries, type AuditEvent } from '../../../storage/repositories/audit-entries.js';
import type { App } from '../../app-types.js';
import { errorResponse } from '../../validation/fields.js';

type Refused = Exclude<PasswordCheck, { kind: 'passed' }>;

export const limitedResponse = errorResponse.extend({
  retryAfterSeconds: z.number().int().describe('Seconds to wait before trying again (also in Retry-After)'),
});

/**
 * The audit entries of a refused password: the account tried (when it exists), from which address,
 * and why; plus the lockout when this failure locked the account.
 */
export function refusalEvents(entity: string, check: Refused, clientAddress: string): AuditEvent[] {
  const account = check.user ?? null;
  const events: AuditEvent[] = [
    { action: 'create', entity, entityId: account?.id ?? null, patientId: null, reason: check.reason, clientAddress },
  ];
  if (check.kind === 'failed' && check.lockedUntil && account)
    events.push({
      action: 'create',
      entity: 'login_lockout',
      entityId: account.id,
      patientId: null,
      reason: 'too_many_failures',
      clientAddress,
    });
  return events;
}

/**
 * Audits a refused sign-in in the log of the clinic whose account was tried (the request has no
 * signed-in user to take it from); tries of unknown emails belong to no clinic.
 */
export async function auditSignInRefusal(app: App, request: FastifyRequest, check: Refused): Promise<void> {
  const events = refusalEvents('sign_in', check, request.ip);
  const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
  await app.repos.audit.append(
    auditEntries(events, { clinicId: check.user?.clinicId ?? null, userId: null, role: null, route }),
  );
}

/** 429 with Retry-After: the account is locked, or tries from this address or of this account must wait. */
export function sendTooManyTries(
  reply: FastifyReply,
  check: Extract<PasswordCheck, { kind: 'limited' }>,
): FastifyReply {
  const seconds = check.retryAfterSeconds;
  const wait = seconds >= 120 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
  const body =
    check.reason === 'account_locked'
      ? {
          error: 'account_locked',
          message: `this account is locked after too many failed sign-ins; try again in ${wait}, or ask an admin to unlock it`,
        }
      : { error: 'rate_limited', message: `too many failed sign-ins; try again in ${wait}` };
  return reply
    .code(429)
    .header('retry-after', String(seconds))
    .send({ ...body, retryAfterSeconds: seconds });
}
