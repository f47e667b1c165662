// Patient name search at 1,000,000 patients: today's hand-built word and word-pair tables
// (migrations 0015/0019, `searchByNameWords`) against each database's own text index on the same
// data: SQLite FTS5 and PostgreSQL pg_trgm. No target: it decides which of them the product keeps.
//
// A fresh database per engine (SQLite in a temporary folder; PostgreSQL a database of its own, dropped
// after) is migrated to this build's schema, then filled with generated patients (fixed seed) and their
// word and pair rows as the repository writes them; then the native index is built on the same rows.
// The same sampled queries (a surname, a first name and surname, a surname's first four letters, as
// the API benchmark asks) go to both, one at a time, in turn (so both share whatever else the
// machine is doing); every first page (and a share of second pages) is compared between the two.
// On PostgreSQL, one-letter typos of surnames are also tried with trigram similarity.
//
// Run: npm run bench (or node bench/name-search.js after a build). BENCH_PATIENTS (1000000),
// BENCH_ENGINES (sqlite,postgres), BENCH_QUERIES (3000), BENCH_POSTGRES_URL (a database to connect to
// for creating the benchmark's own; default TEST_POSTGRES_URL or postgres://127.0.0.1:5432/test).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createDatabase, openSqlite } from '../dist/storage/create-database.js';
import { migrateToLatest } from '../dist/storage/migrate.js';
import { createRepositories } from '../dist/storage/repositories/repositories.js';
import { searchByNameWords } from '../dist/storage/repositories/patient-name-search.js';
import { namePairRows, nameWordRows } from '../dist/storage/repositories/patient-name-words.js';
import { nameKey, nameTokens, phoneDigits } from '../dist/storage/search-keys.js';
import { person } from '../dist/storage/seed-large/people.js';
import { hashSeed, seededRandom } from '../dist/storage/seed-large/seeded-random.js';
import { syntheticIds } from '../dist/storage/seed-large/synthetic-ids.js';
import { databaseUrl, withPgClient } from './lib/postgres.js';
import { formatRate, machine, recordSection } from './lib/results.js';

const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 1_000_000);
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 3000);
const TYPOS = 400;
const PAGE = 50;
const ADMIN_URL = process.env.BENCH_POSTGRES_URL || process.env.TEST_POSTGRES_URL || 'postgres://127.0.0.1:5432/test';

// ---------------------------------------------------------------------------------------------
// The patients: seed-large's people (European names, accents, particles, hyphens, shared surnames)
// with a Turkish share added (dotted and dotless i, ş, ğ, ç), from one fixed seed.

const turkishFemale = [
  'Ayşe',
  'Fatma',
  'Emine',
  'Zeynep',
  'Elif',
  'Merve',
  'Büşra',
  'Gülşen',
  'Işıl',
  'İpek',
  'Ilgın',
  'Şeyma',
  'Özge',
  'Çiğdem',
  'Derya',
  'Esra',
  'Hülya',
  'Sıla',
  'Nur',
  'Yağmur',
];
const turkishMale = [
  'Mehmet',
  'Mustafa',
  'Ahmet',
  'Ali',
  'Hüseyin',
  'Hasan',
  'İbrahim',
  'İsmail',
  'Ömer',
  'Yusuf',
  'Murat',
  'Emre',
  'Burak',
  'Çağrı',
  'Oğuz',
  'Barış',
];
// Commonest first, drawn in proportion to 1/sqrt(rank) as seed-large draws its surnames.
const turkishSurnames = [
  'Yılmaz',
  'Kaya',
  'Demir',
  'Şahin',
  'Çelik',
  'Yıldız',
  'Yıldırım',
  'Öztürk',
  'Aydın',
  'Özdemir',
  'Arslan',
  'Doğan',
  'Kılıç',
  'Aslan',
  'Çetin',
  'Kara',
  'Koç',
  'Kurt',
  'Özkan',
  'Şimşek',
  'Polat',
  'Özcan',
  'Korkmaz',
  'Çakır',
  'Erdoğan',
  'Yavuz',
  'Can',
  'Acar',
  'Işık',
  'İnce',
  'Güneş',
  'Bozkurt',
  'Karataş',
  'Ağaoğlu',
  'Uğurlu',
];
const turkishWeights = turkishSurnames.reduce((acc, _s, i) => [...acc, (acc.at(-1) ?? 0) + 1 / Math.sqrt(i + 1)], []);

