import { sql, type Selectable } from 'kysely';
import type { Db } from '../create-database.js';
import type { PatientsTable } from '../database-schema.js';

/** Beyond this many distinct words sharing the prefix (a search for "a"), the caller scans instead. */
const maxWords = 40;
/** Above every character: `prefix + highest` bounds the words that start with the prefix. */
const highest = '\u{10FFFF}';

export interface NameWordSearch {
  clinicId: string;
  /** Name tokens (search-keys.ts's `nameTokens`); each must start a word of the first or last name. */
  tokens: readonly string[];
  /** Digits the phone number must contain; '' for any. */
  phoneDigits: string;
  limit: number;
  offset: number;
}

/**
 * Name search through `patient_name_words`, in the order and with the matches of the plain scan
 * (`last_name_key, first_name_key, id`). The longest token drives: the distinct words it starts are
 * found by skipping through the index (a recursive query, one seek per word), then each word's
 * entries are read in list order, already filtered by the other tokens, only as far as the page
 * needs; the database merges those short runs. Undefined when the driving token starts too many
 * words to be worth it; the caller then scans.
 */
export async function searchByNameWords(db: Db, search: NameWordSearch): Promise<Selectable<PatientsTable>[] | undefined> {
  const { clinicId, tokens, phoneDigits, limit, offset } = search;
  const driver = tokens.reduce((longest, t) => (t.length > longest.length ? t : longest), '');
  const others = [...tokens];
  others.splice(others.indexOf(driver), 1);
  const end = `${driver}${highest}`;

  const { rows: words } = await sql<{ word: string }>`
    with recursive next_word(word) as (
      select min(word) from patient_name_words where clinic_id = ${clinicId} and word >= ${driver} and word < ${end}
      union all
      select (select min(n.word) from patient_name_words n where n.clinic_id = ${clinicId} and n.word > next_word.word and n.word < ${end})
      from next_word where next_word.word is not null
    )
    select word from next_word where word is not null limit ${maxWords + 1}`.execute(db);
  if (words.length > maxWords) return undefined;
  if (words.length === 0) return [];

  const needed = offset + limit;
  const alsoMatches = others.map((t) => sql` and (' ' || w.first_name_key || ' ' || w.last_name_key) like ${`% ${t}%`}`);
  const phone = phoneDigits ? sql` and exists (select 1 from patients q where q.id = w.patient_id and q.phone_digits like ${`%${phoneDigits}%`})` : sql``;
  const runs = words.map(
    ({ word }, i) => sql`select * from (
      select w.patient_id, w.last_name_key, w.first_name_key from patient_name_words w
      where w.clinic_id = ${clinicId} and w.word = ${word}${sql.join(alsoMatches, sql``)}${phone}
      order by w.last_name_key, w.first_name_key, w.patient_id limit ${needed}) ${sql.raw(`run_${i}`)}`,
  );
  // A patient with two matching words comes twice: once is enough (distinct), then the page.
  const { rows } = await sql<Selectable<PatientsTable>>`
    select p.* from (select distinct patient_id, last_name_key, first_name_key from (${sql.join(runs, sql` union all `)}) runs) m
    join patients p on p.id = m.patient_id
    order by m.last_name_key, m.first_name_key, m.patient_id
    limit ${limit} offset ${offset}`.execute(db);
  return rows;
}
