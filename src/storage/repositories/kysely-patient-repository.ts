import { sql, type Selectable } from 'kysely';
import type { Db } from '../create-database.js';
import type { PatientsTable } from '../database-schema.js';
import { newId } from '../ids.js';
import { nameKey, nameTokens, phoneDigits } from '../search-keys.js';
import { definedFields } from './defined-fields.js';
import { searchByNameWords } from './patient-name-search.js';
import { duplicateCandidates } from './patient-duplicate-candidates.js';
import { namePairRows, nameWordRows } from './patient-name-words.js';
import type { PatientRepository } from './patient-repository.js';
import type { PatientRecord, Sex } from '../../core/records/index.js';
import type { RepositoryContext } from './repository-context.js';
import { defaultLanguage } from '../../core/localization/reader-language.js';
import { isSet, rowMapper } from './row-mapper.js';

const toPatient = rowMapper<Selectable<PatientsTable>, PatientRecord>()(
  [
    'id, clinic_id, first_name, last_name, birth_date, sex, phone, email, active, merged_into_id',
    'preferred_language, created_at, updated_at',
  ],
  { sex: (sex) => sex as Sex, active: isSet },
);

function phoneColumns(phone: string | null | undefined) {
  if (phone === undefined) return {};
  const digits = phone === null ? '' : phoneDigits(phone);
  return { phone, phone_digits: digits || null };
}

/** Pair rows per INSERT: a name of many short words has thousands of pairs, past SQLite's bound-parameter limit in one. */
const pairsPerInsert = 1000;

/** Whether name searches find the patient: deactivated and merged records are left out of the index. */
const searchable = (row: Selectable<PatientsTable>) => row.active === 1 && row.merged_into_id === null;

async function unindexName(db: Db, id: string): Promise<void> {
  await db.deleteFrom('patient_name_words').where('patient_id', '=', id).execute();
  await db.deleteFrom('patient_name_pairs').where('patient_id', '=', id).execute();
}

/** The name search's rows for the patient: its words, and its pairs of words. */
async function indexName(db: Db, row: Selectable<PatientsTable>): Promise<void> {
  const words = nameWordRows(row);
  if (words.length) await db.insertInto('patient_name_words').values(words).execute();
  const pairs = namePairRows(row);
  for (let i = 0; i < pairs.length; i += pairsPerInsert)
    await db
      .insertInto('patient_name_pairs')
      .values(pairs.slice(i, i + pairsPerInsert))
      .execute();
}

/** The name index as the patient's state wants it: in the index when searchable, out of it otherwise. */
async function reindexName(db: Db, row: Selectable<PatientsTable>): Promise<void> {
  await unindexName(db, row.id);
  if (searchable(row)) await indexName(db, row);
}

/** Tables whose rows would be orphaned (or whose history lost) if the patient went. */
const dependentTables = [
  'intakes',
  'assessments',
  'courses',
  'consent_signatures',
  'photos',
  'users',
  'quotes',
  'invoices',
] as const;

