import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { changedTables, snapshotDatabase } from '../../../test-support/database-snapshot.js';
import { healthyIntake } from '../../../test-support/intake-examples.js';
import { daysFromToday } from '../../../test-support/relative-dates.js';
import { signatureImage } from '../../../test-support/sample-signature.js';
import {
  forEachApp,
  signInClient,
  signInRoles,
  testPassword,
  testPasswordHashing,
  type TestClient,
} from '../../../test-support/test-app.js';
import { argon2idHasher } from '../../../services/accounts/password-hasher.js';
import { multipartPayload } from '../../uploads/test-support/multipart-payload.js';
import { sampleImages } from '../../uploads/test-support/sample-images.js';

const dataDir = mkdtempSync(join(tmpdir(), 'mesodesk-merged-writes-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Patient {
  id: string;
  birthDate: string;
  mergedIntoId: string | null;
}

/** One kind of write, sent alike to the merged record and to the record kept. */
interface WriteKind {
  what: string;
  client: (patient: Patient) => TestClient;
  request: (patient: Patient) => Promise<InjectOptions> | InjectOptions;
  /** What the record kept answers: the status, and for a refusal of its own its error code. */
  kept: number | [number, string];
}

/** A write that POSTs `payload` to `url` (or to the URL it makes for the patient); the record kept takes it (201). */
function post(
  what: string,
  client: TestClient | WriteKind['client'],
  url: string | ((patient: Patient) => string),
  payload: (patient: Patient) => object | Promise<object>,
): WriteKind {
  return {
    what,
    client: typeof client === 'function' ? client : () => client,
    kept: 201,
    request: async (p) => ({ method: 'POST', url: typeof url === 'string' ? url : url(p), payload: await payload(p) }),
  };
}

/** The URL of one of a patient's collections, e.g. `/api/patients/<id>/intakes`. */
const patientUrl = (collection: string) => (patient: Patient) => `/api/patients/${patient.id}/${collection}`;

const birthDate = '1991-05-14';

/**
 * After a merge the merged record is kept only for the reversal: every write naming it (its details,
 * an intake, a course, a consent, a photo, an invoice, a quote, a waiting-list place, a portal
 * account or invitation, and the portal itself) is refused with 409 `patient_merged` naming the
 * record kept, and changes nothing; the same writes naming the record kept go through. What the
 * merge moved is the record kept's and is written to as such; the merged record stays readable.
 */
forEachApp(
  'writes to a merged patient',
  (get) => {
    let admin: TestClient;
    let practitioner: TestClient;
    let reception: TestClient;
    let kept: Patient;
    let merged: Patient;
    /** A session of the merged record's course, booked before the merge. */
    let movedSession: string;

    const send = async (client: TestClient, options: InjectOptions, status: number) => {
      const response = await client.inject(options);
      expect(response.statusCode, `${options.method} ${options.url}: ${response.body}`).toBe(status);
      return response.json() as Record<string, unknown> & { id: string };
    };
    const register = async (firstName: string) =>
      (await send(
        admin,
        { method: 'POST', url: '/api/patients', payload: { firstName, lastName: 'Aydın', birthDate, sex: 'female' } },
        201,
      )) as unknown as Patient;
    /** A portal account of `patientId`, signed in (stored directly: a merge moves accounts, so one left behind is made). */
    const portalOf = async (patientId: string, tag: string) => {
      const email = `portal-${tag}-${patientId}@merged.test`;
      await get().repos.users.create({
        clinicId: get().fixture.clinic.id,
        email,
        displayName: 'Portal',
        passwordHash: await argon2idHasher(testPasswordHashing).hash(testPassword),
        role: 'patient',
        patientId,
      });
      return signInClient(get().app, email, testPassword);
    };

    beforeAll(async () => {
      ({ admin, practitioner, reception } = await signInRoles(get(), ['admin', 'practitioner', 'reception']));
      kept = await register('Elif');
      merged = await register('ELIF');
      const intake = await send(
        practitioner,
        { method: 'POST', url: `/api/patients/${merged.id}/intakes`, payload: healthyIntake(birthDate) },
        201,
      );
      const course = await send(
        practitioner,
        {
          method: 'POST',
          url: `/api/patients/${merged.id}/courses`,
          payload: { assessmentId: (intake.assessment as { id: string }).id },
        },
        201,
      );
      const session = await send(
        reception,
        {
          method: 'POST',
          url: `/api/courses/${course.id}/sessions`,
          payload: { scheduledAt: `${daysFromToday(20)}T09:00:00.000Z`, durationMinutes: 30 },
        },
        201,
      );
      movedSession = session.id;
      await send(
        admin,
        { method: 'POST', url: `/api/patients/${kept.id}/merges`, payload: { mergedPatientId: merged.id } },
        201,
      );
    });

    it('refuses every kind of write naming the merged record with 409 naming the record kept, changing nothing; the record kept takes them', async () => {
      const { repos, fixture } = get();
      const consentText = await repos.consent.createText({
        clinicId: fixture.clinic.id,
        procedure: 'merged_writes',
        text: 'I agree.',
        active: true,
      });
      const latestAssessment = async () => {
        const intakes = await send(practitioner, { method: 'GET', url: `/api/patients/${kept.id}/intakes` }, 200);
        return (intakes.intakes as { assessment: { id: string } }[])[0]!.assessment.id;
      };
      const [keptPortal, leftBehindPortal] = [await portalOf(kept.id, 'kept'), await portalOf(merged.id, 'left')];
      const portal = (patient: Patient) => (patient.id === kept.id ? keptPortal : leftBehindPortal);
      let unique = 0;
      const writes: WriteKind[] = [
        {
          what: 'details',
          client: () => reception,
          kept: 200,
          request: (p) => ({ method: 'PATCH', url: `/api/patients/${p.id}`, payload: { phone: '+90 212 555 0101' } }),
        },
        post('intake', practitioner, patientUrl('intakes'), (p) => healthyIntake(p.birthDate)),
        post('course', practitioner, patientUrl('courses'), async () => ({ assessmentId: await latestAssessment() })),
        post('consent', practitioner, patientUrl('consents'), () => ({
          consentTextId: consentText.id,
          typedName: 'Elif Aydın',
          signatureImage,
        })),
        {
          what: 'photo',
          client: () => practitioner,
          kept: 201,
          request: (p) => ({
            method: 'POST',
            url: `/api/patients/${p.id}/photos`,
            ...multipartPayload([
              { name: 'kind', value: 'before' },
              { name: 'photo', file: sampleImages.jpeg },
            ]),
          }),
        },
        post('invoice', reception, '/api/invoices', (p) => ({
          patientId: p.id,
          currency: 'EUR',
          lines: [{ description: 'Consultation', quantity: 1, unitPriceMinor: 5_000, taxRatePercent: 20 }],
        })),
        post('quote', reception, '/api/quotes', (p) => ({
          patientId: p.id,
          currency: 'EUR',
          lines: [{ description: 'Course', quantity: 4, unitPriceMinor: 9_000, taxRatePercent: 20 }],
        })),
        post('waiting list', reception, '/api/waiting-list', (p) => ({
          patientId: p.id,
          indication: 'skin_rejuvenation',
          weekdays: [2],
          timesOfDay: [],
        })),
        post('portal account', admin, '/api/users', (p) => ({
          email: `account-${++unique}-${p.id}@merged.test`,
          password: 'a long and unusual passphrase',
          displayName: 'Elif',
          role: 'patient',
          patientId: p.id,
        })),
        post('portal invitation', admin, '/api/invitations', (p) => ({
          email: `invited-${++unique}-${p.id}@merged.test`,
          displayName: 'Elif',
          role: 'patient',
          patientId: p.id,
        })),
        post('portal intake', portal, '/api/portal/intakes', (p) => healthyIntake(p.birthDate, daysFromToday(7))),
        post('portal consultation request', portal, '/api/portal/consultation-requests', () => ({
          reason: 'patient_choice',
        })),
        {
          what: 'deletion',
          client: () => admin,
          kept: [409, 'has_records'],
          request: (p) => ({ method: 'DELETE', url: `/api/patients/${p.id}` }),
        },
      ];
      for (const write of writes) {
        // Built first: building may read (and reads are audited).
        const request = await write.request(merged);
        const before = await snapshotDatabase(get().db);
        const refused = await write.client(merged).inject(request);
        expect(refused.statusCode, `${write.what}: ${refused.body}`).toBe(409);
        expect(refused.json(), write.what).toMatchObject({
          error: 'patient_merged',
          patientId: merged.id,
          mergedIntoId: kept.id,
        });
        expect(refused.json().message, write.what).toContain(kept.id);
        expect(changedTables(before, await snapshotDatabase(get().db, before)), write.what).toEqual([]);

        const done = await write.client(kept).inject(await write.request(kept));
        const [status, error] = typeof write.kept === 'number' ? [write.kept] : write.kept;
        expect(done.statusCode, `${write.what} on the record kept: ${done.body}`).toBe(status);
        if (error) expect(done.json().error).toBe(error);
      }
    });

    it('writes to what the merge moved as the record kept’s, and still reads the merged record', async () => {
      const moved = await send(
        reception,
        { method: 'POST', url: `/api/sessions/${movedSession}/cancel`, payload: { reason: 'Moved abroad' } },
        200,
      );
      expect(moved).toMatchObject({ id: movedSession, patientId: kept.id, status: 'cancelled' });
      const read = await send(reception, { method: 'GET', url: `/api/patients/${merged.id}` }, 200);
      expect(read).toMatchObject({ id: merged.id, mergedIntoId: kept.id });
      const sessions = await send(reception, { method: 'GET', url: `/api/patients/${merged.id}/sessions` }, 200);
      expect(sessions.sessions).toEqual([]);
      // The portal of an account left with the merged record still reads it.
      const left = await portalOf(merged.id, 'reader');
      expect((await left.inject({ method: 'GET', url: '/api/portal/plan' })).statusCode).toBe(200);
      // With nothing booked ahead any more, the record kept may be deactivated; the merged one may not.
      const deactivate = (p: Patient) => reception.inject({ method: 'POST', url: `/api/patients/${p.id}/deactivate` });
      expect((await deactivate(merged)).json()).toMatchObject({ error: 'patient_merged', mergedIntoId: kept.id });
      expect((await deactivate(kept)).statusCode).toBe(200);

      // The one write the merged record takes is its merge's reversal; standing on its own again, it takes them all.
      const merges = await send(admin, { method: 'GET', url: `/api/patients/${merged.id}/merges` }, 200);
      const [merge] = merges.merges as { id: string }[];
      await send(admin, { method: 'POST', url: `/api/patients/${merged.id}/merges/${merge!.id}/reversal` }, 200);
      const edited = await send(
        reception,
        { method: 'PATCH', url: `/api/patients/${merged.id}`, payload: { phone: '+90 212 555 0102' } },
        200,
      );
      expect(edited).toMatchObject({ mergedIntoId: null, phone: '+90 212 555 0102' });
    });

    it('lets a deactivated record take writes: it is kept whole, only out of the searches', async () => {
      const inactive = await register('Deniz');
      await send(reception, { method: 'POST', url: `/api/patients/${inactive.id}/deactivate` }, 200);
      await send(
        practitioner,
        { method: 'POST', url: `/api/patients/${inactive.id}/intakes`, payload: healthyIntake(birthDate) },
        201,
      );
      await send(
        reception,
        { method: 'PATCH', url: `/api/patients/${inactive.id}`, payload: { phone: '+90 212 555 0199' } },
        200,
      );
      const search = await send(reception, { method: 'GET', url: '/api/patients?name=deniz' }, 200);
      expect((search.patients as Patient[]).map((p) => p.id)).not.toContain(inactive.id);
    });
  },
  { config: { dataDir } },
);
