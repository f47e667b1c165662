import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { person } from '../seed-large/people.js';
import { seededRandom } from '../seed-large/seeded-random.js';
import { nameTokens, phoneDigits } from '../search-keys.js';
import { queryPlan, recordingQueries } from '../../test-support/recorded-queries.js';
import { forEachEngine } from '../../test-support/test-databases.js';
import type { Db } from '../create-database.js';
import type { ClinicRecord } from '../../core/records/index.js';
import { createRepositories, type Repositories } from './repositories.js';

/** The plain scan the word index replaces: the reference for matches and order. */
async function scan(
  db: Db,
  clinicId: string,
  query: { name: string; phone?: string; limit: number; offset: number },
): Promise<string[]> {
  let q = db.selectFrom('patients').select('id').where('clinic_id', '=', clinicId);
  for (const token of nameTokens(query.name))
    q = q.where(sql<boolean>`(' ' || first_name_key || ' ' || last_name_key) like ${`% ${token}%`}`);
  const digits = query.phone === undefined ? '' : phoneDigits(query.phone);
  if (digits) q = q.where('phone_digits', 'like', `%${digits}%`);
  const rows = await q
    .orderBy('last_name_key')
    .orderBy('first_name_key')
    .orderBy('id')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return rows.map((r) => r.id);
}

