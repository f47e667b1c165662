import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import type { UserRecord } from '../../core/records/index.js';
import { auditEntries, type AuditEvent } from '../../storage/repositories/audit-entries.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import type { App } from '../app-types.js';
import { auditQueue } from './audit-queue.js';
import { auditDenials } from './audit-denials.js';

export type { AuditEvent };

/**
 * Read entries per group commit: one INSERT statement of the repository, so one implicit
 * transaction; a single read with more goes alone, stored as before.
 */
export const readAuditBatch = 500;

/**
 * Who a request's entries name when no one signed in made it: a calendar app fetching a
 * subscription address reads its owner's appointments, but it is not the owner. The entries then
 * name the owner (whose address it is), `via` (which feed), and the address the request came from.
 */
export interface AuditStandIn {
  user: Pick<UserRecord, 'id' | 'clinicId' | 'role'>;
  via: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by a route that lets a request in without a sign-in (calendar feeds): see AuditStandIn. */
    auditStandIn: AuditStandIn | null;
  }
}

/**
 * `request.audit(events, tx?)` appends to the audit log, filling in who, when and which route: one
 * entry per action and kind of record, naming every record given (see audit-entries.ts).
 * Pass the transaction's repositories for writes: the entry then commits or rolls back with them.
 * Without them (reads), entries are group-committed with other requests' (see audit-queue.ts);
 * the call still resolves only once they are stored. Refused requests are audited too
 * (audit-denials.ts).
 */
export const auditPlugin = fp(
  async (app: App) => {
    const reads = auditQueue((entries) => app.repos.audit.append(entries), { maxBatch: readAuditBatch });
    app.addHook('onClose', () => reads.drain());
    app.decorateRequest('auditStandIn', null);
    app.decorateRequest(
      'audit',
      async function audit(this: FastifyRequest, events: AuditEvent | readonly AuditEvent[], repos?: Repositories) {
        let list: readonly AuditEvent[] = Array.isArray(events) ? events : [events as AuditEvent];
        if (list.length === 0) return;
        const standIn = this.auditStandIn;
        const user = standIn?.user ?? this.auth?.user;
        if (standIn) list = list.map((event) => ({ ...event, clientAddress: this.ip }));
        const route = `${this.method} ${this.routeOptions.url ?? this.url}`;
        const entries = auditEntries(list, {
          clinicId: user?.clinicId ?? null,
          userId: user?.id ?? null,
          role: user?.role ?? null,
          route,
          ...(standIn ? { via: standIn.via } : {}),
        });
        await (repos ? repos.audit.append(entries) : reads.append(entries));
      },
    );
    auditDenials(app, (entries) => reads.append(entries));
  },
  { name: 'audit' },
);
