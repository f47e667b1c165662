import { multipartPayload, type FormPart } from '../../../src/server/uploads/test-support/multipart-payload.js';
import { sampleImages } from '../../../src/server/uploads/test-support/sample-images.js';
import type { SampleWrite } from './sample-request.js';
import { hoursAgo, expectStatus, type SampleRecords } from './sample-records.js';

/** Sample writes of treatment: charts and addenda, side effects, outcomes, photos, a FHIR import. */
export function treatmentSampleWrites({
  repos,
  fixture,
  adminClient,
  newSession,
  treatedAt,
  chartingSetup,
  sideEffectBody,
}: SampleRecords): Record<string, SampleWrite> {
  return {
    'POST /api/sessions/:id/chart': {
      role: 'practitioner',
      stores: true,
      make: async () => {
        const { patientId, productId, lotId } = await chartingSetup();
        const point = {
          area: 'scalp',
          x: 0.5,
          y: 0.4,
          productId,
          lotId,
          volumeMl: 0.1,
          depthMm: 2,
          technique: 'manual',
        };
        return {
          url: `/api/sessions/${await newSession(treatedAt, patientId)}/chart`,
          payload: {
            anaesthesiaUsed: true,
            anaesthesiaAgent: 'Lidocaine cream',
            notes: 'Went well.',
            points: [point],
            override: { reason: 'Prescriber agreed.' },
          },
        };
      },
    },
    'POST /api/sessions/:id/chart/addenda': {
      role: 'practitioner',
      stores: true,
      make: async () => {
        const { patientId } = await chartingSetup();
        const sessionId = await newSession(treatedAt, patientId);
        await repos.transaction((tx) =>
          tx.charts.create({ sessionId, anaesthesiaUsed: false, createdBy: null, points: [] }),
        );
        return { url: `/api/sessions/${sessionId}/chart/addenda`, payload: { text: 'Slight bruising the next day.' } };
      },
    },
    'POST /api/side-effects/:id/photos': {
      role: 'practitioner',
      stores: true,
      make: async () => {
        const report = await (
          await adminClient()
        ).inject({
          method: 'POST',
          url: `/api/sessions/${await newSession(hoursAgo(48))}/side-effects`,
          payload: sideEffectBody,
        });
        expectStatus(report, 201, 'side-effect report');
        return {
          url: `/api/side-effects/${report.json().id}/photos`,
          form: [{ name: 'photo', file: sampleImages.png, filename: 'redness.png' }],
        };
      },
    },
    'DELETE /api/side-effects/:id/photos/:photoId': {
      // Only whoever uploaded a photo may delete it: the admin uploads, then deletes.
      role: 'admin',
      stores: true,
      make: async () => {
        const admin = await adminClient();
        const report = await admin.inject({
          method: 'POST',
          url: `/api/sessions/${await newSession(hoursAgo(48))}/side-effects`,
          payload: sideEffectBody,
        });
        expectStatus(report, 201, 'side-effect report');
        const reportId: string = report.json().id;
        const upload = await admin.inject({
          method: 'POST',
          url: `/api/side-effects/${reportId}/photos`,
          ...multipartPayload([{ name: 'photo', file: sampleImages.png }]),
        });
        expectStatus(upload, 201, 'side-effect photo to delete');
        return { url: `/api/side-effects/${reportId}/photos/${upload.json().photos[0].id}` };
      },
    },
    'POST /api/sessions/:id/side-effects': {
      role: 'practitioner',
      stores: true,
      make: async () => ({
        url: `/api/sessions/${await newSession(hoursAgo(48))}/side-effects`,
        payload: { ...sideEffectBody, onset: hoursAgo(1) },
      }),
    },
    'PUT /api/sessions/:id/outcome': {
      // Notes are the practitioner's alone.
      role: 'practitioner',
      stores: true,
      make: async () => ({
        url: `/api/sessions/${await newSession(hoursAgo(24))}/outcome`,
        payload: { patientRating: 7, practitionerRating: 8, notes: 'Denser at the crown.' },
      }),
    },
    'POST /api/courses/:id/outcome-measures': {
      role: 'practitioner',
      stores: true,
      make: async () => {
        const sessionId = await newSession(hoursAgo(24));
        const session = await repos.treatmentSessions.findById(sessionId);
        if (!session) throw new Error('the sample session vanished');
        return {
          url: `/api/courses/${session.courseId}/outcome-measures`,
          payload: { measure: 'gais', rater: 'practitioner', sessionId, value: 2 },
        };
      },
    },
    'POST /api/patients/:id/photos': {
      role: 'practitioner',
      stores: true,
      make: async () => ({
        url: `/api/patients/${fixture.patient.id}/photos`,
        form: [
          { name: 'kind', value: 'before' },
          { name: 'photo', file: sampleImages.jpeg },
        ],
      }),
    },
    'DELETE /api/photos/:id': {
      role: 'practitioner',
      stores: true,
      make: async () => {
        const form: FormPart[] = [
          { name: 'kind', value: 'after' },
          { name: 'photo', file: sampleImages.webp },
        ];
        const photo = await (
          await adminClient()
        ).inject({ method: 'POST', url: `/api/patients/${fixture.patient.id}/photos`, ...multipartPayload(form) });
        expectStatus(photo, 201, 'photo to delete');
        return { url: `/api/photos/${photo.json().id}` };
      },
    },
    'POST /api/fhir/import': {
      role: 'practitioner',
      stores: false,
      make: async () => ({
        url: '/api/fhir/import',
        payload: {
          resourceType: 'Bundle',
          entry: [{ fullUrl: 'urn:uuid:p1', resource: { resourceType: 'Patient', id: 'p1', birthDate: '1990-01-01' } }],
        },
      }),
    },
  };
}
