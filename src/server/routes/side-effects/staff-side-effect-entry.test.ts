import { beforeAll, expect, it } from 'vitest';
import { forEachApp, signInRoles, type TestClient } from '../../../test-support/test-app.js';
import { courseWithSessions } from './test-support/test-course.js';

/**
 * Staff record what a patient reports by phone or at the desk through the same service as the
 * portal's report: the same symptoms get the very same triage, and the report keeps who recorded it
 * and how it came in.
 */
forEachApp('staff side-effect entry', (get) => {
  let clients: Record<'practitioner' | 'reception' | 'patient' | 'admin', TestClient>;
  /** A session of the fixture patient three weeks ago. */
  let session: string;
  const lateLump = { symptoms: ['lump_nodule'], onsetDays: 18, severity: 'moderate', ongoing: true };

  beforeAll(async () => {
    const test = get();
    clients = await signInRoles(test, ['practitioner', 'reception', 'patient', 'admin']);
    [session = ''] = (await courseWithSessions(test, clients.practitioner, test.fixture.patient, [21 * 24])).sessionIds;
  });

  const report = (client: TestClient, payload: object) =>
    client.inject({ method: 'POST', url: `/api/sessions/${session}/side-effects`, payload });

  it('triages a late lump taken by phone or in person exactly as the portal does, urgent', async () => {
    const { fixture } = get();
    const portal = await report(clients.patient, lateLump);
    const phone = await report(clients.reception, { ...lateLump, reportedVia: 'phone' });
    const visit = await report(clients.practitioner, { ...lateLump, reportedVia: 'in_person' });
    for (const response of [portal, phone, visit]) expect(response.statusCode, response.body).toBe(201);

    const triage = portal.json().triage;
    expect(triage.level).toBe('urgent');
    expect(triage.findings.length).toBeGreaterThan(0);
    expect(triage.findings.every((f: { advice: string }) => f.advice.length > 0)).toBe(true);
    expect(phone.json().triage).toEqual(triage);
    expect(visit.json().triage).toEqual(triage);

    expect(portal.json()).toMatchObject({
      reportedBy: 'patient',
      reportedVia: 'portal',
      reporterUserId: fixture.users.patient.id,
      reporterName: fixture.users.patient.displayName,
    });
    expect(phone.json()).toMatchObject({
      reportedBy: 'staff',
      reportedVia: 'phone',
      reporterUserId: fixture.users.reception.id,
      reporterName: fixture.users.reception.displayName,
    });
    expect(visit.json()).toMatchObject({
      reportedVia: 'in_person',
      reporterName: fixture.users.practitioner.displayName,
    });

    // Stored as answered; the clinician's list shows each with who recorded it and how it came in.
    expect(await get().repos.sideEffects.findReport(phone.json().id)).toMatchObject({
      reportedBy: 'staff',
      reportedVia: 'phone',
      reporterUserId: fixture.users.reception.id,
    });
    const listed = (
      await clients.practitioner.inject({ method: 'GET', url: `/api/sessions/${session}/side-effects` })
    ).json().reports as { id: string; reportedVia: string; reporterName: string }[];
    expect(listed.map((r) => [r.id, r.reportedVia, r.reporterName])).toEqual([
      [visit.json().id, 'in_person', fixture.users.practitioner.displayName],
      [phone.json().id, 'phone', fixture.users.reception.displayName],
      [portal.json().id, 'portal', fixture.users.patient.displayName],
    ]);
    const urgent = (await clients.admin.inject({ method: 'GET', url: '/api/side-effects?level=urgent' })).json()
      .reports as { id: string; reportedVia: string }[];
    expect(urgent.find((r) => r.id === phone.json().id)?.reportedVia).toBe('phone');

    // Recording is audited as the user who did it.
    const [entry] = (
      await clients.admin.inject({
        method: 'GET',
        url: `/api/audit?userId=${fixture.users.reception.id}&entity=side_effect_report&action=create`,
      })
    ).json().entries;
    expect(entry).toMatchObject({ role: 'reception', entityId: phone.json().id, patientId: fixture.patient.id });
  });

  it('refuses a channel that does not fit who reports, naming the field and storing nothing', async () => {
    const before = (await get().repos.sideEffects.listBySession(session)).length;
    const refusals: [TestClient, string][] = [
      [clients.patient, 'phone'],
      [clients.reception, 'portal'],
      [clients.practitioner, 'fax'],
    ];
    for (const [client, reportedVia] of refusals) {
      const response = await report(client, { ...lateLump, reportedVia });
      expect(response.statusCode).toBe(400);
      expect(response.json().problems.map((p: { field: string }) => p.field)).toEqual(['reportedVia']);
    }
    expect(await get().repos.sideEffects.listBySession(session)).toHaveLength(before);
  });
});