forEachEngine('patient name search through the word index', (getDb, engine) => {
  let repos: Repositories;
  let clinic: ClinicRecord;
  const people: { firstName: string; lastName: string; phone: string | null }[] = [];
  /** The ids of the first few patients of the clinic found by `name`. */
  const idsNamed = async (name: string) =>
    (await repos.patients.search({ clinicId: clinic.id, name, limit: 5, offset: 0 })).map((p) => p.id);

  beforeAll(async () => {
    repos = createRepositories(getDb());
    const random = seededRandom(99);
    await repos.transaction(async (tx) => {
      clinic = await tx.clinics.create({ name: 'Word search' });
      const other = await tx.clinics.create({ name: 'Elsewhere' });
      for (let i = 0; i < 600; i++) {
        const p = person(random, i);
        people.push(p);
        await tx.patients.create({
          clinicId: i % 10 === 9 ? other.id : clinic.id,
          firstName: p.firstName,
          lastName: p.lastName,
          birthDate: '1990-01-01',
          sex: p.sex,
          phone: p.phone,
        });
      }
      // Namesakes, shared words between first and last names, and a name with no letters at all.
      for (const [firstName, lastName] of [
        ['Anna', 'Annaberg'],
        ['Thomas', 'Thomas'],
        ['Anna', 'Annaberg'],
        ['Marie-Anne', 'de Anna'],
        ['—', '—'],
      ] as const)
        await tx.patients.create({ clinicId: clinic.id, firstName, lastName, birthDate: '1990-01-01', sex: 'female' });
      // More distinct words under one prefix than the index path takes on: "xa" falls back to the scan.
      for (let i = 1; i <= 45; i++)
        await tx.patients.create({
          clinicId: clinic.id,
          firstName: 'Xavier',
          lastName: `Xa${i}`,
          birthDate: '1990-01-01',
          sex: 'male',
        });
    });
  });

  it('finds exactly what the scan finds, in the same order, page by page', async () => {
    const random = seededRandom(7);
    const queries = [
      'anna',
      'anna annaberg',
      'thomas',
      'de',
      'mül',
      'müller',
      'van dijk',
      'marie anne',
      'o brien',
      'ann',
      'zz',
      'e',
      'a b',
      '—',
      'xa',
      'xa4',
      'xavier xa1',
      'xa x',
      'x xa',
      'x x',
    ];
    for (let i = 0; i < 60; i++) {
      const p = random.pick(people);
      queries.push(
        p.lastName,
        `${p.firstName} ${p.lastName}`,
        p.lastName.slice(0, 3),
        `${p.lastName.slice(0, 2)} ${p.firstName.slice(0, 2)}`,
      );
    }
    for (const name of queries)
      for (const page of [
        { limit: 50, offset: 0 },
        { limit: 3, offset: 2 },
      ]) {
        const found = (await repos.patients.search({ clinicId: clinic.id, name, ...page })).map((p) => p.id);
        expect(found, `${name} ${JSON.stringify(page)}`).toEqual(await scan(getDb(), clinic.id, { name, ...page }));
      }
  });

  it('combines names with phone digits, and follows renames', async () => {
    const withPhone = people.find((p, i) => p.phone !== null && i % 10 !== 9);
    if (!withPhone?.phone) throw new Error('no patient with a phone');
    const query = { name: withPhone.lastName, phone: withPhone.phone.slice(-4), limit: 50, offset: 0 };
    const found = await repos.patients.search({ clinicId: clinic.id, ...query });
    expect(found.map((p) => p.id)).toEqual(await scan(getDb(), clinic.id, query));
    expect(found.length).toBeGreaterThan(0);

    const renamed = await repos.patients.create({
      clinicId: clinic.id,
      firstName: 'Quentin',
      lastName: 'Quarrington',
      birthDate: '1980-01-01',
      sex: 'male',
    });
    expect(await idsNamed('quarr')).toEqual([renamed.id]);
    await repos.patients.update(renamed.id, { lastName: 'Zebedee-Quill' });
    expect(await idsNamed('quarr')).toEqual([]);
    expect(await idsNamed('quill quen')).toEqual([renamed.id]);
    await repos.patients.update(renamed.id, { phone: '+49 1' });
    expect(await idsNamed('zebedee')).toEqual([renamed.id]);
    expect(await repos.patients.delete(renamed.id)).toBe(true);
    expect(await idsNamed('zebedee')).toEqual([]);
    const left = await getDb()
      .selectFrom('patient_name_words')
      .select('word')
      .where('patient_id', '=', renamed.id)
      .execute();
    expect(left).toEqual([]);
    expect(
      await getDb().selectFrom('patient_name_pairs').select('word').where('patient_id', '=', renamed.id).execute(),
    ).toEqual([]);
  });

  it('takes a name of as many short words as its 100 characters hold (thousands of pairs)', async () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz'.split('');
    const upTo100 = (words: string[]) =>
      words.reduce((name, w) => (name && `${name} ${w}`.length > 100 ? name : name ? `${name} ${w}` : w), '');
    const firstName = upTo100([...letters, ...letters.map((l) => `b${l}`)]);
    const lastName = upTo100(letters.flatMap((a) => letters.map((b) => `${a}${b}`)).filter((w) => !w.startsWith('b')));
    const many = await repos.patients.create({
      clinicId: clinic.id,
      firstName,
      lastName,
      birthDate: '1990-01-01',
      sex: 'other',
    });
    const pairs = await getDb()
      .selectFrom('patient_name_pairs')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('patient_id', '=', many.id)
      .executeTakeFirstOrThrow();
    expect(Number(pairs.n)).toBeGreaterThan(5000);
    expect(await idsNamed('bc ad')).toEqual([many.id]);
    await repos.patients.update(many.id, { lastName: 'Plain' });
    expect(await idsNamed('bc plain')).toEqual([many.id]);
    expect(await repos.patients.delete(many.id)).toBe(true);
  });

  it.runIf(engine === 'sqlite')(
    "merges the runs of a prefix's words in list order on SQLite, without sorting them",
    async () => {
      const { db, queries } = recordingQueries(getDb());
      const found = await createRepositories(db).patients.search({
        clinicId: clinic.id,
        name: 'xa4',
        limit: 3,
        offset: 0,
      });
      expect(found.map((p) => p.lastName)).toEqual(['Xa4', 'Xa40', 'Xa41']);
      const page = queries.find((q) => q.sql.includes('join patients p'));
      if (!page) throw new Error('the search ran no merged page');
      const details = await queryPlan(getDb(), engine, page);
      expect(details.filter((d) => d.startsWith('MERGE (UNION)')).length).toBeGreaterThan(0);
      expect(details.filter((d) => d.includes('TEMP B-TREE'))).toEqual([]);
    },
  );

  it('reads a first name and a surname through the pairs of words, only the patients holding both', async () => {
    const { db, queries } = recordingQueries(getDb());
    const repos = createRepositories(db);
    const found = await repos.patients.search({ clinicId: clinic.id, name: 'xavier xa1', limit: 50, offset: 0 });
    expect(found.map((p) => p.lastName)).toEqual([
      'Xa1',
      'Xa10',
      'Xa11',
      'Xa12',
      'Xa13',
      'Xa14',
      'Xa15',
      'Xa16',
      'Xa17',
      'Xa18',
      'Xa19',
    ]);
    const page = queries.find((q) => q.sql.includes('join patients p'));
    expect(page?.sql).toContain('"patient_name_pairs"');
    // A token that starts the other ("anna annaberg") could be matched by one word alone: no pairs then.
    queries.length = 0;
    const namesakes = await repos.patients.search({ clinicId: clinic.id, name: 'annaberg anna', limit: 50, offset: 0 });
    expect(namesakes.map((p) => `${p.firstName} ${p.lastName}`)).toEqual(['Anna Annaberg', 'Anna Annaberg']);
    expect(queries.find((q) => q.sql.includes('join patients p'))?.sql).not.toContain('"patient_name_pairs"');
  });
});
