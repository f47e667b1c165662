import { sql, type RawBuilder, type Selectable } from 'kysely';
import { engineOf, type Db } from '../create-database.js';
import type { PatientsTable } from '../database-schema.js';
import { phoneTailExpression } from '../migrations/0035-patient-records.js';
import type { DuplicateLookup } from './patient-repository.js';

/**
 * The patients that may be the one described: each way of matching reads its own index (birth date;
 * the phone's last nine digits; the email, trimmed and lower-cased, migration 0035), and the union
 * is read once. Merged records are left out: their person is found through the record they joined.
 */
export async function duplicateCandidates(db: Db, lookup: DuplicateLookup): Promise<Selectable<PatientsTable>[]> {
  const { clinicId, birthDate, phoneTail, email, excludeId, limit } = lookup;
  const tail = phoneTailExpression(engineOf(db) === 'postgres');
  const ways: RawBuilder<unknown>[] = [];
  if (birthDate !== null)
    ways.push(sql`select id from patients where clinic_id = ${clinicId} and birth_date = ${birthDate}`);
  if (phoneTail !== null)
    ways.push(sql`select id from patients where clinic_id = ${clinicId} and ${tail} = ${phoneTail}`);
  if (email !== null)
    ways.push(sql`select id from patients where clinic_id = ${clinicId} and lower(trim(email)) = ${email}`);
  if (!ways.length) return [];
  const { rows } = await sql<Selectable<PatientsTable>>`
    select p.* from patients p where p.id in (${sql.join(ways, sql` union `)})
      and p.merged_into_id is null${excludeId === undefined ? sql`` : sql` and p.id <> ${excludeId}`}
    order by p.last_name_key, p.first_name_key, p.id
    limit ${limit}`.execute(db);
  return rows;
}
