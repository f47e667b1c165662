import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Db } from '../../create-database.js';
import { migrations } from '../migrations.js';

/** When the rows these tests write were made: any valid time does. */
export const rowTime = '2026-01-01T00:00:00.000Z';

/** The migration that comes before `name`: where a test of `name` starts from. */
export function migrationBefore(name: string): string {
  const names = Object.keys(migrations).sort();
  const before = names[names.indexOf(name) - 1];
  if (!before) throw new Error(`no migration before ${name}`);
  return before;
}

/** Inserts one row by plain SQL: at an older schema, today's table types do not hold. */
export const insertRow = (db: Db, table: string, row: Record<string, unknown>) =>
  sql`insert into ${sql.table(table)} (${sql.join(Object.keys(row).map((c) => sql.ref(c)))})
    values (${sql.join(Object.values(row))})`.execute(db);

/** A clinic as every schema since 0001 takes it. */
export const clinicRow = (id: string, at = rowTime) => ({ id, name: 'Clinic', created_at: at, updated_at: at });

/** A patient as every schema since 0001 takes it; the name keys are the names in lower case. */
export function patientRow(id: string, clinicId: string, { first = 'Leyla', last = 'Demir', at = rowTime } = {}) {
  return {
    id,
    clinic_id: clinicId,
    first_name: first,
    last_name: last,
    first_name_key: first.toLowerCase(),
    last_name_key: last.toLowerCase(),
    birth_date: '1990-01-01',
    sex: 'female',
    created_at: at,
    updated_at: at,
  };
}

/** Expects `table` to refuse `row` with each `[change, why]` applied (each under an id of its own). */
export async function expectRefused(
  db: Db,
  table: string,
  row: Record<string, unknown>,
  changes: readonly (readonly [Record<string, unknown>, string])[],
): Promise<void> {
  for (const [change, why] of changes)
    await expect(insertRow(db, table, { ...row, id: `bad-${why}`, ...change }), why).rejects.toThrow();
}
