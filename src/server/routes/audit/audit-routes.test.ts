import { expect, it } from 'vitest';
import { healthyIntake } from '../../../test-support/intake-examples.js';
import { forEachApp } from '../../../test-support/test-app.js';

interface Entry {
  userId: string;
  role: string;
  action: string;
  entity: string;
  entityId: string;
  patientId: string;
  route: string;
  records: { entityId: string | null; patientId: string | null }[];
}

forEachApp('audit log', (get) => {
  it('records every read and write of patient data, readable by admins', async () => {
    const { fixture } = get();
    const practitioner = await get().signIn('practitioner');
    const admin = await get().signIn('admin');
    const entriesFor = async (patientId: string): Promise<Entry[]> =>
      (await admin.inject({ method: 'GET', url: `/api/audit?patientId=${patientId}&limit=200` })).json().entries;

    const created = (
      await practitioner.inject({
        method: 'POST',
        url: '/api/patients',
        payload: { firstName: 'Audi', lastName: 'Ted', birthDate: '1990-04-12' },
      })
    ).json();
    await practitioner.inject({ method: 'GET', url: `/api/patients/${created.id}` });
    await practitioner.inject({ method: 'PATCH', url: `/api/patients/${created.id}`, payload: { phone: '123' } });
    await practitioner.inject({ method: 'GET', url: '/api/patients?name=audi' });
    const saved = (
      await practitioner.inject({
        method: 'POST',
        url: `/api/patients/${created.id}/intakes`,
        payload: healthyIntake('1990-04-12'),
      })
    ).json();

    const trail = (await entriesFor(created.id)).reverse();
    expect(trail.map((e) => `${e.action} ${e.entity}`)).toEqual([
      'create patient',
      'read patient',
      'update patient',
      'read patient',
      'create intake',
      'create assessment',
    ]);
    expect(trail[0]).toMatchObject({
      userId: fixture.users.practitioner.id,
      role: 'practitioner',
      entityId: created.id,
      route: 'POST /api/patients',
    });
    expect(trail[2]?.route).toBe('PATCH /api/patients/:id');
    expect(trail[5]?.entityId).toBe(saved.assessment.id);

    const patient = await get().signIn('patient');
    await patient.inject({ method: 'GET', url: `/api/patients/${fixture.patient.id}` });
    const own = await entriesFor(fixture.patient.id);
    expect(own[0]).toMatchObject({
      userId: fixture.users.patient.id,
      role: 'patient',
      action: 'read',
      entity: 'patient',
    });
  });

  it('keeps a page of results as one entry naming every record, shown per patient as theirs alone', async () => {
    const { fixture } = get();
    const practitioner = await get().signIn('practitioner');
    const admin = await get().signIn('admin');
    const names = ['Lista', 'Listb', 'Listc'];
    const ids: string[] = [];
    for (const lastName of names)
      ids.push(
        (
          await practitioner.inject({
            method: 'POST',
            url: '/api/patients',
            payload: { firstName: 'Page', lastName, birthDate: '1980-01-01' },
          })
        ).json().id,
      );
    const found = (await practitioner.inject({ method: 'GET', url: '/api/patients?name=page%20list' }))
      .json()
      .patients.map((p: { id: string }) => p.id);
    expect(found).toEqual(ids);

    const [search] = (
      await admin.inject({
        method: 'GET',
        url: `/api/audit?userId=${fixture.users.practitioner.id}&action=read&limit=1`,
      })
    ).json().entries as Entry[];
    expect(search).toMatchObject({
      entity: 'patient',
      route: 'GET /api/patients',
      entityId: null,
      patientId: null,
      records: ids.map((id) => ({ entityId: id, patientId: id })),
    });
    const second = (await admin.inject({ method: 'GET', url: `/api/audit?patientId=${ids[1]}&action=read` })).json()
      .entries as Entry[];
    expect(second.map((e) => e.records)).toEqual([[{ entityId: ids[1], patientId: ids[1] }]]);
    expect(second[0]).toMatchObject({ entityId: ids[1], patientId: ids[1], route: 'GET /api/patients' });
  });

  it('records a refused request as refused, and nothing for failed ones', async () => {
    const { fixture } = get();
    const admin = await get().signIn('admin');
    const entries = async (): Promise<(Entry & { reason?: string })[]> =>
      (await admin.inject({ method: 'GET', url: `/api/audit?patientId=${fixture.otherPatient.id}` })).json().entries;
    const before = (await entries()).length;
    const patient = await get().signIn('patient');
    await patient.inject({ method: 'GET', url: `/api/patients/${fixture.otherPatient.id}` });
    const [refused, ...rest] = await entries();
    expect(rest.length).toBe(before);
    // Never a read: the entry says the patient was refused another patient's record.
    expect(refused).toMatchObject({ action: 'read', entity: 'patient', reason: 'not_their_record' });
    await admin.inject({
      method: 'PATCH',
      url: `/api/patients/${fixture.otherPatient.id}`,
      payload: { birthDate: 'soon' },
    });
    await admin.inject({
      method: 'POST',
      url: `/api/patients/${fixture.otherPatient.id}/intakes`,
      payload: {
        ...healthyIntake('1985-01-30'),
        request: { indication: 'telepathy', area: 'scalp', date: '2026-11-22' },
      },
    });
    expect((await entries()).length).toBe(before + 1);
  });

  it('filters by user, action and entity, and is for admins only', async () => {
    const { fixture } = get();
    const admin = await get().signIn('admin');
    const reads = (
      await admin.inject({
        method: 'GET',
        url: `/api/audit?userId=${fixture.users.practitioner.id}&action=read&entity=patient`,
      })
    ).json().entries;
    expect(reads.length).toBeGreaterThan(0);
    expect(
      reads.every(
        (e: Entry) => e.action === 'read' && e.entity === 'patient' && e.userId === fixture.users.practitioner.id,
      ),
    ).toBe(true);
    expect((await admin.inject({ method: 'GET', url: '/api/audit?action=erase' })).statusCode).toBe(400);
    expect((await (await get().signIn('practitioner')).inject({ method: 'GET', url: '/api/audit' })).statusCode).toBe(
      403,
    );
  });
});
