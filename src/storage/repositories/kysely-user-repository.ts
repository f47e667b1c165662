import type { Selectable } from 'kysely';
import type { UsersTable } from '../database-schema.js';
import { newId } from '../ids.js';
import { definedFields, toCount } from './defined-fields.js';
import type { UserRecord } from '../../core/records/index.js';
import type { RepositoryContext } from './repository-context.js';
import { insertLeavingDefault, tableRows } from './table-rows.js';
import { defaultLanguage } from '../../core/localization/reader-language.js';
import type { UserRepository } from './user-repository.js';
import type { Invitee } from './invitation-repository.js';
import { isSet, rowMapper } from './row-mapper.js';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The columns users and invitations share, as their records name them. */
export const toInvitee = rowMapper<
  Pick<Selectable<UsersTable>, 'id' | 'clinic_id' | 'email' | 'display_name' | 'role' | 'patient_id'>,
  Invitee
>()('id, clinic_id, email, display_name, role, patient_id');

export const toUser = rowMapper<Selectable<UsersTable>, UserRecord>()(
  'id, clinic_id, email, display_name, role, patient_id, active, preferred_language, created_at, updated_at',
  { active: isSet },
);

export function kyselyUserRepository({ db, now }: RepositoryContext): UserRepository {
  const users = tableRows(db, 'users', toUser);
  const byEmail = (email: string) =>
    db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
  return {
    async create(input) {
      const at = now();
      const row: Selectable<UsersTable> = {
        id: newId(),
        clinic_id: input.clinicId,
        email: normaliseEmail(input.email),
        display_name: input.displayName,
        password_hash: input.passwordHash,
        role: input.role,
        patient_id: input.patientId ?? null,
        active: 1,
        preferred_language: input.preferredLanguage ?? defaultLanguage,
        created_at: at,
        updated_at: at,
      };
      await insertLeavingDefault(db, 'users', row, 'preferred_language', input.preferredLanguage !== undefined);
      return toUser(row);
    },
    findById: users.findById,
    async findByEmail(email) {
      const row = await byEmail(email);
      return row && toUser(row);
    },
    async findCredentials(email) {
      const row = await byEmail(email);
      return row && { user: toUser(row), passwordHash: row.password_hash };
    },
    async list(clinicId, filter) {
      let query = db.selectFrom('users').selectAll().where('clinic_id', '=', clinicId);
      if (filter?.role) query = query.where('role', '=', filter.role);
      return (await query.orderBy('display_name').orderBy('id').execute()).map(toUser);
    },
    update: (id, { displayName, role, active, patientId, passwordHash, preferredLanguage }) =>
      users.updateById(id, {
        ...definedFields({
          display_name: displayName,
          role,
          patient_id: patientId,
          password_hash: passwordHash,
          preferred_language: preferredLanguage,
        }),
        ...(active === undefined ? {} : { active: active ? 1 : 0 }),
        updated_at: now(),
      }),
    async count() {
      const row = await db.selectFrom('users').select(db.fn.countAll().as('n')).executeTakeFirst();
      return toCount(row?.n);
    },
  };
}
