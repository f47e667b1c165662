import { beforeAll, expect, it } from 'vitest';
import { exampleRequest, healthyIntake } from '../../../test-support/intake-examples.js';
import { forEachApp, type TestClient } from '../../../test-support/test-app.js';

forEachApp('course routes', (get) => {
  let practitioner: TestClient;
  const patientUrl = (path: string) => `/api/patients/${get().fixture.patient.id}${path}`;
  const saveIntake = async (payload: object) =>
    (await practitioner.inject({ method: 'POST', url: patientUrl('/intakes'), payload })).json();

  beforeAll(async () => {
    practitioner = await get().signIn('practitioner');
  });

  it("starts a course from the latest assessment's plan", async () => {
    const { assessment } = await saveIntake(healthyIntake('1990-04-12'));
    const created = await practitioner.inject({
      method: 'POST',
      url: patientUrl('/courses'),
      payload: { assessmentId: assessment.id },
    });
    expect(created.statusCode).toBe(201);
    const course = created.json();
    expect(course).toMatchObject({
      status: 'active',
      indication: 'hair_loss',
      area: 'scalp',
      assessmentId: assessment.id,
    });
    expect(course.plan).toEqual(assessment.result.plan);

    expect((await practitioner.inject({ method: 'GET', url: `/api/courses/${course.id}` })).json().id).toBe(course.id);
    expect(
      (await practitioner.inject({ method: 'GET', url: patientUrl('/courses') }))
        .json()
        .courses.map((c: { id: string }) => c.id),
    ).toContain(course.id);

    const done = await practitioner.inject({
      method: 'PATCH',
      url: `/api/courses/${course.id}`,
      payload: { status: 'completed' },
    });
    expect(done.json().status).toBe('completed');
    expect(
      (await practitioner.inject({ method: 'PATCH', url: `/api/courses/${course.id}`, payload: { status: 'paused' } }))
        .statusCode,
    ).toBe(400);
  });

  it('refuses contraindicated, outdated and foreign assessments', async () => {
    // The fixture patient's record fixes the birth date, so borrow another contraindication.
    const haemophilia = exampleRequest('haemophilia-hair-loss') as { patient: Record<string, unknown> };
    const contraindicated = await saveIntake({
      ...haemophilia,
      patient: { ...haemophilia.patient, birthDate: '1990-04-12' },
    });
    expect(contraindicated.assessment.verdict).toBe('contraindicated');
    const refused = await practitioner.inject({
      method: 'POST',
      url: patientUrl('/courses'),
      payload: { assessmentId: contraindicated.assessment.id },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toBe('not_treatable');

    const older = await saveIntake(healthyIntake('1990-04-12'));
    await saveIntake(healthyIntake('1990-04-12', '2026-12-24'));
    const outdated = await practitioner.inject({
      method: 'POST',
      url: patientUrl('/courses'),
      payload: { assessmentId: older.assessment.id },
    });
    expect(outdated.json().error).toBe('assessment_outdated');

    const otherUrl = `/api/patients/${get().fixture.otherPatient.id}/courses`;
    expect(
      (await practitioner.inject({ method: 'POST', url: otherUrl, payload: { assessmentId: older.assessment.id } }))
        .statusCode,
    ).toBe(404);
    expect((await practitioner.inject({ method: 'POST', url: patientUrl('/courses'), payload: {} })).statusCode).toBe(
      400,
    );
  });

  it('keeps courses from reception and other patients', async () => {
    const reception = await get().signIn('reception');
    expect((await reception.inject({ method: 'GET', url: patientUrl('/courses') })).statusCode).toBe(403);
    const patient = await get().signIn('patient');
    expect((await patient.inject({ method: 'GET', url: patientUrl('/courses') })).statusCode).toBe(200);
    expect(
      (await patient.inject({ method: 'GET', url: `/api/patients/${get().fixture.otherPatient.id}/courses` }))
        .statusCode,
    ).toBe(403);
    expect((await practitioner.inject({ method: 'GET', url: '/api/courses/unknown' })).statusCode).toBe(404);
  });
});
