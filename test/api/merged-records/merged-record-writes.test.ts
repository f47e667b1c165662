import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { filesUnder } from '../../../src/server/uploads/test-support/stored-files.js';
import { forEachApp } from '../../../src/test-support/test-app.js';
import { snapshotChanges, snapshotDatabase } from '../security/database-snapshot.js';
import { sampleInjection, sampleWrites, type SampleWrite } from '../security/sample-writes.js';
import { routeKey, signedInWriteRoutes, type WriteRoute } from '../security/write-routes.js';
import { openApiPath } from '../fuzz/api-routes.js';
import { patientsNamed } from './patients-named.js';

const dataDir = mkdtempSync(join(tmpdir(), 'mesodesk-merged-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/**
 * Every signed-in write that is about a patient, named in its path or body or through one of their
 * records (for the portal: the signed-in patient's own). A route added later that writes to a
 * patient shows up here, and must refuse a merged record like these do.
 */
const patientWrites = [
  'DELETE /api/patients/:id',
  'DELETE /api/photos/:id',
  'DELETE /api/sessions/:id/check-in',
  'DELETE /api/side-effects/:id/photos/:photoId',
  'DELETE /api/waiting-list/:id',
  'PATCH /api/courses/:id',
  'PATCH /api/patients/:id',
  'PATCH /api/sessions/:id',
  'POST /api/consultation-requests/:id/handled',
  'POST /api/courses/:id/bookings',
  'POST /api/courses/:id/maintenance-recall',
  'POST /api/courses/:id/outcome-measures',
  'POST /api/courses/:id/sessions',
  'POST /api/invoices',
  'POST /api/invoices/:id/credit-notes',
  'POST /api/invoices/:id/payments',
  'POST /api/patients/:id/consents',
  'POST /api/patients/:id/courses',
  'POST /api/patients/:id/deactivate',
  'POST /api/patients/:id/intakes',
  'POST /api/patients/:id/merges',
  'POST /api/patients/:id/merges/:mergeId/reversal',
  'POST /api/patients/:id/photos',
  'POST /api/patients/:id/reactivate',
  'POST /api/portal/bookings',
  'POST /api/portal/consultation-requests',
  'POST /api/portal/intakes',
  'POST /api/portal/sessions/:id/cancel',
  'POST /api/portal/sessions/:id/reschedule',
  'POST /api/quotes',
  'POST /api/quotes/:id/accept',
  'POST /api/quotes/:id/decline',
  'POST /api/quotes/:id/withdraw',
  'POST /api/sessions/:id/cancel',
  'POST /api/sessions/:id/chart',
  'POST /api/sessions/:id/chart/addenda',
  'POST /api/sessions/:id/check-in',
  'POST /api/sessions/:id/no-show',
  'POST /api/sessions/:id/reschedule',
  'POST /api/sessions/:id/side-effects',
  'POST /api/side-effects/:id/photos',
  'POST /api/waiting-list',
  'POST /api/waiting-list/:id/booking',
  'PUT /api/sessions/:id/outcome',
];

interface OpenApiDoc {
  paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
}

/**
 * The security suites' valid request for every write route (security/sample-writes.ts), sent once
 * with the patient it is about marked merged into another record, the rows it names left with it
 * (as with a write that raced the merge), and once as it stands. Merged: 409 `patient_merged`
 * naming the record kept, nothing written, no file stored, and the 409 documented with its fields.
 * Standing on its own: the very same request goes through, so the 409 was the merge's doing.
 */
forEachApp(
  'every write about a patient refuses a merged record',
  (get) => {
    let routes: WriteRoute[];
    let samples: Record<string, SampleWrite>;
    let doc: OpenApiDoc;

    beforeAll(async () => {
      routes = signedInWriteRoutes(get().app);
      samples = sampleWrites(get());
      doc = (await get().app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApiDoc;
    });

    it('answers 409 patient_merged naming the record kept, changing nothing; unmerged, the same request goes through', async () => {
      const test = get();
      const { repos, fixture } = test;
      const failures: string[] = [];
      const aboutPatients: string[] = [];
      for (const route of routes) {
        const key = routeKey(route);
        const sample = samples[key];
        // Writes that store nothing (assessing, proposing, previews) or only ever refuse change nothing to guard;
        // a route without a sample fails the CSRF suite's check that every write route has one.
        if (!sample || !sample.stores || sample.refusal) continue;
        const client = await test.signIn(sample.role);
        const request = await sample.make();
        const named = await patientsNamed(test, request, sample.role);
        if (named.length === 0) continue;
        aboutPatients.push(key);

        const keptIds = new Map<string, string>();
        for (const patientId of named) {
          const kept = await repos.patients.create({
            clinicId: fixture.clinic.id,
            firstName: 'Kept',
            lastName: 'Record',
            birthDate: '1990-04-12',
            sex: 'female',
          });
          await repos.patients.setMergedInto(patientId, kept.id);
          keptIds.set(patientId, kept.id);
        }
        const before = await snapshotDatabase(test.db);
        const files = filesUnder(dataDir).join('\n');
        let refused;
        let after;
        try {
          refused = await client.inject(sampleInjection(route.method, request));
          after = await snapshotDatabase(test.db);
        } finally {
          for (const patientId of named) await repos.patients.setMergedInto(patientId, null);
        }
        const body = refused.body.slice(0, 300);
        const answer = (refused.body ? refused.json() : {}) as Partial<Record<string, string>>;
        const keptId = answer.patientId === undefined ? undefined : keptIds.get(answer.patientId);
        if (refused.statusCode !== 409 || answer.error !== 'patient_merged')
          failures.push(`${key} on a merged record: ${refused.statusCode} ${body}`);
        else if (keptId === undefined || answer.mergedIntoId !== keptId || !answer.message?.includes(keptId))
          failures.push(`${key}: the refusal does not name the record kept: ${body}`);
        const changes = snapshotChanges(before, after);
        if (changes.length) failures.push(`${key} on a merged record changed the database: ${changes.join('; ')}`);
        if (filesUnder(dataDir).join('\n') !== files) failures.push(`${key} on a merged record stored a file`);
        const documented = doc.paths[openApiPath(route.url)]?.[route.method.toLowerCase()]?.responses?.['409'];
        if (!JSON.stringify(documented ?? null).includes('"mergedIntoId"'))
          failures.push(`${key}: its OpenAPI 409 does not carry mergedIntoId`);

        const allowed = await client.inject(sampleInjection(route.method, request));
        if (allowed.statusCode >= 300)
          failures.push(`${key} unmerged: ${allowed.statusCode} ${allowed.body.slice(0, 300)}`);
      }
      expect(failures).toEqual([]);
      expect(aboutPatients.sort()).toEqual([...patientWrites].sort());
    }, 300_000);
  },
  { config: { dataDir } },
);
