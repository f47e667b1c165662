import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { auditEntries, type AuditEvent } from '../../storage/repositories/audit-entries.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import type { App } from '../app-types.js';
import { auditQueue } from './audit-queue.js';

export type { AuditEvent };

/**
 * `request.audit(events, tx?)` appends to the audit log, filling in who, when and which route: one
 * entry per action and kind of record, naming every record given (see audit-entries.ts).
 * Pass the transaction's repositories for writes: the entry then commits or rolls back with them.
 * Without them (reads), entries are group-committed with other requests' (see audit-queue.ts);
 * the call still resolves only once they are stored.
 */
export const auditPlugin = fp(
  async (app: App) => {
    // Batches of up to 500 entries: one INSERT statement of the repository, so one implicit
    // transaction; a single read with more goes alone, stored as before.
    const reads = auditQueue((entries) => app.repos.audit.append(entries), { maxBatch: 500 });
    app.addHook('onClose', () => reads.drain());
    app.decorateRequest(
      'audit',
      async function audit(this: FastifyRequest, events: AuditEvent | readonly AuditEvent[], repos?: Repositories) {
        const list: readonly AuditEvent[] = Array.isArray(events) ? events : [events as AuditEvent];
        if (list.length === 0) return;
        const user = this.auth?.user;
        const route = `${this.method} ${this.routeOptions.url ?? this.url}`;
        const entries = auditEntries(list, {
          clinicId: user?.clinicId ?? null,
          userId: user?.id ?? null,
          role: user?.role ?? null,
          route,
        });
        await (repos ? repos.audit.append(entries) : reads.append(entries));
      },
    );
  },
  { name: 'audit' },
);
