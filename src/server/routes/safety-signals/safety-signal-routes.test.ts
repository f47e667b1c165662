import { beforeAll, describe, expect, it } from 'vitest';
import type { LotRecord, PatientRecord, TreatmentSessionRecord, UserRecord } from '../../../core/records/index.js';
import { auditedRecords, clinicAudit } from '../../../test-support/audited-records.js';
import { forEachApp, signInRoles, testPassword, type TestClient } from '../../../test-support/test-app.js';
import { defaultMessagingSettings } from '../../../services/messaging/messaging-settings.js';
import { runSafetySignalDetection } from '../../../services/safety-signals/run-detection.js';
import type { SignalView } from './safety-signal-schemas.js';
import { chartedSession, productWithLots } from './test-support/charted-sessions.js';

/** A lump `onsetDays` after the session: the triage calls it urgent (nodule_or_abscess), the infection pattern. */
const lateLump = (onsetDays: number) => ({ symptoms: ['lump_nodule'], onsetDays, severity: 'moderate', ongoing: true });
const bruise = { symptoms: ['bruising'], onsetDays: 0, severity: 'mild', ongoing: true };

forEachApp('safety signals', (get) => {
  let admin: TestClient;
  let practitioner: TestClient;
  let reception: TestClient;
  let patient: TestClient;
  let secondAdmin: UserRecord;
  let zara: PatientRecord;
  let lotA: LotRecord;
  let lotB: LotRecord;
  const sessions: Record<'paula' | 'otto' | 'zara' | 'zaraB', TreatmentSessionRecord> = {} as never;

  const report = (client: TestClient, session: TreatmentSessionRecord, body: object) =>
    client.inject({ method: 'POST', url: `/api/sessions/${session.id}/side-effects`, payload: body });
  const list = async (client: TestClient, query = '') => {
    const response = await client.inject({ method: 'GET', url: `/api/safety-signals${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { signals: SignalView[]; counts: Record<string, number> };
  };
  const signalMessages = (clinicId: string) =>
    get()
      .db.selectFrom('outbox_messages')
      .selectAll()
      .where('clinic_id', '=', clinicId)
      .where('kind', '=', 'safety_signal')
      .orderBy('recipient')
      .execute();

  beforeAll(async () => {
    const { repos, fixture } = get();
    ({ admin, practitioner, reception, patient } = await signInRoles(get(), [
      'admin',
      'practitioner',
      'reception',
      'patient',
    ]));
    const adminUser = (email: string) =>
      repos.users.create({ clinicId: fixture.clinic.id, email, displayName: email, passwordHash: 'x', role: 'admin' });
    secondAdmin = await adminUser(`second-admin-${get().engine}-${fixture.clinic.id}@example.test`);
    // An admin who left: no message for them.
    const former = await adminUser(`former-admin-${get().engine}-${fixture.clinic.id}@example.test`);
    await repos.users.update(former.id, { active: false });

    zara = await repos.patients.create({
      clinicId: fixture.clinic.id,
      firstName: 'Zara',
      lastName: 'Zed',
      birthDate: '1980-06-15',
      sex: 'female',
      phone: '+49 30 5550001',
      email: null,
    });
    const { lots } = await productWithLots(repos, fixture.clinic.id, 'Hair cocktail', ['A-100', 'B-200']);
    [lotA, lotB] = lots as [LotRecord, LotRecord];
    const practitionerId = fixture.users.practitioner.id;
    sessions.paula = await chartedSession(repos, {
      patient: fixture.patient,
      daysAgo: 30,
      lots: [lotA],
      practitionerId,
    });
    sessions.otto = await chartedSession(repos, {
      patient: fixture.otherPatient,
      daysAgo: 20,
      lots: [lotA],
      practitionerId,
    });
    // Zara received lot A too, and never reported anything: she is still to be contacted.
    sessions.zara = await chartedSession(repos, { patient: zara, daysAgo: 25, lots: [lotA], practitionerId });
    sessions.zaraB = await chartedSession(repos, { patient: zara, daysAgo: 10, lots: [lotB], practitionerId });
  });

  it('a single late lump raises nothing', async () => {
    // The patient reports through the portal, as patients do.
    const first = await report(patient, sessions.paula, lateLump(14));
    expect(first.statusCode, first.body).toBe(201);
    expect((await list(admin)).signals).toEqual([]);
    expect(await signalMessages(get().fixture.clinic.id)).toEqual([]);
  });

  it('a second late lump on the same lot raises exactly one signal and one e-mail per active admin', async () => {
    const { fixture } = get();
    expect((await report(practitioner, sessions.otto, lateLump(10))).statusCode).toBe(201);

    const { signals, counts } = await list(practitioner);
    expect(signals).toHaveLength(1);
    const [signal] = signals;
    expect(signal).toMatchObject({
      kind: 'infection_cluster',
      unit: { type: 'lot', id: lotA.id, label: 'Hair cocktail, lot A-100' },
      observed: 2,
      expected: null,
      pValue: null,
      status: 'open',
      lots: [{ lotId: lotA.id, lotNumber: 'A-100', productName: 'Hair cocktail', recalled: false }],
    });
    expect(signal!.reportIds).toHaveLength(2);
    expect(counts).toEqual({ open: 1, acknowledged: 0, closed: 0 });
    // Everyone who received lot A, the one who never reported included; not Zara's other lot.
    expect(signal!.patients.map((p) => p.patientId).sort()).toEqual(
      [fixture.patient.id, fixture.otherPatient.id, zara.id].sort(),
    );
    expect(signal!.patients.find((p) => p.patientId === zara.id)).toMatchObject({ phone: '+49 30 5550001' });

    const messages = await signalMessages(fixture.clinic.id);
    expect(messages.map((m) => m.recipient).sort()).toEqual([fixture.users.admin.email, secondAdmin.email].sort());
    for (const message of messages) {
      expect(message.subject).toMatch(/possible infection cluster/);
      expect(message.body).toContain('Hair cocktail, lot A-100');
      expect(message.body).toContain(`/patients/${zara.id}`);
      // Links, not names: a name beside "infection" stays out of plain e-mail.
      expect(message.body).not.toContain('Zara');
      expect(message.status).toBe('pending');
    }

    const created = auditedRecords(await clinicAudit(get(), { entity: 'safety_signal', action: 'create', limit: 10 }));
    expect(created.map((e) => e.entityId)).toEqual([signal!.id]);
    const named = auditedRecords(
      await clinicAudit(get(), { entity: 'safety_signal_patient', action: 'create', limit: 10 }),
    );
    expect(named.map((e) => e.patientId).sort()).toEqual(signal!.patients.map((p) => p.patientId).sort());
  });

  it('raises the same signal never again: not on a further report, not on a run on demand', async () => {
    const { fixture } = get();
    expect((await report(practitioner, sessions.zara, lateLump(9))).statusCode).toBe(201);
    const run = await admin.inject({ method: 'POST', url: '/api/safety-signals/run' });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toEqual({ raised: [], messages: 0 });
    expect((await list(admin)).signals).toHaveLength(1);
    expect(await signalMessages(fixture.clinic.id)).toHaveLength(2);
  });

  it('admins acknowledge and then close a signal; a step repeated or backwards changes nothing', async () => {
    const [signal] = (await list(admin)).signals;
    const url = (action: string) => `/api/safety-signals/${signal!.id}/${action}`;

    expect((await practitioner.inject({ method: 'POST', url: url('acknowledge'), payload: {} })).statusCode).toBe(403);
    const acknowledged = await admin.inject({
      method: 'POST',
      url: url('acknowledge'),
      payload: { note: 'Lot A-100 held; calling patients' },
    });
    expect(acknowledged.statusCode, acknowledged.body).toBe(200);
    expect(acknowledged.json()).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: { id: get().fixture.users.admin.id, name: 'Ada Admin' },
      acknowledgedNote: 'Lot A-100 held; calling patients',
    });
    const again = await admin.inject({ method: 'POST', url: url('acknowledge'), payload: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: 'signal_status', message: expect.stringContaining('is acknowledged') });

    const closed = await admin.inject({ method: 'POST', url: url('close'), payload: { note: 'All 3 called' } });
    expect(closed.json()).toMatchObject({
      status: 'closed',
      closedBy: { name: 'Ada Admin' },
      closedNote: 'All 3 called',
      // The acknowledging note stays beside the closing one.
      acknowledgedNote: 'Lot A-100 held; calling patients',
    });
    expect((await admin.inject({ method: 'POST', url: url('close'), payload: {} })).statusCode).toBe(409);
    expect((await admin.inject({ method: 'POST', url: url('acknowledge'), payload: {} })).statusCode).toBe(409);

    expect((await list(admin)).signals).toEqual([]);
    expect((await list(admin, '?status=closed')).signals.map((s) => s.id)).toEqual([signal!.id]);
    const updates = auditedRecords(await clinicAudit(get(), { entity: 'safety_signal', action: 'update', limit: 10 }));
    expect(updates.map((e) => e.entityId)).toEqual([signal!.id, signal!.id]);
  });

  it('refuses bad input naming the field, other roles and other clinics', async () => {
    const [signal] = (await list(admin, '?status=all')).signals;
    const bad = await admin.inject({ method: 'GET', url: '/api/safety-signals?status=bogus' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('status');
    const longNote = await admin.inject({
      method: 'POST',
      url: `/api/safety-signals/${signal!.id}/close`,
      payload: { note: 'x'.repeat(1001) },
    });
    expect(longNote.statusCode).toBe(400);
    expect(longNote.body).toContain('note');
    expect((await reception.inject({ method: 'GET', url: '/api/safety-signals' })).statusCode).toBe(403);
    expect((await patient.inject({ method: 'GET', url: '/api/safety-signals' })).statusCode).toBe(403);
    const outsider = await get().signInElsewhere('admin');
    expect((await outsider.inject({ method: 'GET', url: `/api/safety-signals/${signal!.id}` })).statusCode).toBe(404);
    expect((await list(outsider, '?status=all')).signals).toEqual([]);
  });

  it('two runs at the same moment store the signal once and send it once', async () => {
    const { repos } = get();
    const other = await get().createOtherClinic();
    const {
      lots: [lot],
    } = await productWithLots(repos, other.clinic.id, 'Glow serum', ['G-7']);
    for (const [someone, daysAgo] of [
      [other.patient, 40],
      [other.otherPatient, 33],
    ] as const) {
      const session = await chartedSession(repos, {
        patient: someone,
        daysAgo,
        lots: [lot!],
        practitionerId: other.users.practitioner.id,
      });
      // Stored without the route, so that no run has happened yet.
      await repos.sideEffects.createReport({
        sessionId: session.id,
        reporterUserId: other.users.practitioner.id,
        symptom: 'a hard lump',
        onsetDays: 20,
        triage: { level: 'urgent', findings: [{ code: 'nodule_or_abscess' }] },
      });
    }
    const run = () =>
      runSafetySignalDetection(repos, {
        clinicId: other.clinic.id,
        now: new Date(),
        actor: other.users.admin,
        route: null,
        messaging: defaultMessagingSettings(),
      });
    const results = await Promise.all([run(), run(), run()]);
    expect(results.flatMap((r) => r.raised.map((s) => s.key))).toEqual([`infection_cluster:lot:${lot!.id}`]);
    expect(results.reduce((sum, r) => sum + r.messages, 0)).toBe(1);
    expect(await signalMessages(other.clinic.id)).toHaveLength(1);
  });

  describe('a quiet clinic', () => {
    it('raises no signal and sends nothing, after reports or on demand', async () => {
      const { repos } = get();
      const other = await get().createOtherClinic();
      const otherPractitioner = await get().signInAs(other.users.practitioner.email, testPassword);
      const otherAdmin = await get().signInAs(other.users.admin.email, testPassword);
      const {
        lots: [lot],
      } = await productWithLots(repos, other.clinic.id, 'Skin booster', ['Q-1']);
      const held: TreatmentSessionRecord[] = [];
      for (const [i, someone] of [other.patient, other.otherPatient, other.patient, other.otherPatient].entries())
        held.push(
          await chartedSession(repos, {
            patient: someone,
            daysAgo: 5 + i * 7,
            lots: [lot!],
            practitionerId: other.users.practitioner.id,
          }),
        );
      // Bruising the same day, and one late lump alone: neither is a signal.
      expect((await report(otherPractitioner, held[0]!, bruise)).statusCode).toBe(201);
      expect((await report(otherPractitioner, held[3]!, lateLump(12))).statusCode).toBe(201);
      const run = await otherAdmin.inject({ method: 'POST', url: '/api/safety-signals/run' });
      expect(run.json()).toEqual({ raised: [], messages: 0 });
      expect((await list(otherAdmin, '?status=all')).signals).toEqual([]);
      expect(await signalMessages(other.clinic.id)).toEqual([]);
    });
  });
});
