import { expect, it } from 'vitest';
import type { PatientRecord, UserRecord } from '../../../core/records/index.js';
import { forEachApp, testPassword, type TestClient } from '../../../test-support/test-app.js';

forEachApp('the language a user reads in', (get) => {
  let made = 0;
  /** A new account (made by the admin), signed in: `patientId` makes it a patient's portal account. */
  async function newAccount(role: string, patientId?: string) {
    const admin = await get().signIn('admin');
    const email = `reader-${++made}-${get().engine}@language.test`;
    const created = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: {
        email,
        password: testPassword,
        displayName: `Reader ${made}`,
        role,
        ...(patientId ? { patientId } : {}),
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    return { admin, client: await get().signInAs(email, testPassword), email };
  }
  const setLanguage = (client: TestClient, preferredLanguage: unknown) =>
    client.inject({ method: 'PATCH', url: '/api/auth/me', payload: { preferredLanguage } });
  const me = async (client: TestClient) =>
    ((await client.inject({ method: 'GET', url: '/api/auth/me' })).json() as { user: UserRecord }).user;

  it('keeps a staff member’s language on their account, and signs them in with it', async () => {
    const { client, email } = await newAccount('practitioner');
    expect((await me(client)).preferredLanguage).toBe('en');

    const saved = await setLanguage(client, 'tr');
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().user).toMatchObject({ email, preferredLanguage: 'tr' });
    expect((await me(client)).preferredLanguage).toBe('tr');
    const login = await get().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: testPassword },
    });
    expect(login.json().user.preferredLanguage).toBe('tr');
    const probe = await client.inject({ method: 'GET', url: '/api/auth/session' });
    expect(probe.json().user.preferredLanguage).toBe('tr');
    expect((await get().repos.users.findByEmail(email))?.preferredLanguage).toBe('tr');
  });

  it('refuses a language the knowledge base does not have, naming the field and the languages it has', async () => {
    const { client } = await newAccount('reception');
    for (const wrong of ['de', 'TR', '', 42, null]) {
      const refused = await setLanguage(client, wrong);
      expect(refused.statusCode, JSON.stringify(wrong)).toBe(400);
      expect(refused.json().problems[0].field).toBe('preferredLanguage');
    }
    expect((await setLanguage(client, 'de')).json().problems[0].message).toBe('must be one of: en, tr');
    const missing = await client.inject({ method: 'PATCH', url: '/api/auth/me', payload: {} });
    expect(missing.json().problems).toEqual([{ field: 'preferredLanguage', message: 'required' }]);
    expect((await me(client)).preferredLanguage).toBe('en');
  });

  it('sets a patient’s language on their patient record, kept in its history, and reads them in it', async () => {
    const { repos, fixture } = get();
    const patient = await repos.patients.create({
      clinicId: fixture.clinic.id,
      firstName: 'Ayşe',
      lastName: 'Yılmaz',
      birthDate: '1988-06-02',
      sex: 'female',
    });
    const { admin, client } = await newAccount('patient', patient.id);
    expect((await me(client)).preferredLanguage).toBe('en');

    const saved = await setLanguage(client, 'tr');
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().user.preferredLanguage).toBe('tr');
    const record = (await admin.inject({ method: 'GET', url: `/api/patients/${patient.id}` })).json() as PatientRecord;
    expect(record.preferredLanguage).toBe('tr');
    const history = (await admin.inject({ method: 'GET', url: `/api/patients/${patient.id}/history` })).json();
    expect(history.changes).toContainEqual(
      expect.objectContaining({ field: 'preferredLanguage', oldValue: 'en', newValue: 'tr' }),
    );

    // The clinic changes it on the record: the patient reads in the record's language from then on.
    const changed = await admin.inject({
      method: 'PATCH',
      url: `/api/patients/${patient.id}`,
      payload: { preferredLanguage: 'en' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await me(client)).preferredLanguage).toBe('en');
  });

  it('lists the staff by name in the reader’s order', async () => {
    const admin = await get().signIn('admin');
    for (const [n, displayName] of ['Irmak Işık', 'İlker İnce'].entries()) {
      const created = await admin.inject({
        method: 'POST',
        url: '/api/users',
        payload: {
          email: `order-${n}-${get().engine}@order.test`,
          password: testPassword,
          displayName,
          role: 'practitioner',
        },
      });
      expect(created.statusCode, created.body).toBe(201);
    }
    const order = async (client: TestClient) => {
      const { staff } = (await client.inject({ method: 'GET', url: '/api/staff' })).json() as {
        staff: { displayName: string }[];
      };
      return staff.map((s) => s.displayName).filter((n) => n === 'Irmak Işık' || n === 'İlker İnce');
    };
    const { client } = await newAccount('reception');
    expect(await order(client)).toEqual(['İlker İnce', 'Irmak Işık']);
    await setLanguage(client, 'tr');
    expect(await order(client)).toEqual(['Irmak Işık', 'İlker İnce']);
  });
});
