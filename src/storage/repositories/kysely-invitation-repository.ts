import { sql, type Selectable } from 'kysely';
import type { OutboxStatus, UserInvitationsTable } from '../database-schema.js';
import { newId } from '../ids.js';
import { firstRecord } from './first-record.js';
import type { InvitationRecord, InvitationRepository } from './invitation-repository.js';
import { normaliseEmail } from './kysely-user-repository.js';
import type { RepositoryContext } from './repository-context.js';
import { tableRows } from './table-rows.js';
import { rowMapper } from './row-mapper.js';

const toInvitation = rowMapper<Selectable<UserInvitationsTable>, InvitationRecord>()([
  'id, clinic_id, email, display_name, role, patient_id',
  'expires_at, created_by, created_at, accepted_at, user_id, revoked_at, outbox_message_id',
]);

export function kyselyInvitationRepository({ db, now }: RepositoryContext): InvitationRepository {
  const invitations = tableRows(db, 'user_invitations', toInvitation);
  const open = () =>
    db.selectFrom('user_invitations').selectAll().where('accepted_at', 'is', null).where('revoked_at', 'is', null);
  const closeIfOpen = async (id: string, values: { accepted_at: string } | { revoked_at: string }) => {
    const result = await db
      .updateTable('user_invitations')
      .set(values)
      .where('id', '=', id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  };

  return {
    create: (input) =>
      invitations.insert({
        id: newId(),
        clinic_id: input.clinicId,
        email: normaliseEmail(input.email),
        display_name: input.displayName,
        role: input.role,
        patient_id: input.patientId,
        token_hash: input.tokenHash,
        expires_at: input.expiresAt,
        created_by: input.createdBy,
        created_at: now(),
        accepted_at: null,
        user_id: null,
        revoked_at: null,
        outbox_message_id: null,
      }),
    findById: invitations.findById,
    findByTokenHash: (tokenHash) => invitations.findBy('token_hash', tokenHash),
    findOpenByEmail: (email) => firstRecord(open().where('email', '=', normaliseEmail(email)), toInvitation),
    async listOpen(clinicId) {
      const rows = await open().where('clinic_id', '=', clinicId).orderBy('created_at', 'desc').orderBy('id').execute();
      return rows.map(toInvitation);
    },
    async setOutboxMessage(id, messageId) {
      await db.updateTable('user_invitations').set({ outbox_message_id: messageId }).where('id', '=', id).execute();
    },
    markAccepted: (id) => closeIfOpen(id, { accepted_at: now() }),
    async setUser(id, userId) {
      await db.updateTable('user_invitations').set({ user_id: userId }).where('id', '=', id).execute();
    },
    revoke: (id) => closeIfOpen(id, { revoked_at: now() }),
    async withdrawMessage(messageId, body) {
      await db
        .updateTable('outbox_messages')
        .set({
          body,
          status: sql<OutboxStatus>`case when status = 'pending' then 'cancelled' else status end`,
          updated_at: now(),
        })
        .where('id', '=', messageId)
        .where('kind', '=', 'user_invitation')
        .execute();
    },
  };
}
