import { expect, it } from 'vitest';
import { forEachApp, type TestClient } from '../../../test-support/test-app.js';

forEachApp('clinic and location routes', (get) => {
  /** Asks to add a location to the fixture clinic. */
  const addLocation = (client: TestClient, payload: object) =>
    client.inject({ method: 'POST', url: `/api/clinics/${get().fixture.clinic.id}/locations`, payload });

  it("lets admins manage their own clinic's name and locations", async () => {
    const { fixture } = get();
    const admin = await get().signIn('admin');
    expect(
      (await admin.inject({ method: 'GET', url: '/api/clinics' })).json().clinics.map((c: { id: string }) => c.id),
    ).toEqual([fixture.clinic.id]);
    const renamed = await admin.inject({
      method: 'PATCH',
      url: `/api/clinics/${fixture.clinic.id}`,
      payload: { name: 'Renamed clinic' },
    });
    expect(renamed.json().name).toBe('Renamed clinic');
    expect((await admin.inject({ method: 'GET', url: `/api/clinics/${fixture.clinic.id}` })).json().name).toBe(
      'Renamed clinic',
    );

    const room = await addLocation(admin, { name: 'Room 2' });
    expect(room.statusCode).toBe(201);
    expect(room.json()).toMatchObject({ name: 'Room 2', address: null });
    const moved = await admin.inject({
      method: 'PATCH',
      url: `/api/locations/${room.json().id}`,
      payload: { address: 'Upstairs' },
    });
    expect(moved.json().address).toBe('Upstairs');

    const reception = await get().signIn('reception');
    const names = (await reception.inject({ method: 'GET', url: `/api/clinics/${fixture.clinic.id}/locations` }))
      .json()
      .locations.map((l: { name: string }) => l.name);
    expect(names).toEqual(['Main room', 'Room 2']);
    expect((await addLocation(reception, { name: 'X' })).statusCode).toBe(403);
    expect((await reception.inject({ method: 'GET', url: '/api/clinics' })).statusCode).toBe(403);
  });

  it('keeps time zones and rooms of locations', async () => {
    const admin = await get().signIn('admin');
    const created = await addLocation(admin, { name: 'Istanbul', timeZone: 'Europe/Istanbul' });
    expect(created.json().timeZone).toBe('Europe/Istanbul');
    expect(
      (
        await admin.inject({
          method: 'PATCH',
          url: `/api/locations/${created.json().id}`,
          payload: { timeZone: 'Mars/Olympus' },
        })
      ).json().problems,
    ).toEqual([{ field: 'timeZone', message: 'must be an IANA time zone such as Europe/Berlin' }]);
    const room = await admin.inject({
      method: 'POST',
      url: `/api/locations/${created.json().id}/rooms`,
      payload: { name: 'Room 1' },
    });
    expect(room.statusCode).toBe(201);
    const reception = await get().signIn('reception');
    expect(
      (await reception.inject({ method: 'GET', url: `/api/locations/${created.json().id}/rooms` }))
        .json()
        .rooms.map((r: { name: string }) => r.name),
    ).toEqual(['Room 1']);
    expect(
      (await reception.inject({ method: 'PATCH', url: `/api/rooms/${room.json().id}`, payload: { active: false } }))
        .statusCode,
    ).toBe(403);
    expect(
      (await admin.inject({ method: 'PATCH', url: `/api/rooms/${room.json().id}`, payload: { active: false } })).json()
        .active,
    ).toBe(false);
    expect(
      (await reception.inject({ method: 'GET', url: `/api/locations/${created.json().id}/rooms` })).json().rooms,
    ).toEqual([]);
    // Admins also see the rooms out of use, to bring them back; nobody else may ask.
    const all = `/api/locations/${created.json().id}/rooms?includeInactive=true`;
    expect((await admin.inject({ method: 'GET', url: all })).json().rooms).toMatchObject([
      { name: 'Room 1', active: false },
    ]);
    expect((await reception.inject({ method: 'GET', url: all })).statusCode).toBe(403);
    expect((await admin.inject({ method: 'GET', url: `${all.replace('true', 'yes')}` })).json().problems[0].field).toBe(
      'includeInactive',
    );
  });

  it('validates input and hides other clinics', async () => {
    const { fixture } = get();
    const admin = await get().signIn('admin');
    expect(
      (await admin.inject({ method: 'PATCH', url: `/api/clinics/${fixture.clinic.id}`, payload: { name: '' } })).json()
        .problems,
    ).toEqual([{ field: 'name', message: 'must not be empty' }]);
    expect(
      (await admin.inject({ method: 'PATCH', url: `/api/locations/${fixture.location.id}`, payload: {} })).statusCode,
    ).toBe(400);

    const outsider = await get().signInElsewhere();
    expect((await outsider.inject({ method: 'GET', url: `/api/clinics/${fixture.clinic.id}` })).statusCode).toBe(404);
    expect(
      (
        await outsider.inject({
          method: 'PATCH',
          url: `/api/locations/${fixture.location.id}`,
          payload: { name: 'Mine' },
        })
      ).statusCode,
    ).toBe(404);
    expect((await addLocation(outsider, { name: 'Mine' })).statusCode).toBe(404);
  });
});
