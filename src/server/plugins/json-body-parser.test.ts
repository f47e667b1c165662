import { expect, it } from 'vitest';
import { healthyIntake } from '../../test-support/intake-examples.js';
import { forEachApp } from '../../test-support/test-app.js';

forEachApp('JSON bodies', (get) => {
  it('refuses a body nested deeper than any the API takes, naming the field, and stores nothing', async () => {
    const admin = await get().signIn('admin');
    const url = `/api/patients/${get().fixture.patient.id}/intakes`;
    const before = (await admin.inject({ method: 'GET', url })).json();
    // Text nested 20,000 deep: parsed fine, but storing it (JSON.stringify) would overflow the stack.
    const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    const payload = JSON.stringify(healthyIntake('1990-04-12')).replace('"patient":{', `"patient":{"notes":${deep},`);
    for (const contentType of ['application/json', 'application/fhir+json']) {
      const response = await admin.inject({ method: 'POST', url, headers: { 'content-type': contentType }, payload });
      expect(response.statusCode, contentType).toBe(400);
      expect(response.json().problems, contentType).toEqual([
        { field: 'patient', message: 'must not nest deeper than 64 levels in all' },
      ]);
    }
    expect((await admin.inject({ method: 'GET', url })).json()).toEqual(before);
    // A body of ordinary depth still goes through.
    const ok = await admin.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(healthyIntake('1990-04-12')),
    });
    expect(ok.statusCode).toBe(201);
  });
});
