import { sql, type RawBuilder, type Selectable } from 'kysely';
import { engineOf, type Db } from '../create-database.js';
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
 * Name search through `patient_name_words` and `patient_name_pairs`, with the matches and order of
 * a plain scan of the patients (`last_name_key, first_name_key, id`). The token that starts the
 * fewest distinct words drives; with a second token (one that neither starts nor is started by the
 * first, so no single word can stand for both), each pair of their words is read from the pairs
 * instead, so only patients holding both come up. Each word's (or pair's) entries are read in list
 * order, already filtered by the remaining tokens, only as far as the page needs, and the database
 * merges those runs (so the order follows its collation). When every token starts very many words,
 * one read of the driving token's range of the index, sorted, serves instead.
 */
export async function searchByNameWords(db: Db, search: NameWordSearch): Promise<Selectable<PatientsTable>[]> {
  const { clinicId, phoneDigits } = search;
  const starts: { token: string; words: string[] }[] = [];
  for (const token of new Set(search.tokens)) {
    const words = await wordsStarting(db, clinicId, token);
    // Every token must start a word of the name: one that starts no word in the clinic matches nobody.
    if (words.length === 0) return [];
    starts.push({ token, words });
  }
  starts.sort((a, b) => a.words.length - b.words.length);
  const driver = starts[0];
  if (!driver) return [];
  const related = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);
  const partner = starts.slice(1).find((s) => !related(s.token, driver.token));
  const paired = partner && driver.words.length * partner.words.length <= maxWords ? partner : undefined;

  // Tokens not read through the index are checked on each entry. A repeated token stays (as in the scan).
  const checked = [...search.tokens];
  for (const used of [driver.token, paired?.token]) if (used !== undefined) checked.splice(checked.indexOf(used), 1);
  const alsoMatches = sql.join(
    checked.map((t) => sql` and (' ' || w.first_name_key || ' ' || w.last_name_key) like ${`% ${t}%`}`),
    sql``,
  );
  const phone = phoneDigits
    ? sql` and exists (select 1 from patients q where q.id = w.patient_id and q.phone_digits like ${`%${phoneDigits}%`})`
    : sql``;
  const entries = (table: 'patient_name_words' | 'patient_name_pairs', where: RawBuilder<unknown>) => sql`
    select w.patient_id, w.last_name_key, w.first_name_key from ${sql.table(table)} w
    where w.clinic_id = ${clinicId} and ${where}${alsoMatches}${phone}`;
  const merged = (runs: RawBuilder<unknown>[]) =>
    engineOf(db) === 'sqlite' ? mergedPage(runs, search) : pageOfRuns(runs, search);
  const page = paired
    ? merged(
        driver.words.flatMap((word) =>
          paired.words.map((other) => entries('patient_name_pairs', sql`w.word = ${word} and w.other = ${other}`)),
        ),
      )
    : driver.words.length > maxWords
      ? pageOfRange(
          entries('patient_name_words', sql`w.word >= ${driver.token} and w.word < ${`${driver.token}${highest}`}`),
          search,
        )
      : merged(driver.words.map((word) => entries('patient_name_words', sql`w.word = ${word}`)));
  // The page is cut before patients are joined, so only its own rows are read.
  const { rows } = await sql<Selectable<PatientsTable>>`
    select p.* from (${page}) m join patients p on p.id = m.patient_id
    order by m.last_name_key, m.first_name_key, m.patient_id`.execute(db);
  return rows;
}

const listOrder = sql`order by last_name_key, first_name_key, patient_id`;

/** One read of a range of the index, sorted: a patient with two words in the range comes twice, hence `distinct`. */
function pageOfRange(entries: RawBuilder<unknown>, { limit, offset }: NameWordSearch): RawBuilder<unknown> {
  return sql`select distinct * from (${entries}) found ${listOrder} limit ${limit} offset ${offset}`;
}

/**
 * SQLite: one compound UNION ordered like each word's run of the index, which SQLite evaluates as
 * a merge of the runs, reading each only as far as the page needs, and dropping a patient met in
 * two runs as it goes. No run is read whole and nothing is sorted.
 */
function mergedPage(runs: RawBuilder<unknown>[], { limit, offset }: NameWordSearch): RawBuilder<unknown> {
  return sql`${sql.join(runs, sql` union `)} ${listOrder} limit ${limit} offset ${offset}`;
}

/**
 * PostgreSQL (before 17 it sorts a UNION whole): each word's run cut to the page's length first,
 * then those short runs merged and made distinct.
 */
function pageOfRuns(runs: RawBuilder<unknown>[], { limit, offset }: NameWordSearch): RawBuilder<unknown> {
  const cut = runs.map(
    (run, i) => sql`select * from (${run} ${listOrder} limit ${offset + limit}) ${sql.raw(`run_${i}`)}`,
  );
  return sql`select distinct * from (${sql.join(cut, sql` union all `)}) runs ${listOrder} limit ${limit} offset ${offset}`;
}
