import { expect, it } from 'vitest';
import { healthyIntake } from '../../../test-support/intake-examples.js';
import { forEachApp } from '../../../test-support/test-app.js';

forEachApp('intake routes', (get) => {
  const url = () => `/api/patients/${get().fixture.patient.id}/intakes`;
  const intake = (overrides: { date?: string; indication?: string } = {}) => {
    const body = healthyIntake('1990-04-12', overrides.date);
    return { ...body, request: { ...body.request, indication: overrides.indication ?? 'hair_loss' } };
  };

  it('stores each intake as a new version with its assessment and knowledge-base version', async () => {
    const practitioner = await get().signIn('practitioner');
    const first = await practitioner.inject({ method: 'POST', url: url(), payload: intake() });
    expect(first.statusCode).toBe(201);
    const body = first.json();
    expect(body.intake).toMatchObject({
      version: 1,
      patientId: get().fixture.patient.id,
      createdBy: get().fixture.users.practitioner.id,
    });
    expect(body.intake.data.patient.sex).toBe('female');
    expect(body.assessment).toMatchObject({
      verdict: 'eligible',
      knowledgeBaseVersion: get().app.knowledgeBase.version,
      intakeId: body.intake.id,
    });
    expect(body.assessment.result.plan.sessions).toEqual({ min: 4, max: 10 });

    const second = await practitioner.inject({ method: 'POST', url: url(), payload: intake({ date: '2026-12-01' }) });
    expect(second.json().intake.version).toBe(2);

    const history = (await practitioner.inject({ method: 'GET', url: url() })).json().intakes;
    expect(history.map((i: { version: number }) => i.version)).toEqual([2, 1]);
    expect(history[1].assessment.id).toBe(body.assessment.id);

    const stored = await practitioner.inject({ method: 'GET', url: `/api/assessments/${body.assessment.id}` });
    expect(stored.statusCode).toBe(200);
    expect(stored.json().result.verdict).toBe('eligible');
  });

  it('refuses intakes that contradict the record or the knowledge base, storing nothing', async () => {
    const admin = await get().signIn('admin');
    const before = (await admin.inject({ method: 'GET', url: url() })).json().intakes.length;
    const wrongBirth = await admin.inject({ method: 'POST', url: url(), payload: healthyIntake('1990-04-13') });
    expect(wrongBirth.statusCode).toBe(400);
    expect(wrongBirth.json().problems[0].field).toBe('patient.birthDate');
    const unknown = await admin.inject({ method: 'POST', url: url(), payload: intake({ indication: 'telepathy' }) });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().problems[0].field).toBe('request.indication');
    const missing = await admin.inject({
      method: 'POST',
      url: url(),
      payload: { patient: { birthDate: '1990-04-12' } },
    });
    expect(missing.json().problems).toContainEqual({ field: 'request', message: 'required' });
    expect((await admin.inject({ method: 'GET', url: url() })).json().intakes.length).toBe(before);
  });

  it('keeps intakes from reception and lets patients read only their own', async () => {
    const reception = await get().signIn('reception');
    expect((await reception.inject({ method: 'GET', url: url() })).statusCode).toBe(403);
    expect((await reception.inject({ method: 'POST', url: url(), payload: intake() })).statusCode).toBe(403);

    const patient = await get().signIn('patient');
    expect((await patient.inject({ method: 'GET', url: url() })).statusCode).toBe(200);
    expect((await patient.inject({ method: 'POST', url: url(), payload: intake() })).statusCode).toBe(403);
    expect(
      (await patient.inject({ method: 'GET', url: `/api/patients/${get().fixture.otherPatient.id}/intakes` }))
        .statusCode,
    ).toBe(403);

    const practitioner = await get().signIn('practitioner');
    const saved = (await practitioner.inject({ method: 'POST', url: url(), payload: intake() })).json();
    expect((await reception.inject({ method: 'GET', url: `/api/assessments/${saved.assessment.id}` })).statusCode).toBe(
      403,
    );
    expect((await patient.inject({ method: 'GET', url: `/api/assessments/${saved.assessment.id}` })).statusCode).toBe(
      200,
    );
    expect((await practitioner.inject({ method: 'GET', url: '/api/assessments/nope' })).statusCode).toBe(404);
  });
});
