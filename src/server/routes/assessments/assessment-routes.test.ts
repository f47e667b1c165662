import { expect, it } from 'vitest';
import { exampleRequest, healthyIntake } from '../../../test-support/intake-examples.js';
import { forEachApp } from '../../../test-support/test-app.js';

forEachApp('POST /api/assessments', (get) => {
  const post = async (payload: unknown, role: 'practitioner' | 'admin' | 'reception' | 'patient' = 'practitioner') =>
    (await get().signIn(role)).inject({ method: 'POST', url: '/api/assessments', payload: payload as object });

  it('answers the contract result for a healthy adult', async () => {
    const response = await post(exampleRequest('healthy-35-hair-loss'));
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({
      verdict: 'eligible',
      reasons: [],
      plan: { indication: 'hair_loss', area: 'scalp', sessions: { min: 4, max: 10 } },
    });
    expect(result.knowledgeBase.version).toBe(get().app.knowledgeBase.version);
  });

  it('defers after a recent NSAID, as the contract example says', async () => {
    const result = (await post(exampleRequest('ibuprofen-two-days-ago-face'), 'admin')).json();
    expect(result.verdict).toBe('defer');
    expect(result.reasons.map((r: { code: string }) => r.code)).toContain('NSAID_WITHIN_7_DAYS');
  });

  it('fails closed: an open screening question defers, and the response names it', async () => {
    const result = (await post(exampleRequest('pregnancy-unanswered'))).json();
    expect(result.verdict).toBe('defer');
    expect(result.reasons).toEqual([
      expect.objectContaining({
        code: 'SCREENING_INCOMPLETE',
        kind: 'temporary',
        questions: ['patient.pregnant', 'patient.breastfeeding'],
      }),
    ]);
    const document = (await get().app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(JSON.stringify(document)).toContain('"questions"');
  });

  it('accepts reviewed: true on a condition the knowledge base does not recognise, and refuses a reviewed that is not true or false', async () => {
    expect((await post(exampleRequest('unknown-condition-reviewed'))).json().verdict).toBe('eligible');
    const body = exampleRequest('unknown-condition-reviewed') as { patient: { conditions: Record<string, unknown>[] } };
    body.patient.conditions[0]!.reviewed = 'yes';
    const bad = await post(body);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().problems).toEqual([
      { field: 'patient.conditions[0].reviewed', message: 'must be true or false' },
    ]);
  });

  it('names every field problem with 400', async () => {
    const missing = await post({
      patient: {},
      request: { indication: 'hair_loss', area: 'scalp', date: '2026-11-22' },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({
      error: 'invalid_input',
      problems: [{ field: 'patient.birthDate', message: 'required' }],
    });

    const later = await post(healthyIntake('2030-01-01', '2026-11-22'));
    expect(later.json().problems).toEqual([{ field: 'patient.birthDate', message: 'must not be after request.date' }]);

    const unknown = await post({
      ...healthyIntake(),
      request: { indication: 'telepathy', area: 'scalp', date: '2026-11-22' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().problems[0].field).toBe('request.indication');

    const client = await get().signIn('practitioner');
    for (const body of ['null', '[]', '"text"', '42', '{"patient":[],"request":1}', '']) {
      const response = await client.inject({
        method: 'POST',
        url: '/api/assessments',
        headers: { 'content-type': 'application/json' },
        payload: body,
      });
      expect(response.statusCode, body).toBe(400);
      expect(response.json().error).toBe('invalid_input');
    }
  });

  it('is for practitioners and admins only', async () => {
    expect((await post(healthyIntake(), 'reception')).statusCode).toBe(403);
    expect((await post(healthyIntake(), 'patient')).statusCode).toBe(403);
    expect(
      (await get().app.inject({ method: 'POST', url: '/api/assessments', payload: healthyIntake() })).statusCode,
    ).toBe(401);
  });
});
