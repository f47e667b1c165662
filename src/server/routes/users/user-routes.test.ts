import { expect, it } from 'vitest';
import { forEachApp } from '../../../test-support/test-app.js';

forEachApp('user routes', (get) => {
  const newUser = (email: string, role: string, extra: object = {}) => ({
    email,
    password: 'a long enough password',
    displayName: 'New Person',
    role,
    ...extra,
  });

  it('lets admins create staff who can then sign in', async () => {
    const admin = await get().signIn('admin');
    const created = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: newUser(`Nurse-${get().engine}@Clinic.test`, 'practitioner'),
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      email: `nurse-${get().engine}@clinic.test`,
      role: 'practitioner',
      active: true,
      clinicId: get().fixture.clinic.id,
    });
    expect(created.json()).not.toHaveProperty('passwordHash');
    const nurse = await get().signInAs(`nurse-${get().engine}@clinic.test`, 'a long enough password');
    expect(nurse.user.role).toBe('practitioner');

    const taken = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: newUser(`NURSE-${get().engine}@clinic.test`, 'reception'),
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toBe('email_taken');

    const listed = (await admin.inject({ method: 'GET', url: '/api/users?role=practitioner' }))
      .json()
      .users.map((u: { email: string }) => u.email);
    expect(listed).toContain(`nurse-${get().engine}@clinic.test`);
    const staff = (await (await get().signIn('reception')).inject({ method: 'GET', url: '/api/staff' })).json().staff;
    expect(staff.every((s: { role: string }) => s.role !== 'patient')).toBe(true);
    expect(Object.keys(staff[0]).sort()).toEqual(['displayName', 'id', 'role']);
  });

  it('links patient accounts to a patient of the clinic', async () => {
    const admin = await get().signIn('admin');
    const { otherPatient } = get().fixture;
    const missing = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: newUser(`p1-${get().engine}@x.test`, 'patient'),
    });
    expect(missing.json().problems).toEqual([{ field: 'patientId', message: 'required for a patient account' }]);
    const staffWithPatient = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: newUser(`p2-${get().engine}@x.test`, 'reception', { patientId: otherPatient.id }),
    });
    expect(staffWithPatient.statusCode).toBe(400);
    const linked = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: newUser(`p3-${get().engine}@x.test`, 'patient', { patientId: otherPatient.id }),
    });
    expect(linked.json()).toMatchObject({ role: 'patient', patientId: otherPatient.id });
    const bad = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { email: 'not-an-email', password: 'short', role: 'boss' },
    });
    expect(
      bad
        .json()
        .problems.map((p: { field: string }) => p.field)
        .sort(),
    ).toEqual(['displayName', 'email', 'password', 'role']);
  });

  it('deactivates users and resets passwords, ending their sessions', async () => {
    const admin = await get().signIn('admin');
    const user = (
      await admin.inject({
        method: 'POST',
        url: '/api/users',
        payload: newUser(`temp-${get().engine}@x.test`, 'reception'),
      })
    ).json();
    const session = await get().signInAs(user.email, 'a long enough password');
    const off = await admin.inject({ method: 'PATCH', url: `/api/users/${user.id}`, payload: { active: false } });
    expect(off.json().active).toBe(false);
    expect((await session.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    await admin.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      payload: { active: true, password: 'another long password' },
    });
    const again = await get().signInAs(user.email, 'another long password');
    expect(again.user.id).toBe(user.id);
  });

  it('refuses weak passwords when creating users and resetting passwords, with the estimator’s hint', async () => {
    const admin = await get().signIn('admin');
    const email = `weak-${get().engine}@x.test`;
    for (const weak of ['aaaaaaaaaa', '1234567890', ' '.repeat(10), email]) {
      for (const role of ['reception', 'patient']) {
        const extra = role === 'patient' ? { patientId: get().fixture.otherPatient.id } : {};
        const refused = await admin.inject({
          method: 'POST',
          url: '/api/users',
          payload: { ...newUser(email, role, extra), password: weak },
        });
        expect(refused.statusCode, `${role} ${JSON.stringify(weak)}`).toBe(400);
        expect(refused.json().problems).toEqual([
          { field: 'password', message: expect.stringMatching(/^is too easy to guess: \S/) },
        ]);
      }
    }
    expect(
      (await admin.inject({ method: 'GET', url: '/api/users' })).json().users.map((u: { email: string }) => u.email),
    ).not.toContain(email);

    const { reception } = get().fixture.users;
    const reset = await admin.inject({
      method: 'PATCH',
      url: `/api/users/${reception.id}`,
      payload: { password: '1234567890' },
    });
    expect(reset.statusCode).toBe(400);
    expect(reset.json().problems[0]).toMatchObject({
      field: 'password',
      message: expect.stringMatching(/frequently used/),
    });
    // Refused before anything changed: the reception's session goes on.
    expect((await (await get().signIn('reception')).inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(
      200,
    );
  });

  it('keeps admins from locking themselves out and non-admins out of user management', async () => {
    const { users } = get().fixture;
    const admin = await get().signIn('admin');
    expect(
      (await admin.inject({ method: 'PATCH', url: `/api/users/${users.admin.id}`, payload: { active: false } })).json()
        .error,
    ).toBe('self_lockout');
    expect(
      (
        await admin.inject({ method: 'PATCH', url: `/api/users/${users.patient.id}`, payload: { role: 'admin' } })
      ).json().error,
    ).toBe('role_change');
    expect((await admin.inject({ method: 'GET', url: `/api/users/${users.reception.id}` })).json().displayName).toBe(
      'Rita Reception',
    );
    const practitioner = await get().signIn('practitioner');
    expect((await practitioner.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(403);
    expect(
      (await practitioner.inject({ method: 'POST', url: '/api/users', payload: newUser('x@x.test', 'admin') }))
        .statusCode,
    ).toBe(403);
  });
});
