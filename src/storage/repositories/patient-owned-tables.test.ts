import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { engineOf } from '../create-database.js';
import { forEachEngine } from '../../test-support/test-databases.js';
import { patientOwnedTables, patientTablesNotMoved } from './patient-owned-tables.js';

/** Columns that point at a patient without being a record's owner: a merge's own bookkeeping. */
const mergeColumns = ['patient_merges.merged_id', 'patient_merges.survivor_id', 'patients.merged_into_id'];

/**
 * A merge moves every row that belongs to the merged record: so every table (or view) with a
 * `patient_id` column, and every column referring to patients, must be one a merge moves or one it
 * leaves on purpose. A table added later fails here until it is placed.
 */
forEachEngine('patient-owned tables', (getDb) => {
  it('place every table that refers to a patient', async () => {
    const db = getDb();
    const tables = await db.introspection.getTables();
    const withPatient = tables
      .filter((t) => t.columns.some((c) => c.name === 'patient_id'))
      .map((t) => t.name)
      .sort();
    const placed = [...patientOwnedTables.map((t) => t.table), ...Object.keys(patientTablesNotMoved)].sort();
    expect(withPatient).toEqual(placed);
    for (const { table, key } of patientOwnedTables)
      expect(
        tables.find((t) => t.name === table)?.columns.some((c) => c.name === key),
        `${table}.${key}`,
      ).toBe(true);

    const references =
      engineOf(db) === 'postgres'
        ? await sql<{ name: string }>`select k.table_name || '.' || k.column_name as name
            from information_schema.referential_constraints r
            join information_schema.key_column_usage k on k.constraint_name = r.constraint_name
            join information_schema.constraint_column_usage u on u.constraint_name = r.unique_constraint_name
            where u.table_name = 'patients' and k.table_schema = current_schema()`.execute(db)
        : await sql<{ name: string }>`select m.name || '.' || f."from" as name
            from sqlite_master m, pragma_foreign_key_list(m.name) f
            where m.type = 'table' and f."table" = 'patients'`.execute(db);
    const elsewhere = references.rows
      .map((r) => r.name)
      .filter((name) => !name.endsWith('.patient_id') || !placed.includes(name.split('.')[0] ?? ''));
    expect([...new Set(elsewhere)].sort()).toEqual(mergeColumns);
  });
});
