import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { healthyIntake } from '../test-support/intake-examples.js';
import { forEachApp, type TestClient } from '../test-support/test-app.js';

/** Strings that have broken servers before: NUL (PostgreSQL refuses it), lone surrogates, huge text. */
const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', "'; drop table patients; --", '%_\\', '9'.repeat(400), '1e400', '__proto__', 'constructor'),
);
const nastyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    nastyString,
    fc.integer(),
    fc.double(),
    fc.constantFrom(2 ** 53, -(2 ** 63), 1e308, 0, -1),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(nastyString, tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** Every byte percent-encoded, so even lone surrogates and NUL reach the router. */
function percentEncoded(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
}

/** A valid body with one field (possibly nested) replaced by something hostile. */
function mutated(base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const paths = (value: unknown, prefix: string[] = []): string[][] =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])])
      : [];
  return fc.tuple(fc.constantFrom(...paths(base)), nastyValue).map(([path, value]) => {
    const copy = structuredClone(base);
    let target: Record<string, unknown> = copy;
    for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
    target[path[path.length - 1] ?? ''] = value;
    return copy;
  });
}

forEachApp('no input produces a server error', (get) => {
  let admin: TestClient;
  let courseId: string;

  beforeAll(async () => {
    admin = await get().signIn('admin');
    const patientUrl = `/api/patients/${get().fixture.patient.id}`;
    const { assessment } = (await admin.inject({ method: 'POST', url: `${patientUrl}/intakes`, payload: healthyIntake('1990-04-12') })).json();
    courseId = (await admin.inject({ method: 'POST', url: `${patientUrl}/courses`, payload: { assessmentId: assessment.id } })).json().id;
  });

  const targets = () => {
    const { fixture } = get();
    return [
      { method: 'POST' as const, url: '/api/assessments', base: healthyIntake() },
      { method: 'POST' as const, url: `/api/patients/${fixture.patient.id}/intakes`, base: healthyIntake('1990-04-12') },
      { method: 'POST' as const, url: '/api/patients', base: { firstName: 'A', lastName: 'B', birthDate: '1990-01-01', sex: 'female', phone: '1', email: 'a@b.test' } },
      { method: 'PATCH' as const, url: `/api/patients/${fixture.otherPatient.id}`, base: { firstName: 'A', phone: '1' } },
      { method: 'POST' as const, url: `/api/courses/${courseId}/sessions`, base: { scheduledAt: '2027-01-01T09:00:00Z', durationMinutes: 30, locationId: fixture.location.id } },
      { method: 'POST' as const, url: '/api/users', base: { email: 'fuzz@x.test', password: 'long enough password', displayName: 'F', role: 'reception' } },
      { method: 'POST' as const, url: `/api/clinics/${fixture.clinic.id}/locations`, base: { name: 'Room', address: 'Street' } },
    ];
  };

  it('answers hostile bodies with 4xx (or success), never 5xx', async () => {
    for (const target of targets()) {
      await fc.assert(
        fc.asyncProperty(fc.oneof(mutated(target.base), nastyValue), async (body) => {
          const response = await admin.inject({ method: target.method, url: target.url, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) ?? 'null' });
          expect(response.statusCode, `${target.method} ${target.url} ${JSON.stringify(body)} → ${response.body}`).toBeLessThan(500);
        }),
        { numRuns: 40 },
      );
    }
  });

  it('answers hostile query strings and path ids with 4xx, never 5xx', async () => {
    const urls = ['/api/patients', '/api/sessions', '/api/audit', '/api/users'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...urls), fc.dictionary(fc.constantFrom('name', 'birthDate', 'phone', 'limit', 'offset', 'from', 'to', 'role', 'action', 'patientId'), nastyString, { maxKeys: 4 }), async (url, query) => {
        const response = await admin.inject({ method: 'GET', url, query });
        expect(response.statusCode, `${url} ${JSON.stringify(query)} → ${response.body}`).toBeLessThan(500);
      }),
      { numRuns: 80 },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/api/patients/', '/api/courses/', '/api/sessions/', '/api/assessments/', '/api/users/'), fc.oneof(nastyString.map(percentEncoded), fc.constantFrom('%FF', '%00', '%', '%E0%A4%A')), async (prefix, id) => {
        const response = await admin.inject({ method: 'GET', url: prefix + id });
        expect(response.statusCode, `${prefix}${id} → ${response.body}`).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });
});
