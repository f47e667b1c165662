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
  it('refuses text that is not well-formed Unicode on any JSON route, naming the field, and stores nothing', async () => {
    const reception = await get().signIn('reception');
    const practitioner = await get().signIn('practitioner');
    const patient = { firstName: 'Ayşe', lastName: 'Yılmaz 😊', birthDate: '1980-03-04', sex: 'female' };
    const problems = [{ field: 'firstName', message: 'must be well-formed Unicode text (it holds a lone surrogate)' }];
    const listed = async () =>
      (await reception.inject({ method: 'GET', url: '/api/patients?limit=200' })).json().patients.length;
    const before = await listed();

    // A lone high surrogate, then a lone low one: valid JSON, but no character.
    const lone = await reception.inject({
      method: 'POST',
      url: '/api/patients',
      payload: { ...patient, firstName: '\ud800x' },
    });
    expect(lone.statusCode).toBe(400);
    expect(lone.json().problems).toEqual(problems);
    // The escape written by hand, as a client might send it.
    const raw = await reception.inject({
      method: 'POST',
      url: '/api/patients',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(patient).replace('"Ayşe"', '"Ay\\udc00e"'),
    });
    expect(raw.statusCode).toBe(400);
    expect(raw.json().problems).toEqual(problems);
    expect(await listed()).toBe(before);

    // Well-formed text, a surrogate pair (the emoji) included, is stored and answered as sent on both engines.
    const created = await reception.inject({ method: 'POST', url: '/api/patients', payload: patient });
    expect(created.statusCode).toBe(201);
    const url = `/api/patients/${created.json().id}`;
    const patch = await reception.inject({ method: 'PATCH', url, payload: { lastName: 'Yılmaz \udfff' } });
    expect(patch.json().problems).toEqual([
      { field: 'lastName', message: 'must be well-formed Unicode text (it holds a lone surrogate)' },
    ]);
    expect((await reception.inject({ method: 'GET', url })).json()).toMatchObject(patient);

    // Nested fields are named by their path, also in FHIR's JSON.
    const bundle = {
      resourceType: 'Bundle',
      entry: [{ resource: { resourceType: 'Patient', id: 'p1', birthDate: '1990-04-12', gender: 'fe\ud83dmale' } }],
    };
    const fhir = await practitioner.inject({
      method: 'POST',
      url: '/api/fhir/import',
      headers: { 'content-type': 'application/fhir+json' },
      payload: JSON.stringify(bundle),
    });
    expect(fhir.statusCode).toBe(400);
    expect(fhir.json().problems).toEqual([
      { field: 'entry[0].resource.gender', message: 'must be well-formed Unicode text (it holds a lone surrogate)' },
    ]);
    expect(await listed()).toBe(before + 1);
  });
});
