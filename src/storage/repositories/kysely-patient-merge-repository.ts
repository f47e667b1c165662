import { sql, type Selectable } from 'kysely';
import type { PatientMergeRecord } from '../../core/records/index.js';
import { engineOf, type Db } from '../create-database.js';
import type { PatientMergesTable } from '../database-schema.js';
import { newId } from '../ids.js';
import { fromJsonText, toJsonText } from '../json-text.js';
import { firstRecord } from './first-record.js';
import { oneOfIds } from './id-list.js';
import type { PatientMergeRepository } from './patient-merge-repository.js';
import { intakeNumberOffset, patientOwnedTables } from './patient-owned-tables.js';
import type { RepositoryContext } from './repository-context.js';
import { rowMapper } from './row-mapper.js';

const toMerge = rowMapper<Selectable<PatientMergesTable>, PatientMergeRecord>()(
  'id, clinic_id, survivor_id, merged_id, moved, merged_by, merged_at, reversed_at, reversed_by',
  { moved: fromJsonText },
);

/** The tables of the database now: a table a later migration adds is moved once it exists. */
async function tableNames(db: Db): Promise<Set<string>> {
  const { rows } =
    engineOf(db) === 'postgres'
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db);
  return new Set(rows.map((r) => r.name));
}

async function ownedTables(db: Db) {
  const present = await tableNames(db);
  return patientOwnedTables.filter((t) => present.has(t.table));
}

export function kyselyPatientMergeRepository({ db, now }: RepositoryContext): PatientMergeRepository {
  const engine = engineOf(db);
  return {
    async recordsOf(patientId) {
      const records: Record<string, string[]> = {};
      for (const { table, key } of await ownedTables(db)) {
        const { rows } = await sql<{ key: string }>`select ${sql.ref(key)} as key from ${sql.table(table)}
          where patient_id = ${patientId} order by ${sql.ref(key)}`.execute(db);
        if (rows.length) records[table] = rows.map((r) => r.key);
      }
      return records;
    },
    async move(records, from, to) {
      const moved: Record<string, string[]> = {};
      for (const { table, key, clash, moveAside } of await ownedTables(db)) {
        const ids = records[table];
        if (!ids?.length) continue;
        const { rows } = await sql<{ key: string }>`select r.${sql.ref(key)} as key from ${sql.table(table)} r
          where r.patient_id = ${from} and ${oneOfIds(engine, `r.${key}`, ids)}${
            clash ? sql` and not (${clash(to)})` : sql``
          } order by r.${sql.ref(key)}`.execute(db);
        if (!rows.length) continue;
        const keys = rows.map((r) => r.key);
        await sql`update ${sql.table(table)} set patient_id = ${to}${moveAside ? sql`, ${moveAside}` : sql``}
          where patient_id = ${from} and ${oneOfIds(engine, key, keys)}`.execute(db);
        moved[table] = keys;
      }
      return moved;
    },
    async renumberIntakes(patientId) {
      const rows = await db
        .selectFrom('intakes')
        .select(['id', 'version'])
        .where('patient_id', '=', patientId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      const renumbered = rows.flatMap((r, i) => (Number(r.version) === i + 1 ? [] : [{ id: r.id, version: i + 1 }]));
      if (!renumbered.length) return [];
      const ids = renumbered.map((r) => r.id);
      // Out of the way first: the (patient_id, version) key is checked row by row, and no intake
      // number comes near this offset.
      await db
        .updateTable('intakes')
        .set((eb) => ({ version: eb('version', '+', intakeNumberOffset) }))
        .where(oneOfIds(engine, 'id', ids))
        .execute();
      for (const { id, version } of renumbered)
        await db.updateTable('intakes').set({ version }).where('id', '=', id).execute();
      return ids;
    },
    async create(input) {
      const row: Selectable<PatientMergesTable> = {
        id: newId(),
        clinic_id: input.clinicId,
        survivor_id: input.survivorId,
        merged_id: input.mergedId,
        moved: toJsonText(input.moved),
        merged_by: input.mergedBy,
        merged_at: now(),
        reversed_at: null,
        reversed_by: null,
      };
      await db.insertInto('patient_merges').values(row).execute();
      return toMerge(row);
    },
    findById: (id) => firstRecord(db.selectFrom('patient_merges').selectAll().where('id', '=', id), toMerge),
    async listForPatient(patientId) {
      const rows = await db
        .selectFrom('patient_merges')
        .selectAll()
        .where((eb) => eb.or([eb('survivor_id', '=', patientId), eb('merged_id', '=', patientId)]))
        .orderBy('merged_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toMerge);
    },
    markReversed: (id, reversedBy) =>
      firstRecord(
        db
          .updateTable('patient_merges')
          .set({ reversed_at: now(), reversed_by: reversedBy })
          .where('id', '=', id)
          .where('reversed_at', 'is', null)
          .returningAll(),
        toMerge,
      ),
  };
}
