import { sql } from 'kysely';
import { expect } from 'vitest';
import type { PatientRecord } from '../../../../core/records/index.js';
import {
  seedInteropCatalogue,
  seedInteropPatient,
  type InteropCatalogue,
} from '../../../../services/documents/test-support/interop-records.js';
import { newId } from '../../../../storage/ids.js';
import { patientOwnedTables } from '../../../../storage/repositories/patient-owned-tables.js';
import { sampleRateSignal } from '../../../../test-support/sample-signal.js';
import { testKnowledgeBase, type TestApp, type TestClient } from '../../../../test-support/test-app.js';

/** Per table of patient-owned-tables.ts, the keys of the rows that point at the patient. */
export async function rowsOf(testApp: TestApp, patientId: string): Promise<Record<string, string[]>> {
  const rows: Record<string, string[]> = {};
  for (const { table, key } of patientOwnedTables) {
    const found = await sql<{ key: string }>`select ${sql.ref(key)} as key from ${sql.table(table)}
      where patient_id = ${patientId} order by ${sql.ref(key)}`.execute(testApp.db);
    rows[table] = found.rows.map((r) => r.key);
  }
  return rows;
}

/** The catalogue the records are charted with, once per clinic. */
const catalogues = new WeakMap<TestApp, Promise<InteropCatalogue>>();

/**
 * Every kind of record a patient can have, as the clinic would have made them: intakes and
 * assessments, a course with sessions (one charted, with a side-effect report and an outcome), an
 * outcome measure, a consent signature, a photo, a portal account and an invitation, a quote, an
 * invoice with a payment and a credit note, a message, two safety signals, a consultation request
 * and waiting-list entries. `clashWith` (another patient) is put on one of the signals and waits
 * for hair loss too: rows a merge into that patient must leave where they are. Fails unless every
 * table of patient-owned-tables.ts then holds a row of the patient.
 */
export async function storeEveryRecordKind(
  testApp: TestApp,
  admin: TestClient,
  patient: PatientRecord,
  clashWith: PatientRecord,
): Promise<void> {
  const { repos, fixture } = testApp;
  const clinicId = fixture.clinic.id;
  let catalogue = catalogues.get(testApp);
  if (!catalogue) {
    catalogue = seedInteropCatalogue(repos, clinicId);
    catalogues.set(testApp, catalogue);
  }
  const seeded = await seedInteropPatient(
    repos,
    testKnowledgeBase(),
    await catalogue,
    patient,
    fixture.users.practitioner.id,
  );
  const tag = newId();
  await repos.outcomeMeasures.save({
    patientId: patient.id,
    courseId: seeded.course.id,
    sessionId: seeded.doneSession.id,
    measure: 'gais',
    rater: 'practitioner',
    site: null,
    value: 2,
    enteredBy: 'staff',
    recordedBy: fixture.users.practitioner.id,
  });
  await repos.photos.create({
    patientId: patient.id,
    sessionId: seeded.doneSession.id,
    kind: 'before',
    filePath: `photos/${tag}.jpg`,
    mime: 'image/jpeg',
    createdBy: fixture.users.practitioner.id,
  });
  await repos.users.create({
    clinicId,
    email: `portal-${tag}@merge.test`,
    displayName: `${patient.firstName} ${patient.lastName}`,
    passwordHash: 'h',
    role: 'patient',
    patientId: patient.id,
  });
  await repos.invitations.create({
    clinicId,
    email: `invited-${tag}@merge.test`,
    displayName: patient.firstName,
    role: 'patient',
    patientId: patient.id,
    tokenHash: `hash-${tag}`,
    expiresAt: '2099-01-01T00:00:00.000Z',
    createdBy: fixture.users.admin.id,
  });
  await repos.outbox.upsert({
    sessionId: seeded.plannedSession.id,
    patientId: patient.id,
    clinicId,
    kind: 'day_before_reminder',
    channel: 'email',
    recipient: `portal-${tag}@merge.test`,
    subject: 'Tomorrow',
    body: 'See you tomorrow.',
    fingerprint: tag,
    dueAt: '2099-01-01T09:00:00.000Z',
  });
  for (const patientIds of [[patient.id], [patient.id, clashWith.id]])
    await repos.safetySignals.insertNew(clinicId, sampleRateSignal({ key: `merge-${newId()}`, patientIds }));

  const send = async (method: 'POST', url: string, payload: object) => {
    const response = await admin.inject({ method, url, payload });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(201);
    return response.json() as { id: string };
  };
  const price = await send('POST', '/api/prices', {
    kind: 'session',
    name: `Session ${tag}`,
    unitPriceMinor: 10_000,
    currency: 'EUR',
    taxRatePercent: 20,
  });
  await send('POST', '/api/quotes', { patientId: patient.id, indication: 'hair_loss', sessions: 2 });
  const invoice = await send('POST', '/api/invoices', {
    patientId: patient.id,
    lines: [{ priceId: price.id, quantity: 1 }],
  });
  await send('POST', `/api/invoices/${invoice.id}/payments`, { amountMinor: 5_000, method: 'cash' });
  await send('POST', `/api/invoices/${invoice.id}/credit-notes`, { amountMinor: 1_000, reason: 'Goodwill' });

  // Tables of later parts of the clinic, written as their rows stand.
  const at = new Date().toISOString();
  await sql`insert into consultation_requests (id, clinic_id, patient_id, reason, status, created_at)
    values (${newId()}, ${clinicId}, ${patient.id}, 'deferred', 'open', ${at})`.execute(testApp.db);
  for (const [patientId, indication] of [
    [patient.id, 'hair_loss'],
    [patient.id, 'skin_rejuvenation'],
    [clashWith.id, 'hair_loss'],
  ])
    await sql`insert into waiting_list_entries (id, clinic_id, patient_id, indication, weekdays, times_of_day, status, created_at)
      values (${newId()}, ${clinicId}, ${patientId}, ${indication}, '[]', '[]', 'waiting', ${at})`.execute(testApp.db);

  const rows = await rowsOf(testApp, patient.id);
  expect(
    Object.entries(rows)
      .filter(([, keys]) => keys.length === 0)
      .map(([table]) => table),
  ).toEqual([]);
}
