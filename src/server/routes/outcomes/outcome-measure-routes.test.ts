import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { clinicAudit } from '../../../test-support/audited-records.js';
import { forEachApp, signInRoles, type TestClient } from '../../../test-support/test-app.js';
import { measureCourse } from './test-support/measure-course.js';

const day = 24;

forEachApp('outcome measure routes', (get) => {
  let practitioner: TestClient;
  let admin: TestClient;
  let reception: TestClient;
  let patient: TestClient;
  /** The fixture patient's hair-loss course: sessions 3 weeks ago, 1 week ago, and next week. */
  let hair: { courseId: string; sessionIds: string[] };
  /** Her localized-fat course: one session 2 days ago. */
  let fat: { courseId: string; sessionIds: string[] };
  let othersCourse: string;

  beforeAll(async () => {
    const test = get();
    ({ practitioner, admin, reception, patient } = await signInRoles(test));
    const { users } = test.fixture;
    hair = await measureCourse(test, practitioner, test.fixture.patient, {
      indication: 'hair_loss',
      area: 'scalp',
      sessionHoursAgo: [21 * day, 7 * day, -7 * day],
      practitionerId: users.practitioner.id,
    });
    fat = await measureCourse(test, practitioner, test.fixture.patient, {
      indication: 'localized_fat',
      area: 'abdomen',
      sessionHoursAgo: [2 * day],
      practitionerId: users.admin.id,
    });
    othersCourse = (
      await measureCourse(test, practitioner, test.fixture.otherPatient, {
        indication: 'hair_loss',
        area: 'scalp',
        sessionHoursAgo: [day],
      })
    ).courseId;
  });

  const post = (client: TestClient, courseId: string, payload: object) =>
    client.inject({ method: 'POST', url: `/api/courses/${courseId}/outcome-measures`, payload });
  const read = (client: TestClient, courseId: string) =>
    client.inject({ method: 'GET', url: `/api/courses/${courseId}/outcome-measures` });
  const grade = (sessionId: string | null, value: number) => ({
    measure: 'hair_grade_female',
    rater: 'practitioner',
    sessionId,
    value,
  });
  const countRows = async () =>
    Number(
      (await sql<{ n: number | string }>`select count(*) as n from outcome_measures`.execute(get().db)).rows[0]?.n,
    );

  it('records a baseline grade and follow-ups, and gives the series from baseline to the latest session', async () => {
    const [first = '', second = ''] = hair.sessionIds;
    const baseline = await post(practitioner, hair.courseId, grade(null, 3));
    expect(baseline.statusCode).toBe(201);
    expect(baseline.json()).toMatchObject({
      courseId: hair.courseId,
      patientId: get().fixture.patient.id,
      sessionId: null,
      measure: 'hair_grade_female',
      rater: 'practitioner',
      value: 3,
      site: null,
      enteredBy: 'staff',
      recordedBy: get().fixture.users.practitioner.id,
    });
    expect((await post(practitioner, hair.courseId, grade(first, 2))).statusCode).toBe(201);
    const followUp = await post(practitioner, hair.courseId, grade(second, 2));
    // The same slot again: the value is replaced, not added.
    const corrected = await post(admin, hair.courseId, grade(second, 1));
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json()).toMatchObject({
      id: followUp.json().id,
      value: 1,
      recordedBy: get().fixture.users.admin.id,
    });
    expect(
      (await post(practitioner, hair.courseId, { measure: 'gais', rater: 'practitioner', sessionId: second, value: 2 }))
        .statusCode,
    ).toBe(201);
    const own = await post(patient, hair.courseId, { measure: 'gais', rater: 'patient', sessionId: second, value: 1 });
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({ rater: 'patient', enteredBy: 'patient', value: 1 });

    const view = (await read(practitioner, hair.courseId)).json();
    expect(view.course).toMatchObject({ id: hair.courseId, indication: 'hair_loss', area: 'scalp' });
    expect(view.outcomes.photoViews).toEqual(['vertex', 'frontal_hairline', 'part_line']);
    expect(view.definitions.map((d: { code: string }) => d.code)).toEqual([
      'gais',
      'hair_grade_male',
      'hair_grade_female',
    ]);
    // Only sessions that took place are slots to record after: not next week's.
    expect(view.sessions.map((s: { id: string }) => s.id)).toEqual([first, second]);
    const series = (measure: string, rater: string) =>
      view.series.find((s: { measure: string; rater: string }) => s.measure === measure && s.rater === rater);
    const hairGrade = series('hair_grade_female', 'practitioner');
    expect(hairGrade.points.map((p: { sessionId: string | null; value: number }) => [p.sessionId, p.value])).toEqual([
      [null, 3],
      [first, 2],
      [second, 1],
    ]);
    expect(hairGrade).toMatchObject({ baseline: 3, change: -2, improved: true, latest: { sessionId: second } });
    expect(series('gais', 'patient')).toMatchObject({ baseline: null, change: null, improved: true });

    // The patient sees her own course; not another patient's, and reception sees none.
    expect((await read(patient, hair.courseId)).json().series).toHaveLength(3);
    expect((await read(patient, othersCourse)).statusCode).toBe(404);
    expect((await read(reception, hair.courseId)).statusCode).toBe(403);
  });

  it('refuses bad input with 400 naming the field, and saves nothing', async () => {
    const [first = '', , next = ''] = hair.sessionIds;
    const before = await countRows();
    const problems = async (client: TestClient, courseId: string, payload: object) => {
      const answer = await post(client, courseId, payload);
      expect(answer.statusCode, answer.body).toBe(400);
      return answer.json().problems.map((p: { field: string }) => p.field);
    };
    // A value off the scale (the Ludwig scale has three grades), or not a number.
    expect(await problems(practitioner, hair.courseId, grade(first, 4))).toEqual(['value']);
    expect(await problems(practitioner, hair.courseId, { ...grade(first, 2), value: '2' })).toEqual(['value']);
    // A measure unknown, or not one recorded for the course's indication.
    expect(await problems(practitioner, hair.courseId, { ...grade(first, 2), measure: 'vibes' })).toEqual(['measure']);
    const cellulite = await post(practitioner, hair.courseId, { ...grade(first, 2), measure: 'cellulite_stage' });
    expect(cellulite.json().problems).toEqual([
      {
        field: 'measure',
        message: 'is not recorded for hair_loss courses; use one of: gais, hair_grade_male, hair_grade_female',
      },
    ]);
    // A rater that does not match: a patient rating as the practitioner, or rating the practitioner's scale.
    expect(
      await problems(patient, hair.courseId, { measure: 'gais', rater: 'practitioner', sessionId: first, value: 1 }),
    ).toEqual(['rater']);
    expect(await problems(patient, hair.courseId, { ...grade(first, 2), rater: 'patient' })).toEqual(['rater']);
    // GAIS already compares with before treatment: it has no baseline.
    expect(
      await problems(practitioner, hair.courseId, {
        measure: 'gais',
        rater: 'practitioner',
        sessionId: null,
        value: 2,
      }),
    ).toEqual(['sessionId']);
    expect(await problems(practitioner, hair.courseId, grade(fat.sessionIds[0] ?? '', 2))).toEqual(['sessionId']);
    // A circumference needs its site; a grade has none.
    const waist = { measure: 'circumference', rater: 'practitioner', sessionId: null, value: 92.4 };
    expect(await problems(practitioner, fat.courseId, waist)).toEqual(['site']);
    expect(await problems(practitioner, fat.courseId, { ...waist, site: 'neck' })).toEqual(['site']);
    expect(await problems(practitioner, hair.courseId, { ...grade(first, 2), site: 'waist' })).toEqual(['site']);
    expect(await problems(practitioner, fat.courseId, { ...waist, site: 'waist', value: 92.45 })).toEqual(['value']);

    const future = await post(practitioner, hair.courseId, grade(next, 2));
    expect(future.statusCode).toBe(409);
    expect(future.json().error).toBe('session_not_held');
    expect((await post(patient, othersCourse, { ...grade(null, 2), rater: 'patient' })).statusCode).toBe(404);
    expect((await post(practitioner, 'missing', grade(null, 2))).statusCode).toBe(404);
    expect(await countRows()).toBe(before);
  });

  it('leaves a rating the patient gave to the patient: staff get 409 and nothing changes', async () => {
    const [first = '', second = ''] = hair.sessionIds;
    const gais = (sessionId: string, value: number) => ({ measure: 'gais', rater: 'patient', sessionId, value });
    const refused = await post(practitioner, hair.courseId, gais(second, 4));
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: 'patient_rated', problems: [{ field: 'value' }] });
    // Staff may pass on what the patient said where she has not rated herself; her own rating then wins.
    expect((await post(reception, hair.courseId, gais(first, 3))).statusCode).toBe(403);
    expect((await post(practitioner, hair.courseId, gais(first, 3))).json()).toMatchObject({ enteredBy: 'staff' });
    const hers = await post(patient, hair.courseId, gais(first, 4));
    expect(hers.statusCode).toBe(200);
    expect(hers.json()).toMatchObject({ enteredBy: 'patient', value: 4 });
    const values = (await read(practitioner, hair.courseId)).json().values;
    expect(
      values
        .filter((v: { measure: string; rater: string }) => v.measure === 'gais' && v.rater === 'patient')
        .map((v: { value: number }) => v.value),
    ).toEqual([4, 1]);
  });

  it("reports the clinic's results per indication, practitioner and product", async () => {
    const test = get();
    const [fatSession = ''] = fat.sessionIds;
    const product = await test.repos.products.createProduct({
      clinicId: test.fixture.clinic.id,
      name: 'Slim cocktail',
      manufacturer: null,
      ingredients: [],
    });
    await test.repos.charts.create({
      sessionId: fatSession,
      anaesthesiaUsed: false,
      createdBy: test.fixture.users.admin.id,
      points: [
        {
          area: 'abdomen',
          x: 0.5,
          y: 0.5,
          productId: product.id,
          lotId: null,
          volumeMl: null,
          depthMm: 4,
          technique: 'manual',
        },
      ],
    });
    const circumference = (site: string, sessionId: string | null, value: number) => ({
      measure: 'circumference',
      rater: 'practitioner',
      site,
      sessionId,
      value,
    });
    for (const payload of [
      circumference('waist', null, 92.4),
      circumference('waist', fatSession, 90.1),
      circumference('hips', null, 101),
      circumference('hips', fatSession, 100.5),
    ])
      expect((await post(admin, fat.courseId, payload)).statusCode).toBe(201);

    const answer = await practitioner.inject({ method: 'GET', url: '/api/outcome-results' });
    expect(answer.statusCode, answer.body).toBe(200);
    const results = answer.json();
    const group = (list: { key: string | null }[], key: string) => list.find((g) => g.key === key) as never;
    const measure = (g: { measures: { measure: string; rater: string }[] }, code: string, rater = 'practitioner') =>
      g.measures.find((m) => m.measure === code && m.rater === rater);

    expect(results.byIndication.map((g: { key: string }) => g.key).sort()).toEqual(['hair_loss', 'localized_fat']);
    const fatResults = measure(group(results.byIndication, 'localized_fat'), 'circumference');
    expect(fatResults).toMatchObject({ results: 2, courses: 1, improved: 1, shareImproved: 0.5, meanChange: -1.4 });
    const hairResults = group(results.byIndication, 'hair_loss');
    expect(measure(hairResults, 'hair_grade_female')).toMatchObject({ results: 1, improved: 1, meanChange: -2 });
    expect(measure(hairResults, 'gais', 'patient')).toMatchObject({ results: 1, improved: 1, meanLatest: 1 });

    const { users } = test.fixture;
    expect(group(results.byPractitioner, users.practitioner.id)).toMatchObject({
      name: users.practitioner.displayName,
      courses: 1,
    });
    expect(measure(group(results.byPractitioner, users.admin.id), 'circumference')).toMatchObject({ improved: 1 });
    expect(results.byProduct).toEqual([
      expect.objectContaining({ key: product.id, name: 'Slim cocktail', courses: 1 }),
    ]);

    // Another window, another clinic: nothing counted.
    const past = await practitioner.inject({
      method: 'GET',
      url: '/api/outcome-results?from=2020-01-01&to=2020-12-31',
    });
    expect(past.json()).toMatchObject({ from: '2020-01-01', to: '2020-12-31', byIndication: [], byProduct: [] });
    const elsewhere = await test.signInElsewhere('practitioner');
    expect((await elsewhere.inject({ method: 'GET', url: '/api/outcome-results' })).json().byIndication).toEqual([]);
    expect((await read(elsewhere, hair.courseId)).statusCode).toBe(404);

    const bad = async (query: string) =>
      (await practitioner.inject({ method: 'GET', url: `/api/outcome-results?${query}` })).json().problems;
    expect(await bad('from=2026-05-01&to=2026-04-01')).toEqual([{ field: 'to', message: 'must not be before from' }]);
    expect((await bad('from=2026-13-01'))[0].field).toBe('from');
    expect((await patient.inject({ method: 'GET', url: '/api/outcome-results' })).statusCode).toBe(403);
  });

  it('audits every write and every read of the values', async () => {
    const trail = await clinicAudit(get(), { entity: 'outcome_measure', limit: 200 });
    expect(new Set(trail.map((e) => `${e.action} ${e.route}`))).toEqual(
      new Set([
        'create POST /api/courses/:id/outcome-measures',
        'update POST /api/courses/:id/outcome-measures',
        'read GET /api/courses/:id/outcome-measures',
      ]),
    );
    expect(trail.every((e) => e.records.every((r) => r.patientId === get().fixture.patient.id))).toBe(true);
  });

  it('lists every measure and what each indication records', async () => {
    const { measures, indications, photoViewsCitation } = (
      await patient.inject({ method: 'GET', url: '/api/outcome-measures' })
    ).json();
    expect(measures.find((m: { code: string }) => m.code === 'gais')).toMatchObject({
      comparison: 'rating',
      raters: ['practitioner', 'patient'],
      citation: 'outside-references.txt:19',
    });
    expect(indications.find((i: { indication: string }) => i.indication === 'localized_fat').measures[1]).toMatchObject(
      {
        code: 'circumference',
        sites: expect.arrayContaining(['waist', 'hips']),
      },
    );
    expect(photoViewsCitation).toMatch(/^outside-references\.txt:\d+$/);
  });
});