function turkishSurname(random) {
  const target = random.next() * turkishWeights.at(-1);
  return turkishSurnames[turkishWeights.findIndex((w) => w >= target)] ?? 'Yılmaz';
}

function turkishPerson(random) {
  const female = random.chance(0.8);
  const names = female ? turkishFemale : turkishMale;
  // Two given names now and then ("Ayşe Nur"), as Turkish registers often have.
  const firstName = random.chance(0.12) ? `${random.pick(names)} ${random.pick(names)}` : random.pick(names);
  return { firstName, lastName: turkishSurname(random), sex: female ? 'female' : 'male' };
}

/** Columns of `patients`, in the order they are inserted. */
const patientColumns = [
  'id',
  'clinic_id',
  'first_name',
  'last_name',
  'first_name_key',
  'last_name_key',
  'birth_date',
  'sex',
  'phone',
  'phone_digits',
  'email',
  'created_at',
  'updated_at',
];

function generatePatients(clinicId, count) {
  const random = seededRandom(hashSeed('name-search', 1));
  const ids = syntheticIds(random);
  const start = Date.parse('2015-01-01T00:00:00Z');
  const patients = new Array(count);
  for (let i = 0; i < count; i++) {
    const p = random.chance(0.15) ? { ...turkishPerson(random), phone: null, email: null } : person(random, i);
    const ms = start + i * 300_000;
    const at = new Date(ms).toISOString();
    patients[i] = {
      id: ids(ms),
      clinic_id: clinicId,
      first_name: p.firstName,
      last_name: p.lastName,
      first_name_key: nameKey(p.firstName),
      last_name_key: nameKey(p.lastName),
      birth_date: `${1940 + random.int(0, 65)}-0${random.int(1, 9)}-1${random.int(0, 9)}`,
      sex: p.sex,
      phone: p.phone,
      phone_digits: p.phone ? phoneDigits(p.phone) : null,
      email: p.email,
      created_at: at,
      updated_at: at,
    };
  }
  return patients;
}

/** What a front desk types (as bench/api-throughput.js asks): a surname, first name and surname, or a surname's first four letters. */
const kinds = ['surname', 'first name and surname', "surname's first four letters"];

function sampleQueries(patients) {
  const random = seededRandom(hashSeed('name-search queries', 1));
  return Array.from({ length: QUERIES }, (_, i) => {
    const p = patients[random.int(0, patients.length - 1)];
    const kind = i % 3;
    const text = kind === 0 ? p.last_name : kind === 1 ? `${p.first_name} ${p.last_name}` : p.last_name.slice(0, 4);
    return { text, kind, tokens: nameTokens(text) };
  });
}

/** Surnames of one word with a letter changed (never the first), and Turkish dotless ı typed as i. */
function sampleTypos(patients) {
  const random = seededRandom(hashSeed('name-search typos', 1));
  const letters = 'abcdefghijklmnoprstuvyz';
  const typos = [];
  while (typos.length < TYPOS) {
    const p = patients[random.int(0, patients.length - 1)];
    const word = p.last_name_key;
    if (word.includes(' ') || word.length < 5) continue;
    const at = random.int(1, word.length - 1);
    let letter = random.pick(letters);
    while (letter === word[at]) letter = random.pick(letters);
    typos.push({ intended: word, text: `${word.slice(0, at)}${letter}${word.slice(at + 1)}` });
  }
  const dotless = [...new Set(patients.slice(0, 200_000).map((p) => p.last_name_key))]
    .filter((w) => w.includes('ı') && !w.includes(' '))
    .map((w) => ({ intended: w, text: w.replaceAll('ı', 'i') }));
  return { typos, dotless };
}

