import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { Db } from '../create-database.js';
import type { PatientsTable } from '../database-schema.js';

/** Beyond this many distinct words starting with every token ("o br"), one sorted range read serves. */
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

/** The distinct words of the clinic's names that start with `prefix`, up to one more than `maxWords`. */
async function wordsStarting(db: Db, clinicId: string, prefix: string): Promise<string[]> {
  const end = `${prefix}${highest}`;
  // Skips from word to word through the index: one seek per distinct word, however many patients share it.
  const { rows } = await sql<{ word: string }>`
    with recursive next_word(word) as (
      select min(word) from patient_name_words where clinic_id = ${clinicId} and word >= ${prefix} and word < ${end}
      union all
      select (select min(n.word) from patient_name_words n where n.clinic_id = ${clinicId} and n.word > next_word.word and n.word < ${end})
      from next_word where next_word.word is not null
    )
    select word from next_word where word is not null limit ${maxWords + 1}`.execute(db);
  return rows.map((r) => r.word);
}

/**
 * Name search through `patient_name_words`, with the matches and order of a plain scan of the
 * patients (`last_name_key, first_name_key, id`). The token that starts the fewest distinct words
 * drives: each of its words' entries is read in list order, already filtered by the other tokens,
 * only as far as the page needs, and the database merges those short runs (so the order follows
 * its collation). When every token starts very many words, one read of the driving token's range
 * of the index, sorted, serves instead.
 */
export async function searchByNameWords(db: Db, search: NameWordSearch): Promise<Selectable<PatientsTable>[]> {
  const { clinicId, phoneDigits, limit, offset } = search;
  const tokens = [...new Set(search.tokens)];
  let driver = tokens[0] ?? '';
  let words = await wordsStarting(db, clinicId, driver);
  for (const token of tokens.slice(1)) {
    if (words.length <= 1) break;
    const candidate = await wordsStarting(db, clinicId, token);
    if (candidate.length < words.length) [driver, words] = [token, candidate];
  }
  if (words.length === 0) return [];

  // A token that is a prefix of another is implied by it only if they start the same word, so all stay.
  const others = search.tokens.filter((t, i) => t !== driver || search.tokens.indexOf(t) !== i);
  const alsoMatches = sql.join(
    others.map((t) => sql` and (' ' || w.first_name_key || ' ' || w.last_name_key) like ${`% ${t}%`}`),
    sql``,
  );
  const phone = phoneDigits ? sql` and exists (select 1 from patients q where q.id = w.patient_id and q.phone_digits like ${`%${phoneDigits}%`})` : sql``;
  // Within one word a patient comes once; across a range of words several times, hence `distinct`.
  const entries = (where: RawBuilder<unknown>, max: number) => sql`
    select distinct w.patient_id, w.last_name_key, w.first_name_key from patient_name_words w
    where w.clinic_id = ${clinicId} and ${where}${alsoMatches}${phone}
    order by w.last_name_key, w.first_name_key, w.patient_id limit ${max}`;

  const matches =
    words.length > maxWords
      ? entries(sql`w.word >= ${driver} and w.word < ${`${driver}${highest}`}`, offset + limit)
      : sql.join(
          words.map((word, i) => sql`select * from (${entries(sql`w.word = ${word}`, offset + limit)}) ${sql.raw(`run_${i}`)}`),
          sql` union all `,
        );
  // A patient with two matching words comes twice: once is enough (distinct). The page is cut
  // before patients are joined, so only its own rows are read.
  const { rows } = await sql<Selectable<PatientsTable>>`
    select p.* from (
      select patient_id, last_name_key, first_name_key from (select distinct patient_id, last_name_key, first_name_key from (${matches}) runs) found
      order by last_name_key, first_name_key, patient_id limit ${limit} offset ${offset}
    ) m join patients p on p.id = m.patient_id
    order by m.last_name_key, m.first_name_key, m.patient_id`.execute(db);
  return rows;
}
