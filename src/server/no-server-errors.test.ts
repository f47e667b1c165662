import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { nastyPathSegment, nastyString, nastyValue } from '../test-support/hostile-values.js';
import { healthyIntake } from '../test-support/intake-examples.js';
import { forEachApp, type TestClient } from '../test-support/test-app.js';
import { expectNoServerErrorForBodies } from '../test-support/hostile-bodies.js';

const nastyText = nastyString();
const hostile = nastyValue();

forEachApp('no input produces a server error', (get) => {
  let admin: TestClient;
  let courseId: string;

  beforeAll(async () => {
    admin = await get().signIn('admin');
    const patientUrl = `/api/patients/${get().fixture.patient.id}`;
    const { assessment } = (
      await admin.inject({ method: 'POST', url: `${patientUrl}/intakes`, payload: healthyIntake('1990-04-12') })
    ).json();
    courseId = (
      await admin.inject({ method: 'POST', url: `${patientUrl}/courses`, payload: { assessmentId: assessment.id } })
    ).json().id;
  });

  const targets = () => {
    const { fixture } = get();
    return [
      { method: 'POST' as const, url: '/api/assessments', base: healthyIntake() },
      {
        method: 'POST' as const,
        url: `/api/patients/${fixture.patient.id}/intakes`,
        base: healthyIntake('1990-04-12'),
      },
      {
        method: 'POST' as const,
        url: '/api/patients',
        base: { firstName: 'A', lastName: 'B', birthDate: '1990-01-01', sex: 'female', phone: '1', email: 'a@b.test' },
      },
      {
        method: 'PATCH' as const,
        url: `/api/patients/${fixture.otherPatient.id}`,
        base: { firstName: 'A', phone: '1' },
      },
      {
        method: 'POST' as const,
        url: `/api/courses/${courseId}/sessions`,
        base: { scheduledAt: '2027-01-01T09:00:00Z', durationMinutes: 30, locationId: fixture.location.id },
      },
      {
        method: 'POST' as const,
        url: '/api/users',
        base: { email: 'fuzz@x.test', password: 'long enough password', displayName: 'F', role: 'reception' },
      },
      {
        method: 'POST' as const,
        url: `/api/clinics/${fixture.clinic.id}/locations`,
        base: { name: 'Room', address: 'Street' },
      },
    ];
  };

  it('answers hostile bodies with 4xx (or success), never 5xx', async () => {
    await expectNoServerErrorForBodies(admin, targets(), hostile);
  });

  it('answers hostile query strings and path ids with 4xx, never 5xx', async () => {
    const urls = ['/api/patients', '/api/sessions', '/api/audit', '/api/users'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...urls),
        fc.dictionary(
          fc.constantFrom('name', 'birthDate', 'phone', 'limit', 'offset', 'from', 'to', 'role', 'action', 'patientId'),
          nastyText,
          { maxKeys: 4 },
        ),
        async (url, query) => {
          const response = await admin.inject({ method: 'GET', url, query });
          expect(response.statusCode, `${url} ${JSON.stringify(query)} → ${response.body}`).toBeLessThan(500);
        },
      ),
      { numRuns: 80 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/api/patients/', '/api/courses/', '/api/sessions/', '/api/assessments/', '/api/users/'),
        nastyPathSegment(),
        async (prefix, id) => {
          const response = await admin.inject({ method: 'GET', url: prefix + id });
          expect(response.statusCode, `${prefix}${id} → ${response.body}`).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
  });
});