// ---------------------------------------------------------------------------------------------
// The two ways to search, on one Kysely handle. Both answer the repository's question: the
// patients of a clinic whose every query token starts a word of the first or last name, in list
// order (last name key, first name key, id), one page.

const byWords = (db, clinicId, tokens, offset) =>
  searchByNameWords(db, { clinicId, tokens, phoneDigits: '', limit: PAGE, offset }).then((rows) =>
    rows.map((r) => r.id),
  );

/** FTS5 query: every token a prefix of some word ("anna"* AND "mül"*); tokens hold only letters and digits. */
const ftsQuery = (tokens) => tokens.map((t) => `"${t}"*`).join(' AND ');

async function byFts5(db, clinicId, tokens, offset) {
  const { rows } = await sql`
    select p.id from patient_name_fts f join patients p on p.rowid = f.rowid
    where f.patient_name_fts match ${ftsQuery(tokens)} and p.clinic_id = ${clinicId}
    order by p.last_name_key, p.first_name_key, p.id limit ${PAGE} offset ${offset}`.execute(db);
  return rows.map((r) => r.id);
}

const nameText = sql`(' ' || first_name_key || ' ' || last_name_key)`;

/**
 * The matches found through the trigram index first (a materialized CTE), then sorted. Asked plainly
 * (with ORDER BY ... LIMIT), the planner walks the patients' name index in list order instead and
 * filters every row with the LIKE: 1.25 s for one surname at 1,000,000 patients.
 */
async function byTrigram(db, clinicId, tokens, offset) {
  const { rows } = await sql`
    with found as materialized (
      select id, last_name_key, first_name_key from patients where clinic_id = ${clinicId}
      ${sql.join(
        tokens.map((t) => sql`and ${nameText} like ${`% ${t}%`}`),
        sql` `,
      )}
    )
    select id from found order by last_name_key, first_name_key, id limit ${PAGE} offset ${offset}`.execute(db);
  return rows.map((r) => r.id);
}

/**
 * Typo-tolerant: every token similar to a word of the name (pg_trgm's `<%`: word_similarity at or
 * above `threshold`, through the same GIN index), most similar first.
 */