export function kyselyPatientRepository({ db, now }: RepositoryContext): PatientRepository {
  return {
    async create(input) {
      const at = now();
      const row: Selectable<PatientsTable> = {
        id: newId(),
        clinic_id: input.clinicId,
        first_name: input.firstName,
        last_name: input.lastName,
        first_name_key: nameKey(input.firstName),
        last_name_key: nameKey(input.lastName),
        birth_date: input.birthDate,
        sex: input.sex,
        phone: null,
        phone_digits: null,
        ...phoneColumns(input.phone),
        email: input.email ?? null,
        active: 1,
        merged_into_id: null,
        preferred_language: input.preferredLanguage ?? defaultLanguage,
        created_at: at,
        updated_at: at,
      };
      // Active, unmerged and the language are the columns' defaults: left to them, a database not yet
      // migrated to patient merges (0035) or reader languages (0041) takes the same insert.
      const { active: _active, merged_into_id: _mergedInto, preferred_language: _language, ...stored } = row;
      const language = input.preferredLanguage === undefined ? {} : { preferred_language: input.preferredLanguage };
      await db
        .insertInto('patients')
        .values({ ...stored, ...language })
        .execute();
      await indexName(db, row);
      return toPatient(row);
    },
    async findById(id) {
      const row = await db.selectFrom('patients').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toPatient(row);
    },
    async update(id, patch) {
      const row = await db
        .updateTable('patients')
        .set({
          ...definedFields({
            first_name: patch.firstName,
            last_name: patch.lastName,
            birth_date: patch.birthDate,
            sex: patch.sex,
            email: patch.email,
            preferred_language: patch.preferredLanguage,
          }),
          ...(patch.firstName === undefined ? {} : { first_name_key: nameKey(patch.firstName) }),
          ...(patch.lastName === undefined ? {} : { last_name_key: nameKey(patch.lastName) }),
          ...phoneColumns(patch.phone),
          updated_at: now(),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      if (row && (patch.firstName !== undefined || patch.lastName !== undefined)) {
        await unindexName(db, id);
        if (searchable(row)) await indexName(db, row);
      }
      return row && toPatient(row);
    },
    async search({ clinicId, name, birthDate, phone, includeInactive, limit, offset }) {
      const tokens = nameTokens(name ?? '');
      // A birth date narrows more than any name (and has its own index): the scan below serves it, as it
      // does a search that takes in deactivated patients, whose names the word index leaves out.
      if (tokens.length && !birthDate && !includeInactive) {
        const rows = await searchByNameWords(db, {
          clinicId,
          tokens,
          phoneDigits: phone === undefined ? '' : phoneDigits(phone),
          limit,
          offset,
        });
        return rows.map(toPatient);
      }
      let query = db
        .selectFrom('patients')
        .selectAll()
        .where('clinic_id', '=', clinicId)
        .where('merged_into_id', 'is', null);
      if (!includeInactive) query = query.where('active', '=', 1);
      // Keys hold only letters, digits and single spaces, so the tokens carry no LIKE wildcards.
      for (const token of nameTokens(name ?? ''))
        query = query.where(sql<boolean>`(' ' || first_name_key || ' ' || last_name_key) like ${`% ${token}%`}`);
      if (birthDate) query = query.where('birth_date', '=', birthDate);
      const digits = phone === undefined ? '' : phoneDigits(phone);
      if (digits) query = query.where('phone_digits', 'like', `%${digits}%`);
      const rows = await query
        .orderBy('last_name_key')
        .orderBy('first_name_key')
        .orderBy('id')
        .limit(limit)
        .offset(offset)
        .execute();
      return rows.map(toPatient);
    },
    findDuplicateCandidates: (lookup) => duplicateCandidates(db, lookup).then((rows) => rows.map(toPatient)),
    async lock(ids) {
      // A write to the row holds its lock to the end of the transaction on PostgreSQL; SQLite has one writer.
      for (const id of [...new Set(ids)].sort())
        await db
          .updateTable('patients')
          .set((eb) => ({ updated_at: eb.ref('updated_at') }))
          .where('id', '=', id)
          .execute();
    },
    async setActive(id, active) {
      const row = await db
        .updateTable('patients')
        .set({ active: active ? 1 : 0, updated_at: now() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      if (row) await reindexName(db, row);
      return row && toPatient(row);
    },
    async setMergedInto(id, survivorId) {
      const row = await db
        .updateTable('patients')
        .set({ merged_into_id: survivorId, updated_at: now() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      if (row) await reindexName(db, row);
      return row && toPatient(row);
    },
    async hasDependentRecords(id) {
      for (const table of dependentTables) {
        const row = await db.selectFrom(table).select('id').where('patient_id', '=', id).limit(1).executeTakeFirst();
        if (row) return true;
      }
      const merge = await db
        .selectFrom('patient_merges')
        .select('id')
        .where((eb) => eb.or([eb('survivor_id', '=', id), eb('merged_id', '=', id)]))
        .limit(1)
        .executeTakeFirst();
      return merge !== undefined;
    },
    async delete(id) {
      const result = await db.deleteFrom('patients').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async listByClinic({ clinicId, afterId, limit }) {
      let query = db.selectFrom('patients').selectAll().where('clinic_id', '=', clinicId);
      if (afterId !== undefined) query = query.where('id', '>', afterId);
      return (await query.orderBy('id').limit(limit).execute()).map(toPatient);
    },
    async countByClinic(clinicId) {
      const row = await db
        .selectFrom('patients')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('clinic_id', '=', clinicId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}
