import { expect, it } from 'vitest';
import { forEachApp, testPassword } from '../../../test-support/test-app.js';

forEachApp('patient routes', (get) => {
  const newPatient = {
    firstName: 'Greta',
    lastName: 'Garbó',
    birthDate: '1975-09-18',
    sex: 'female',
    phone: '+46 8 555 12 34',
    email: 'greta@example.test',
  };

  it('registers, reads, changes and finds patients (reception included)', async () => {
    const reception = await get().signIn('reception');
    const created = await reception.inject({ method: 'POST', url: '/api/patients', payload: newPatient });
    expect(created.statusCode).toBe(201);
    const patient = created.json();
    expect(patient).toMatchObject({ ...newPatient, clinicId: get().fixture.clinic.id });

    expect((await reception.inject({ method: 'GET', url: `/api/patients/${patient.id}` })).json()).toEqual(patient);

    const changed = await reception.inject({
      method: 'PATCH',
      url: `/api/patients/${patient.id}`,
      payload: { phone: '', lastName: 'Garbo' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ phone: null, lastName: 'Garbo', firstName: 'Greta' });

    const search = async (query: string) =>
      (await reception.inject({ method: 'GET', url: `/api/patients?${query}` }))
        .json()
        .patients.map((p: { id: string }) => p.id);
    expect(await search('name=garb')).toEqual([patient.id]);
    expect(await search('name=GRETA%20gar&birthDate=1975-09-18')).toEqual([patient.id]);
    expect(await search('birthDate=1975-09-19')).not.toContain(patient.id);
    expect(await search(`phone=${encodeURIComponent('30 1234567')}`)).toEqual([get().fixture.patient.id]);
    expect((await search('limit=1')).length).toBe(1);
  });

  it('names every bad field with 400', async () => {
    const admin = await get().signIn('admin');
    const bad = await admin.inject({
      method: 'POST',
      url: '/api/patients',
      payload: { firstName: ' ', birthDate: '1975-02-30', sex: 'x', email: 'nope' },
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad
      .json()
      .problems.map((p: { field: string }) => p.field)
      .sort();
    expect(fields).toEqual(['birthDate', 'email', 'firstName', 'lastName', 'sex']);
    const future = await admin.inject({
      method: 'POST',
      url: '/api/patients',
      payload: { ...newPatient, birthDate: '2999-01-01' },
    });
    expect(future.json().problems).toEqual([{ field: 'birthDate', message: 'must not be in the future' }]);
    expect(
      (await admin.inject({ method: 'PATCH', url: `/api/patients/${get().fixture.patient.id}`, payload: {} }))
        .statusCode,
    ).toBe(400);
    expect((await admin.inject({ method: 'GET', url: '/api/patients?limit=0' })).json().problems[0].field).toBe(
      'limit',
    );
    // The search's birth date is held to the same range as a registered one.
    const tomorrow = new Date(get().app.now().getTime() + 86_400_000).toISOString().slice(0, 10);
    for (const [birthDate, message] of [
      ['1899-12-31', 'must be 1900-01-01 or later'],
      [tomorrow, 'must not be in the future'],
      ['9999-12-31', 'must not be in the future'],
    ]) {
      const search = await admin.inject({ method: 'GET', url: `/api/patients?birthDate=${birthDate}` });
      expect(search.statusCode, birthDate).toBe(400);
      expect(search.json().problems).toEqual([{ field: 'birthDate', message }]);
    }
    expect((await admin.inject({ method: 'GET', url: '/api/patients/not%20an%20id' })).statusCode).toBe(400);
  });

  it('lets a patient account see only its own record', async () => {
    const { fixture } = get();
    const patient = await get().signIn('patient');
    expect((await patient.inject({ method: 'GET', url: `/api/patients/${fixture.patient.id}` })).statusCode).toBe(200);
    expect((await patient.inject({ method: 'GET', url: `/api/patients/${fixture.otherPatient.id}` })).statusCode).toBe(
      403,
    );
    expect((await patient.inject({ method: 'GET', url: '/api/patients' })).statusCode).toBe(403);
    expect(
      (await patient.inject({ method: 'PATCH', url: `/api/patients/${fixture.patient.id}`, payload: { phone: '1' } }))
        .statusCode,
    ).toBe(403);
  });

  it("hides other clinics' patients", async () => {
    const other = await get().createOtherClinic();
    const outsider = await get().signInAs(other.users.admin.email, testPassword);
    expect(
      (await outsider.inject({ method: 'GET', url: `/api/patients/${get().fixture.patient.id}` })).statusCode,
    ).toBe(404);
    expect(
      (
        await outsider.inject({
          method: 'PATCH',
          url: `/api/patients/${get().fixture.patient.id}`,
          payload: { phone: '1' },
        })
      ).statusCode,
    ).toBe(404);
    const found = (await outsider.inject({ method: 'GET', url: '/api/patients?name=paula' })).json().patients;
    expect(found.map((p: { clinicId: string }) => p.clinicId)).toEqual([other.clinic.id]);
  });

  it('deletes a patient only while nothing refers to them, and only as admin', async () => {
    const admin = await get().signIn('admin');
    const reception = await get().signIn('reception');
    const created = (
      await admin.inject({ method: 'POST', url: '/api/patients', payload: { ...newPatient, email: null } })
    ).json();
    expect((await reception.inject({ method: 'DELETE', url: `/api/patients/${created.id}` })).statusCode).toBe(403);
    expect((await admin.inject({ method: 'DELETE', url: `/api/patients/${created.id}` })).statusCode).toBe(204);
    expect((await admin.inject({ method: 'GET', url: `/api/patients/${created.id}` })).statusCode).toBe(404);
    // The fixture patient has an account, which refers to them.
    const refused = await admin.inject({ method: 'DELETE', url: `/api/patients/${get().fixture.patient.id}` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toBe('has_records');
  });
});