function bySimilarity(db, clinicId, tokens, threshold) {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(threshold)}, true)`.execute(trx);
    const { rows } = await sql`
      select id, last_name_key from patients where clinic_id = ${clinicId}
      ${sql.join(
        tokens.map((t) => sql`and ${t} <% ${nameText}`),
        sql` `,
      )}
      order by ${sql.join(
        tokens.map((t) => sql`word_similarity(${t}, ${nameText})`),
        sql` + `,
      )} desc, last_name_key, first_name_key, id limit ${PAGE}`.execute(trx);
    return rows;
  });
}

// ---------------------------------------------------------------------------------------------

const median = (sorted) => sorted[Math.floor(sorted.length / 2)] ?? 0;
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;

function stats(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const total = times.reduce((a, b) => a + b, 0);
  return { qps: times.length / (total / 1000), p50: median(sorted), p99: quantile(sorted, 0.99), max: sorted.at(-1) };
}

async function timed(work) {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

/**
 * Every query once on both (a warm-up that also compares their answers, first pages and every
 * tenth query's second page), then every query on both, in turn, the order swapped each time.
 */
async function compare(methods, queries) {
  const differences = [];
  for (const [i, q] of queries.entries()) {
    const pages = i % 10 === 0 ? [0, PAGE] : [0];
    for (const offset of pages) {
      const [a, b] = [await methods[0].run(q.tokens, offset), await methods[1].run(q.tokens, offset)];
      if (JSON.stringify(a) !== JSON.stringify(b))
        differences.push({ query: q.text, offset, a: a.length, b: b.length });
    }
  }
  const times = methods.map(() => queries.map(() => []));
  for (const [i, q] of queries.entries()) {
    const order = i % 2 === 0 ? [0, 1] : [1, 0];
    for (const m of order) times[m][i].push((await timed(() => methods[m].run(q.tokens, 0))).ms);
  }
  return methods.map((m, mi) => {
    const all = times[mi].map((t) => t[0]);
    const perKind = kinds.map((_, k) => stats(all.filter((_, i) => queries[i].kind === k)));
    return { name: m.name, ...stats(all), perKind, differences };
  });
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** Rows per batch when filling tables. */
const BATCH = 5000;

function* batches(patients) {
  for (let i = 0; i < patients.length; i += BATCH) yield patients.slice(i, i + BATCH);
}

async function prepareClinic(db) {
  await migrateToLatest(db);
  const clinic = await createRepositories(db).clinics.create({ name: 'Name search benchmark' });
  return clinic.id;
}

async function runSqlite(patients, queries, typoSamples) {
  const dir = mkdtempSync(join(os.tmpdir(), 'mesodesk-name-search-'));
  const file = join(dir, 'mesodesk.sqlite');
  try {
    let db = createDatabase({ engine: 'sqlite', file });
    const clinicId = await prepareClinic(db);
    await db.destroy();
    for (const p of patients) p.clinic_id = clinicId;
    const raw = openSqlite(file);
    // A large page cache for the load only (1 GiB): the indexes' random inserts then stay in memory.
    // The searches run on the product's own connection settings.
    raw.pragma('cache_size = -1048576');
    const insertPatient = raw.prepare(
      `insert into patients (${patientColumns.join(', ')}) values (${patientColumns.map(() => '?').join(', ')})`,
    );
    const loadPatients = performance.now();
    for (const batch of batches(patients))
      raw.transaction(() => {
        for (const p of batch) insertPatient.run(...patientColumns.map((c) => p[c]));
      })();
    const patientsMs = performance.now() - loadPatients;
    console.log(`sqlite: ${formatRate(PATIENTS)} patients inserted in ${seconds(patientsMs)}`);

    const insertWord = raw.prepare(
      'insert into patient_name_words (patient_id, clinic_id, word, last_name_key, first_name_key) values (?, ?, ?, ?, ?)',
    );
    const insertPair = raw.prepare(
      'insert into patient_name_pairs (patient_id, clinic_id, word, other, last_name_key, first_name_key) values (?, ?, ?, ?, ?, ?)',
    );
    const loadWords = performance.now();
    let wordRows = 0;
    let pairRows = 0;
    for (const batch of batches(patients))
      raw.transaction(() => {
        for (const p of batch) {
          for (const w of nameWordRows(p)) {
            insertWord.run(w.patient_id, w.clinic_id, w.word, w.last_name_key, w.first_name_key);
            wordRows += 1;
          }
          for (const w of namePairRows(p)) {
            insertPair.run(w.patient_id, w.clinic_id, w.word, w.other, w.last_name_key, w.first_name_key);
            pairRows += 1;
          }
        }
      })();
    const wordsMs = performance.now() - loadWords;
    console.log(`sqlite: ${formatRate(wordRows)} word and ${formatRate(pairRows)} pair rows in ${seconds(wordsMs)}`);

    // The native index: contentless FTS5 (only the index is stored; its rowid is the patient's),
    // the ascii tokenizer (words split at spaces only: name keys are already folded by nameKey, so
    // its words are exactly today's), prefix indexes for tokens of 2 to 4 characters.
    const buildFts = performance.now();
    raw.exec(`
      create virtual table patient_name_fts using fts5(
        words, content = '', contentless_delete = 1, tokenize = 'ascii', prefix = '2 3 4', detail = none);
      insert into patient_name_fts (rowid, words) select rowid, first_name_key || ' ' || last_name_key from patients;
      insert into patient_name_fts (patient_name_fts) values ('optimize');`);
    const ftsMs = performance.now() - buildFts;
    console.log(`sqlite: FTS5 index built in ${seconds(ftsMs)}`);
    raw.exec('analyze');
    const sizeOf = (names) =>
      raw
        .prepare(
          `select coalesce(sum(pgsize), 0) as bytes from dbstat
           where name in (select name from sqlite_schema where tbl_name in (${names.map(() => '?').join(', ')}))
              or name in (${names.map(() => '?').join(', ')})`,
        )
        .get(...names, ...names).bytes;
    const wordBytes = sizeOf(['patient_name_words', 'patient_name_pairs']);
    const ftsBytes = raw
      .prepare("select sum(pgsize) as bytes from dbstat where name like 'patient_name_fts%'")
      .get().bytes;
    raw.close();

    db = createDatabase({ engine: 'sqlite', file });
    try {
      const results = await compare(
        [
          { name: 'word and pair tables (today)', run: (tokens, offset) => byWords(db, clinicId, tokens, offset) },
          { name: 'FTS5', run: (tokens, offset) => byFts5(db, clinicId, tokens, offset) },
        ],
        queries,
      );
      const typos = await typoFinds(typoSamples, (tokens) => byWords(db, clinicId, tokens, 0), patients);
      return {
        engine: 'sqlite',
        patientsMs,
        wordRows,
        pairRows,
        builds: [
          { ms: wordsMs, bytes: wordBytes },
          { ms: ftsMs, bytes: ftsBytes },
        ],
        results,
        typos: { words: typos },
      };
    } finally {
      await db.destroy();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** How many typo queries find a patient with the intended surname on their page. */
async function typoFinds({ typos, dotless }, run, patients) {
  const surnameOf = new Map(patients.map((p) => [p.id, p.last_name_key]));
  const score = async (list) => {
    let found = 0;
    const times = [];
    for (const t of list) {
      const { result, ms } = await timed(() => run(nameTokens(t.text)));
      times.push(ms);
      if (result.some((r) => (typeof r === 'string' ? surnameOf.get(r) : r.last_name_key) === t.intended)) found += 1;
    }
    return { found, of: list.length, ...stats(times) };
  };
  return { typos: await score(typos), dotless: await score(dotless) };
}

async function runPostgres(patients, queries, typoSamples) {
  const name = `mesodesk_name_search_${Date.now()}`;
  const url = databaseUrl(ADMIN_URL, name);
  await withPgClient(ADMIN_URL, (c) => c.query(`create database "${name}"`));
  try {
    let db = createDatabase({ engine: 'postgres', url });
    const clinicId = await prepareClinic(db);
    await db.destroy();
    for (const p of patients) p.clinic_id = clinicId;
    return await withPgClient(url, async (client) => {
      // Column arrays through unnest: one statement per batch of rows.
      const insertColumns = async (table, columns, rows) => {
        const arrays = columns.map((c) => rows.map((r) => r[c]));
        await client.query(
          `insert into ${table} (${columns.join(', ')}) select * from unnest(${columns.map((_, i) => `$${i + 1}::text[]`).join(', ')})`,
          arrays,
        );
      };
      const loadPatients = performance.now();
      for (const batch of batches(patients)) await insertColumns('patients', patientColumns, batch);
      const patientsMs = performance.now() - loadPatients;
      console.log(`postgres: ${formatRate(PATIENTS)} patients inserted in ${seconds(patientsMs)}`);

      const loadWords = performance.now();
      let wordRows = 0;
      let pairRows = 0;
      for (const batch of batches(patients)) {
        const words = batch.flatMap(nameWordRows);
        const pairs = batch.flatMap(namePairRows);
        wordRows += words.length;
        pairRows += pairs.length;
        await insertColumns(
          'patient_name_words',
          ['patient_id', 'clinic_id', 'word', 'last_name_key', 'first_name_key'],
          words,
        );
        await insertColumns(
          'patient_name_pairs',
          ['patient_id', 'clinic_id', 'word', 'other', 'last_name_key', 'first_name_key'],
          pairs,
        );
      }
      const wordsMs = performance.now() - loadWords;
      console.log(
        `postgres: ${formatRate(wordRows)} word and ${formatRate(pairRows)} pair rows in ${seconds(wordsMs)}`,
      );

      // The native index: pg_trgm's GIN on the text the search's LIKE reads (' ' first key ' ' last key).
      const buildTrgm = performance.now();
      await client.query('create extension if not exists pg_trgm');
      await client.query(
        `create index patients_name_trgm_idx on patients using gin ((' ' || first_name_key || ' ' || last_name_key) gin_trgm_ops)`,
      );
      const trgmMs = performance.now() - buildTrgm;
      console.log(`postgres: pg_trgm index built in ${seconds(trgmMs)}`);
      await client.query('vacuum analyze');
      const size = async (query) => Number((await client.query(query)).rows[0].bytes);
      const wordBytes = await size(
        `select pg_total_relation_size('patient_name_words') + pg_total_relation_size('patient_name_pairs') as bytes`,
      );
      const trgmBytes = await size(`select pg_relation_size('patients_name_trgm_idx') as bytes`);

      db = createDatabase({ engine: 'postgres', url });
      try {
        const results = await compare(
          [
            { name: 'word and pair tables (today)', run: (tokens, offset) => byWords(db, clinicId, tokens, offset) },
            {
              name: 'pg_trgm (GIN, LIKE word prefix)',
              run: (tokens, offset) => byTrigram(db, clinicId, tokens, offset),
            },
          ],
          queries,
        );
        const words = await typoFinds(typoSamples, (tokens) => byWords(db, clinicId, tokens, 0), patients);
        const similar = [];
        for (const threshold of [0.6, 0.5])
          similar.push({
            threshold,
            ...(await typoFinds(typoSamples, (tokens) => bySimilarity(db, clinicId, tokens, threshold), patients)),
          });
        return {
          engine: 'postgres',
          patientsMs,
          wordRows,
          pairRows,
          builds: [
            { ms: wordsMs, bytes: wordBytes },
            { ms: trgmMs, bytes: trgmBytes },
          ],
          results,
          typos: { words, similar },
        };
      } finally {
        await db.destroy();
      }
    });
  } finally {
    await withPgClient(ADMIN_URL, (c) => c.query(`drop database if exists "${name}" with (force)`));
  }
}

// ---------------------------------------------------------------------------------------------

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
const loadBefore = load();
const patients = generatePatients('', PATIENTS);
const queries = sampleQueries(patients);
const typoSamples = sampleTypos(patients);
const runs = [];
for (const engine of ENGINES) {
  console.log(`\n--- ${engine}: ${formatRate(PATIENTS)} patients, ${formatRate(queries.length)} queries`);
  const run =
    engine === 'sqlite'
      ? await runSqlite(patients, queries, typoSamples)
      : await runPostgres(patients, queries, typoSamples);
  for (const r of run.results)
    console.log(
      `${engine} ${r.name}: ${formatRate(r.qps)} queries/s, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms`,
    );
  console.log(`${engine}: ${run.results[0].differences.length} queries answered differently`);
  runs.push(run);
}
const loadAfter = load();

const ms2 = (n) => n.toFixed(2);
const rows = runs.flatMap((run) =>
  run.results.map(
    (r, i) =>
      `| ${run.engine} | ${r.name} | ${seconds(run.builds[i].ms)} | ${mib(run.builds[i].bytes)} | ${formatRate(r.qps)} | ${ms2(r.p50)} / ${ms2(r.p99)} | ${r.perKind.map((k) => `${ms2(k.p50)} / ${ms2(k.p99)}`).join(' | ')} |`,
  ),
);
const ratio = (run) => run.results[1].qps / run.results[0].qps;
const verdicts = runs.map((run) => {
  const [today, native] = run.results;
  const r = ratio(run);
  return `${run.engine}: ${native.name} answers ${formatRate(native.qps)} queries/s against ${formatRate(today.qps)} (${r.toFixed(2)}x); p99 ${ms2(native.p99)} against ${ms2(today.p99)} ms.`;
});
const differences = runs.map((run) => {
  const d = run.results[0].differences;
  return d.length === 0
    ? `${run.engine}: every compared page identical`
    : `${run.engine}: ${d.length} pages differ (${d
        .slice(0, 5)
        .map((x) => `"${x.query}" offset ${x.offset}: ${x.a} against ${x.b} patients`)
        .join('; ')})`;
});
const typoLines = runs.flatMap((run) => {
  const line = (label, t) =>
    `| ${run.engine} | ${label} | ${t.typos.found} of ${t.typos.of} | ${t.dotless.found} of ${t.dotless.of} | ${ms2(t.typos.p50)} / ${ms2(t.typos.p99)} |`;
  return [
    line('word and pair tables (today), prefix match', run.typos.words),
    ...(run.typos.similar ?? []).map((t) =>
      line(`pg_trgm similarity (\`<%\`, word_similarity >= ${t.threshold}), most similar first`, t),
    ),
  ];
});
const generation = runs
  .map(
    (run) =>
      `${run.engine}: patients inserted in ${seconds(run.patientsMs)}, ${formatRate(run.wordRows)} word rows and ${formatRate(run.pairRows)} pair rows`,
  )
  .join('; ');

