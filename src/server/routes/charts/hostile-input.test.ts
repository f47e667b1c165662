import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { samplePlan } from '../../../test-support/sample-assessment.js';
import { forEachApp, type TestClient } from '../../../test-support/test-app.js';

/** As in src/server/no-server-errors.test.ts, for the consent, product and chart routes. */
const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', "'; drop table lots; --", '%_\\', '9'.repeat(400), '1e400', '__proto__', 'constructor', 'data:image/png;base64,'),
);
const nastyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    nastyString,
    fc.integer(),
    fc.double(),
    fc.constantFrom(2 ** 53, -(2 ** 63), 1e308, 0, -1, 0.5, 10, 13),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(nastyString, tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** A valid body with one field (possibly nested, possibly inside an array) replaced by something hostile. */
function mutated(base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const paths = (value: unknown, prefix: (string | number)[] = []): (string | number)[][] =>
    value && typeof value === 'object'
      ? Object.entries(value).flatMap(([k, v]) => {
          const key = Array.isArray(value) ? Number(k) : k;
          return [[...prefix, key], ...paths(v, [...prefix, key])];
        })
      : [];
  return fc.tuple(fc.constantFrom(...paths(base)), nastyValue).map(([path, value]) => {
    const copy = structuredClone(base);
    let target: Record<string | number, unknown> = copy;
    for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
    target[path[path.length - 1] ?? ''] = value;
    return copy;
  });
}

const signatureImage = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

forEachApp('consent, product and chart routes: no input produces a server error', (get) => {
  let admin: TestClient;
  let textId: string;
  let productId: string;
  let lotId: string;
  let sessionId: string;

  beforeAll(async () => {
    const { repos, fixture } = get();
    admin = await get().signIn('admin');
    textId = (await admin.inject({ method: 'POST', url: '/api/consent-texts/mesotherapy/versions', payload: { text: 'Consent.' } })).json().id;
    await admin.inject({ method: 'POST', url: `/api/patients/${fixture.patient.id}/consents`, payload: { consentTextId: textId, typedName: 'Paula', signatureImage } });
    productId = (await admin.inject({ method: 'POST', url: '/api/products', payload: { name: 'Mix', ingredients: ['zinc'] } })).json().id;
    lotId = (await admin.inject({ method: 'POST', url: `/api/products/${productId}/lots`, payload: { lotNumber: 'L-1', expiryDate: '2099-01-01' } })).json().id;
    const course = await repos.courses.create({ patientId: fixture.patient.id, assessmentId: null, indication: 'hair_loss', area: 'scalp', plan: samplePlan(), createdBy: null });
    sessionId = (await repos.treatmentSessions.create({ courseId: course.id, scheduledAt: '2026-06-01T09:00:00.000Z' })).id;
  });

  it('answers hostile bodies with 4xx (or success), never 5xx', async () => {
    const { fixture } = get();
    const point = { area: 'scalp', x: 0.5, y: 0.5, productId, lotId, volumeMl: 0.1, depthMm: 1, technique: 'manual' };
    const targets = [
      { url: `/api/sessions/${sessionId}/chart`, base: { anaesthesiaUsed: true, anaesthesiaAgent: 'lidocaine', notes: 'n', points: [point, point] } },
      { url: `/api/patients/${fixture.patient.id}/consents`, base: { consentTextId: textId, typedName: 'Paula', signatureImage } },
      { url: '/api/products', base: { name: 'P', manufacturer: 'M', ingredients: ['zinc', 'HA'] } },
      { url: `/api/products/${productId}/lots`, base: { lotNumber: 'X', expiryDate: '2030-01-01' } },
      { url: '/api/consent-texts/mesotherapy/versions', base: { text: 'Another version.' } },
    ];
    for (const target of targets) {
      await fc.assert(
        fc.asyncProperty(fc.oneof(mutated(target.base), nastyValue), async (body) => {
          const response = await admin.inject({ method: 'POST', url: target.url, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) ?? 'null' });
          expect(response.statusCode, `POST ${target.url} ${JSON.stringify(body)} → ${response.body}`).toBeLessThan(500);
        }),
        { numRuns: 40 },
      );
    }
  });

  it('answers hostile path parameters and user agents with 4xx (or success), never 5xx', async () => {
    const urls = ['/api/lots/$/recall', '/api/sessions/$/chart', '/api/consent-texts/$', '/api/consent-texts/$/versions', '/api/products/$', '/api/patients/$/consents'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...urls), fc.oneof(nastyString.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, ''))), fc.constantFrom('%FF', '%00', '%', '%E0%A4%A')), async (url, param) => {
        const response = await admin.inject({ method: 'GET', url: url.replace('$', param) });
        expect(response.statusCode, `${url} ${param} → ${response.body}`).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary-ascii', maxLength: 600 }), async (agent) => {
        const response = await admin.inject({
          method: 'POST',
          url: `/api/patients/${get().fixture.patient.id}/consents`,
          headers: { 'user-agent': agent },
          payload: { consentTextId: textId, typedName: 'Paula', signatureImage },
        });
        expect(response.statusCode, JSON.stringify(agent)).toBeLessThan(500);
      }),
      { numRuns: 30 },
    );
  });
});
