import { afterEach, expect, it, vi } from 'vitest';
import { exampleRequest } from '../../test-support/intake-examples.js';
import { forEachApp } from '../../test-support/test-app.js';

forEachApp('response schemas', (get) => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('leave out every field a view does not declare', async () => {
    const { app, fixture } = get();
    const reception = await get().signIn('reception');
    const findById = app.repos.patients.findById.bind(app.repos.patients);
    vi.spyOn(app.repos.patients, 'findById').mockImplementation(async (id) => {
      const patient = await findById(id);
      return patient && { ...patient, internalNote: 'never sent', passwordHash: 'never sent either' };
    });
    const response = await reception.inject({ method: 'GET', url: `/api/patients/${fixture.patient.id}` });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ id: fixture.patient.id, firstName: fixture.patient.firstName });
    expect(body).not.toHaveProperty('internalNote');
    expect(body).not.toHaveProperty('passwordHash');
    expect(response.body).not.toContain('never sent');
  });

  it("send the contract's documents whole: every field of the assessment result, extras included", async () => {
    const admin = await get().signIn('admin');
    const response = await admin.inject({
      method: 'POST',
      url: '/api/assessments',
      payload: exampleRequest('healthy-35-hair-loss'),
    });
    expect(response.statusCode).toBe(200);
    const result = response.json();
    // Fields the view does not name (it documents only a few of the plan's) are still sent.
    expect(result.plan).toMatchObject({
      sessions: { min: expect.any(Number), max: expect.any(Number) },
      mixture: expect.any(Object),
    });
    expect(result.plan.citations.length).toBeGreaterThan(0);
  });
});
