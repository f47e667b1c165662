import { healthyIntake } from '../../../src/test-support/intake-examples.js';
import type { SampleWrite } from './sample-request.js';
import { intakeWithMedication, expectStatus, signaturePng, type SampleRecords } from './sample-records.js';
import { daysFromToday } from '../../../src/test-support/relative-dates.js';

/** Sample writes of patient records: patients, intakes, courses and their sessions, re-screening, consents, products, lots and recalls. */
export function patientSampleWrites({
  repos,
  fixture,
  clinicId,
  unique,
  adminClient,
  newPatient,
  newCourse,
  newSession,
  future,
  treatedAt,
  chartingSetup,
  signingTextId,
}: SampleRecords): Record<string, SampleWrite> {
  return {
    'POST /api/patients': {
      role: 'reception',
      stores: true,
      make: async () => ({
        url: '/api/patients',
        payload: {
          firstName: 'Nina',
          lastName: 'New',
          birthDate: '1988-02-03',
          sex: 'female',
          phone: '+49 30 999',
          email: `nina-${unique()}@security.test`,
        },
      }),
    },
    'PATCH /api/patients/:id': {
      role: 'reception',
      stores: true,
      make: async () => ({
        url: `/api/patients/${(await newPatient()).id}`,
        payload: { firstName: 'Changed', lastName: 'Name', phone: '+49 30 111', email: 'changed@security.test' },
      }),
    },
    'DELETE /api/patients/:id': {
      role: 'admin',
      stores: true,
      make: async () => ({ url: `/api/patients/${(await newPatient()).id}` }),
    },
    'POST /api/patients/:id/deactivate': {
      role: 'reception',
      stores: true,
      make: async () => ({ url: `/api/patients/${(await newPatient()).id}/deactivate` }),
    },
    'POST /api/patients/:id/reactivate': {
      role: 'reception',
      stores: true,
      make: async () => {
        const patient = await newPatient();
        await repos.patients.setActive(patient.id, false);
        return { url: `/api/patients/${patient.id}/reactivate` };
      },
    },
    'POST /api/patients/:id/merges': {
      role: 'admin',
      stores: true,
      make: async () => ({
        url: `/api/patients/${(await newPatient()).id}/merges`,
        payload: { mergedPatientId: (await newPatient()).id },
      }),
    },
    'POST /api/patients/:id/merges/:mergeId/reversal': {
      role: 'admin',
      stores: true,
      make: async () => {
        const [kept, merged] = [await newPatient(), await newPatient()];
        await repos.patients.setMergedInto(merged.id, kept.id);
        const merge = await repos.patientMerges.create({
          clinicId,
          survivorId: kept.id,
          mergedId: merged.id,
          moved: {},
          mergedBy: null,
        });
        return { url: `/api/patients/${kept.id}/merges/${merge.id}/reversal` };
      },
    },
    'POST /api/patients/:id/intakes': {
      role: 'practitioner',
      stores: true,
      make: async () => {
        const patient = await newPatient();
        return { url: `/api/patients/${patient.id}/intakes`, payload: intakeWithMedication(patient.birthDate) };
      },
    },
    'POST /api/patients/:id/courses': {
      role: 'practitioner',
      stores: true,
      make: async () => {
        const patient = await newPatient();
        const intake = await (
          await adminClient()
        ).inject({
          method: 'POST',
          url: `/api/patients/${patient.id}/intakes`,
          payload: healthyIntake(patient.birthDate),
        });
        expectStatus(intake, 201, 'intake for a course');
        return { url: `/api/patients/${patient.id}/courses`, payload: { assessmentId: intake.json().assessment.id } };
      },
    },
    'PATCH /api/courses/:id': {
      role: 'practitioner',
      stores: true,
      make: async () => ({ url: `/api/courses/${(await newCourse()).id}`, payload: { status: 'completed' } }),
    },
    'POST /api/courses/:id/sessions': {
      role: 'reception',
      stores: true,
      make: async () => ({
        url: `/api/courses/${(await newCourse()).id}/sessions`,
        payload: { scheduledAt: future(), durationMinutes: 30, locationId: fixture.location.id },
      }),
    },
    // Moved to when it took place and marked done despite the deferral: every field, the override's reason too.
    'PATCH /api/sessions/:id': {
      role: 'practitioner',
      stores: true,
      make: async () => {
        const { patientId } = await chartingSetup();
        return {
          url: `/api/sessions/${await newSession(future(), patientId)}`,
          payload: {
            scheduledAt: treatedAt,
            durationMinutes: 45,
            status: 'done',
            override: { reason: 'Prescriber agreed.' },
          },
        };
      },
    },
    'POST /api/flags/rescreen': {
      role: 'admin',
      stores: true,
      make: async () => {
        // Written straight to storage, so not yet screened: the re-screening has something to record.
        await newSession(future());
        return { url: '/api/flags/rescreen' };
      },
    },
    'POST /api/consent-texts/:procedure/versions': {
      role: 'admin',
      // Not mesotherapy: a new version of that would make the charted patient's signature outdated.
      stores: true,
      make: async () => ({
        url: '/api/consent-texts/security_published/versions',
        payload: { text: 'I agree to the procedure.' },
      }),
    },
    // A version published for the deletion alone, which nobody signs.
    'DELETE /api/consent-text-versions/:id': {
      role: 'admin',
      stores: true,
      make: async () => {
        const text = await repos.transaction((tx) =>
          tx.consent.createText({
            clinicId: fixture.clinic.id,
            procedure: 'security_unsigned',
            text: 'x',
            active: true,
          }),
        );
        return { url: `/api/consent-text-versions/${text.id}` };
      },
    },
    'POST /api/patients/:id/consents': {
      role: 'practitioner',
      stores: true,
      make: async () => ({
        url: `/api/patients/${fixture.patient.id}/consents`,
        payload: { consentTextId: await signingTextId(), typedName: 'Paula Patient', signatureImage: signaturePng },
      }),
    },
    'POST /api/products': {
      role: 'practitioner',
      stores: true,
      make: async () => ({
        url: '/api/products',
        payload: { name: 'Hair mix', manufacturer: 'Lab', ingredients: ['zinc'] },
      }),
    },
    'POST /api/products/:id/lots': {
      role: 'practitioner',
      stores: true,
      make: async () => {
        const product = await repos.products.createProduct({
          clinicId,
          name: 'Lot product',
          manufacturer: null,
          ingredients: ['zinc'],
        });
        return {
          url: `/api/products/${product.id}/lots`,
          payload: {
            lotNumber: 'LOT-1',
            expiryDate: daysFromToday(700),
            quantityMl: 20,
            supplier: 'Meso Supply',
            storageNote: 'Fridge 2',
          },
        };
      },
    },
    'PATCH /api/products/:id': {
      role: 'practitioner',
      stores: true,
      make: async () => ({ url: `/api/products/${(await chartingSetup()).productId}`, payload: { lowStockMl: 3 } }),
    },
    'POST /api/lots/:id/counts': {
      role: 'practitioner',
      stores: true,
      make: async () => ({
        url: `/api/lots/${(await chartingSetup()).lotId}/counts`,
        payload: { countedMl: 90, note: 'Monthly count' },
      }),
    },
    'POST /api/lots/:id/recall': {
      role: 'admin',
      stores: true,
      make: async () => {
        const { productId } = await chartingSetup();
        return {
          url: `/api/lots/${(await repos.products.createLot({ productId, lotNumber: `R-${unique()}`, expiryDate: '2099-12-31' })).id}/recall`,
        };
      },
    },
  };
}