recordSection(
  'name-search',
  `## Patient name search: word-pair tables against FTS5 and pg_trgm (issue: platform)

${new Date().toISOString().slice(0, 10)} - ${machine()}

${formatRate(PATIENTS)} generated patients in one clinic (fixed seed: seed-large's people, 15 % Turkish names added; ${generation}), in a fresh database per engine migrated to this build's schema. The same ${formatRate(queries.length)} sampled queries (a third each: a surname, a first name and surname, a surname's first four letters, as typed, folded by \`nameTokens\`) go to both methods one at a time, in turn (each query to both, the order swapped every query), after a warm-up pass of every query on both that also compares their answers (the first page of 50, and every tenth query's second page). "Today" is the repository's \`searchByNameWords\` on \`patient_name_words\` and \`patient_name_pairs\`, written as the repository writes them ("build" is the time to insert those rows into the migrated tables). SQLite FTS5: a contentless table (\`contentless_delete\`, \`detail=none\`) on \`first_name_key || ' ' || last_name_key\`, tokenizer \`ascii\` (the keys are already folded by \`nameKey\`, so its words are exactly today's), prefix indexes of 2, 3 and 4 characters; each token is a prefix query (\`"mül"* AND "anna"*\`), joined to \`patients\` by rowid, sorted in list order. PostgreSQL pg_trgm: a GIN index (\`gin_trgm_ops\`) on \`' ' || first_name_key || ' ' || last_name_key\`, each token a \`LIKE '% token%'\`, as today's plain scan asks, in a materialized CTE so that the index is used (asked plainly, with ORDER BY and LIMIT, the planner walks the patients' name index in list order and filters every row: 1.25 s for the surname \"Brandhofer\" in one such plan). Load average (1/5/15 min) before / after: ${loadBefore} - ${loadAfter} (the machine is shared).

| engine | method | build | size | queries/s (one at a time) | p50 / p99 ms | ${kinds.map((k) => `${k}: p50 / p99 ms`).join(' | ')} |
|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

${verdicts.join(' ')}

Same answers: ${differences.join('; ')}.

Typos (${formatRate(TYPOS)} surnames of one word, five letters or more, one letter after the first changed; and every distinct surname with a Turkish dotless ı among the first 200,000 patients, typed with i): how many find a patient of the intended surname on their first page of 50.

| engine | method | one letter changed | ı typed as i | p50 / p99 ms |
|---|---|---|---|---|
${typoLines.join('\n')}
`,
);
console.log('\nwritten to bench/RESULTS.md (name-search)');
// Both methods must answer the exact queries alike, or the comparison says nothing.
if (runs.some((run) => run.results[0].differences.length > 0)) process.exitCode = 1;
