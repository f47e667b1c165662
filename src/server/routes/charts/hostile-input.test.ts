import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { brokenPathSegments, nastyString, nastyValue } from '../../../test-support/hostile-values.js';
import { makeIntake } from '../../../test-support/intake-builder.js';
import { forEachApp, type TestClient } from '../../../test-support/test-app.js';
import { daysFromToday } from '../../../test-support/relative-dates.js';
import { createSampleCourse } from '../../../test-support/stored-records.js';
import { expectNoServerErrorForBodies } from '../../../test-support/hostile-bodies.js';
import { signatureImage } from '../../../test-support/sample-signature.js';

/** Hostile values, with the numbers at the edges of the chart's ranges (x, y in 0..1, depth up to 13 mm). */
const hostileOptions = { strings: ["'; drop table lots; --", 'data:image/png;base64,'], numbers: [0.5, 10, 13] };
const nastyText = nastyString(hostileOptions.strings);
const hostile = nastyValue(hostileOptions);

forEachApp('consent, product and chart routes: no input produces a server error', (get) => {
  let admin: TestClient;
  let textId: string;
  let productId: string;
  let lotId: string;
  let sessionId: string;

  beforeAll(async () => {
    const { repos, fixture } = get();
    admin = await get().signIn('admin');
    textId = (
      await admin.inject({
        method: 'POST',
        url: '/api/consent-texts/mesotherapy/versions',
        payload: { text: 'Consent.' },
      })
    ).json().id;
    await admin.inject({
      method: 'POST',
      url: `/api/patients/${fixture.patient.id}/consents`,
      payload: { consentTextId: textId, typedName: 'Paula', signatureImage },
    });
    productId = (
      await admin.inject({ method: 'POST', url: '/api/products', payload: { name: 'Mix', ingredients: ['zinc'] } })
    ).json().id;
    lotId = (
      await admin.inject({
        method: 'POST',
        url: `/api/products/${productId}/lots`,
        payload: { lotNumber: 'L-1', expiryDate: daysFromToday(700) },
      })
    ).json().id;
    // A screened patient with nothing against treatment, so that valid bodies get past the treatment gate to the writes.
    await repos.intakes.create({
      patientId: fixture.patient.id,
      data: makeIntake({ request: { indication: 'hair_loss', area: 'scalp' } }),
      createdBy: null,
    });
    const course = await createSampleCourse(repos, fixture.patient.id);
    sessionId = (await repos.treatmentSessions.create({ courseId: course.id, scheduledAt: '2026-06-01T09:00:00.000Z' }))
      .id;
  });

  it('answers hostile bodies with 4xx (or success), never 5xx', async () => {
    const { fixture } = get();
    const point = { area: 'scalp', x: 0.5, y: 0.5, productId, lotId, volumeMl: 0.1, depthMm: 2, technique: 'manual' };
    const targets = [
      {
        url: `/api/sessions/${sessionId}/chart`,
        base: { anaesthesiaUsed: true, anaesthesiaAgent: 'lidocaine', notes: 'n', points: [point, point] },
      },
      {
        url: `/api/patients/${fixture.patient.id}/consents`,
        base: { consentTextId: textId, typedName: 'Paula', signatureImage },
      },
      { url: '/api/products', base: { name: 'P', manufacturer: 'M', ingredients: ['zinc', 'HA'] } },
      { url: `/api/products/${productId}/lots`, base: { lotNumber: 'X', expiryDate: daysFromToday(700) } },
      { url: '/api/consent-texts/mesotherapy/versions', base: { text: 'Another version.' } },
    ];
    await expectNoServerErrorForBodies(
      admin,
      targets.map((target) => ({ method: 'POST' as const, ...target })),
      hostile,
    );
  });

  it('answers hostile path parameters and user agents with 4xx (or success), never 5xx', async () => {
    const urls = [
      '/api/lots/$/recall',
      '/api/sessions/$/chart',
      '/api/consent-texts/$',
      '/api/consent-texts/$/versions',
      '/api/products/$',
      '/api/patients/$/consents',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...urls),
        fc.oneof(
          nastyText.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, ''))),
          fc.constantFrom(...brokenPathSegments),
        ),
        async (url, param) => {
          const response = await admin.inject({ method: 'GET', url: url.replace('$', param) });
          expect(response.statusCode, `${url} ${param} → ${response.body}`).toBeLessThan(500);
        },
      ),
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
