import type { Selectable } from 'kysely';
import { messageKinds, type OutboxKind } from '../../core/messages/message-types.js';
import { engineOf } from '../create-database.js';
import type { OutboxMessagesTable } from '../database-schema.js';
import { newId } from '../ids.js';
import type { OutboxDraft, OutboxMessageRecord, OutboxRepository, SessionMessageRecord } from './outbox-repository.js';
import type { RepositoryContext } from './repository-context.js';
import { tableRows } from './table-rows.js';
import { rowMapper } from './row-mapper.js';

/** Errors are kept for staff to read, not whole stack traces. */
const maxErrorLength = 1000;

const toRecord = rowMapper<Selectable<OutboxMessagesTable>, OutboxMessageRecord>()(
  [
    'id, session_id, patient_id, clinic_id, kind, channel, recipient, subject, body, fingerprint, due_at, status',
    'attempts, last_error, next_attempt_at, locked_by, locked_until, sent_at, created_at, updated_at',
  ],
  {
    // The column's CHECK admits only message kinds.
    kind: (kind) => kind as OutboxKind,
    attempts: Number,
  },
);

const isSessionMessage = (m: OutboxMessageRecord): m is SessionMessageRecord =>
  m.sessionId !== null && m.patientId !== null && (messageKinds as readonly string[]).includes(m.kind);

const clip = (text: string) => (text.length > maxErrorLength ? `${text.slice(0, maxErrorLength - 1)}…` : text);

export function kyselyOutboxRepository({ db, now }: RepositoryContext): OutboxRepository {
  const postgres = engineOf(db) === 'postgres';
  const unlocked = { locked_by: null, locked_until: null } as const;
  /** A message's columns as drafted, waiting to be sent from its due time, with no tries yet. */
  const pending = (draft: Omit<OutboxDraft, 'sessionId' | 'patientId' | 'kind' | 'clinicId'>) => ({
    channel: draft.channel,
    recipient: draft.recipient,
    subject: draft.subject,
    body: draft.body,
    fingerprint: draft.fingerprint,
    due_at: draft.dueAt,
    status: 'pending' as const,
    attempts: 0,
    last_error: null,
    next_attempt_at: draft.dueAt,
    ...unlocked,
    sent_at: null,
  });
  const messages = tableRows(db, 'outbox_messages', toRecord);

  return {
    listBySession: async (sessionId) =>
      (await messages.listBy('session_id', sessionId, 'due_at', 'id')).filter(isSessionMessage),

    async sessionsWithPending(clinicId) {
      const rows = await db
        .selectFrom('outbox_messages')
        .select('session_id')
        .distinct()
        .where('clinic_id', '=', clinicId)
        .where('status', '=', 'pending')
        .where('session_id', 'is not', null)
        .orderBy('session_id')
        .execute();
      return rows.flatMap((r) => (r.session_id === null ? [] : [r.session_id]));
    },

    async upsert(draft) {
      const at = now();
      const fresh = { ...pending(draft), updated_at: at };
      const id = newId();
      const row = await db
        .insertInto('outbox_messages')
        .values({
          id,
          session_id: draft.sessionId,
          patient_id: draft.patientId,
          clinic_id: draft.clinicId,
          kind: draft.kind,
          ...fresh,
          created_at: at,
        })
        .onConflict((oc) =>
          oc
            .columns(['session_id', 'kind'])
            .doUpdateSet(fresh)
            .where((eb) =>
              eb.or([
                eb('outbox_messages.status', '=', 'cancelled'),
                eb('outbox_messages.fingerprint', '<>', eb.ref('excluded.fingerprint')),
                eb.and([
                  eb('outbox_messages.status', '=', 'pending'),
                  // The due time too, but not the confirmation's: it is "due now" at every call. (Others
                  // move with the session, which changes the fingerprint, or with the clinic's timing.)
                  eb.or([
                    ...(['channel', 'recipient', 'subject', 'body'] as const).map((column) =>
                      eb(`outbox_messages.${column}`, '<>', eb.ref(`excluded.${column}`)),
                    ),
                    eb.and([
                      eb('outbox_messages.kind', '<>', 'booking_confirmation'),
                      eb('outbox_messages.due_at', '<>', eb.ref('excluded.due_at')),
                    ]),
                  ]),
                ]),
              ]),
            ),
        )
        .returningAll()
        .executeTakeFirst();
      if (row) return { message: toRecord(row), change: row.id === id ? 'created' : 'replaced' };
      const existing = await db
        .selectFrom('outbox_messages')
        .selectAll()
        .where('session_id', '=', draft.sessionId)
        .where('kind', '=', draft.kind)
        .executeTakeFirstOrThrow();
      return { message: toRecord(existing), change: 'unchanged' };
    },

    async enqueueForStaff(draft) {
      const at = now();
      const row = await db
        .insertInto('outbox_messages')
        .values({
          id: newId(),
          session_id: null,
          patient_id: null,
          clinic_id: draft.clinicId,
          kind: draft.kind,
          ...pending(draft),
          created_at: at,
          updated_at: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRecord(row);
    },

    async cancelPending(sessionId, except) {
      let query = db
        .updateTable('outbox_messages')
        .set({ status: 'cancelled', updated_at: now() })
        .where('session_id', '=', sessionId)
        .where('status', '=', 'pending');
      if (except) query = query.where('fingerprint', '<>', except.fingerprint);
      if (except?.kinds.length) query = query.where('kind', 'not in', except.kinds);
      return (await query.returningAll().execute()).map(toRecord);
    },

    async claimDue({ workerId, now: at, lockedUntil, limit, channels, maxAttempts }) {
      if (channels.length === 0) return [];
      await db
        .updateTable('outbox_messages')
        .set({
          status: 'failed',
          last_error: 'the worker sending it stopped responding, and no attempts are left',
          ...unlocked,
          updated_at: at,
        })
        .where('channel', 'in', channels)
        .where('status', '=', 'sending')
        .where('locked_until', '<', at)
        .where('attempts', '>=', maxAttempts)
        .execute();
      let due = db
        .selectFrom('outbox_messages')
        .select('id')
        .where('channel', 'in', channels)
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', at)]),
            eb.and([eb('status', '=', 'sending'), eb('locked_until', '<', at)]),
          ]),
        )
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit);
      // Another worker's claim in progress is skipped, not waited for; SQLite's single writer makes
      // the UPDATE below atomic by itself.
      if (postgres) due = due.forUpdate().skipLocked();
      const rows = await db
        .updateTable('outbox_messages')
        .set((eb) => ({
          status: 'sending',
          locked_by: workerId,
          locked_until: lockedUntil,
          attempts: eb('attempts', '+', 1),
          updated_at: at,
        }))
        .where('id', 'in', due)
        .returningAll()
        .execute();
      return rows
        .map(toRecord)
        .sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt) || a.id.localeCompare(b.id));
    },

    async finish(id, workerId, outcome) {
      const at = now();
      const changes =
        outcome.status === 'sent'
          ? { status: 'sent' as const, sent_at: at, last_error: null }
          : outcome.status === 'pending'
            ? { status: 'pending' as const, next_attempt_at: outcome.retryAt, last_error: clip(outcome.error) }
            : {
                status: outcome.status,
                last_error: clip(outcome.status === 'failed' ? outcome.error : outcome.reason),
              };
      const result = await db
        .updateTable('outbox_messages')
        .set({ ...changes, ...unlocked, updated_at: at })
        .where('id', '=', id)
        .where('status', '=', 'sending')
        .where('locked_by', '=', workerId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
