import { sampleImages } from '../../../src/server/uploads/test-support/sample-images.js';
import { inDays, type FlowContext, type Step } from './audit-flow.js';

/** Consent and charting, how it went (outcomes, side effects), before and after photos. */
export function treatmentSteps({ ids, id, paula }: FlowContext): Step[] {
  return [
    // Consent, then charting the session that took place.
    {
      route: 'POST /api/patients/:id/consents',
      as: 'patient',
      url: () => `/api/patients/${paula}/consents`,
      status: 201,
      payload: () => ({
        consentTextId: id('consentText'),
        typedName: 'Paula Patient',
        signatureImage: `data:image/png;base64,${sampleImages.png.toString('base64')}`,
      }),
      expected: (b) => [{ action: 'create', entity: 'consent_signature', entityId: b.id, patientId: paula }],
      keep: (b) => (ids.signature = b.id),
    },
    {
      route: 'GET /api/consent-signatures/:id/consent.pdf',
      as: 'patient',
      url: () => `/api/consent-signatures/${id('signature')}/consent.pdf`,
      status: 200,
      expected: () => [{ action: 'read', entity: 'consent_form', entityId: id('signature'), patientId: paula }],
    },
    {
      route: 'GET /api/patients/:id/consents',
      as: 'practitioner',
      url: () => `/api/patients/${paula}/consents`,
      status: 200,
      expected: (b) =>
        b.signatures.map((c: { id: string }) => ({
          action: 'read',
          entity: 'consent_signature',
          entityId: c.id,
          patientId: paula,
        })),
    },
    {
      route: 'GET /api/sessions/:id/treatment-check',
      as: 'practitioner',
      url: () => `/api/sessions/${id('pastSession')}/treatment-check`,
      status: 200,
      expected: () => [{ action: 'read', entity: 'treatment_session', entityId: id('pastSession'), patientId: paula }],
    },
    {
      route: 'POST /api/sessions/:id/chart',
      as: 'practitioner',
      url: () => `/api/sessions/${id('pastSession')}/chart`,
      status: 201,
      payload: () => ({
        anaesthesiaUsed: false,
        notes: 'Tolerated well',
        points: [
          {
            area: 'scalp',
            x: 0.4,
            y: 0.3,
            productId: id('product'),
            lotId: id('lot'),
            volumeMl: 0.2,
            depthMm: 2.5,
            technique: 'manual',
          },
        ],
      }),
      expected: (b) => [
        { action: 'create', entity: 'chart_entry', entityId: b.chart.id, patientId: paula },
        { action: 'update', entity: 'treatment_session', entityId: id('pastSession'), patientId: paula },
      ],
    },
    {
      route: 'POST /api/sessions/:id/chart/addenda',
      as: 'practitioner',
      url: () => `/api/sessions/${id('pastSession')}/chart/addenda`,
      status: 201,
      payload: () => ({ text: 'Slight bruising the next day.' }),
      expected: (b) => [{ action: 'create', entity: 'chart_addendum', entityId: b.id, patientId: paula }],
    },
    {
      route: 'GET /api/sessions/:id/chart',
      as: 'patient',
      url: () => `/api/sessions/${id('pastSession')}/chart`,
      status: 200,
      expected: (b) => [{ action: 'read', entity: 'chart_entry', entityId: b.id, patientId: paula }],
    },
    {
      route: 'GET /api/sessions/:id/aftercare.pdf',
      as: 'reception',
      url: () => `/api/sessions/${id('pastSession')}/aftercare.pdf`,
      status: 200,
      expected: () => [{ action: 'read', entity: 'aftercare_sheet', entityId: id('pastSession'), patientId: paula }],
    },
    {
      route: 'GET /api/sessions/:id/messages',
      as: 'reception',
      url: () => `/api/sessions/${id('session')}/messages`,
      status: 200,
      expected: (b) =>
        b.messages.map((m: { id: string }) => ({
          action: 'read',
          entity: 'outbox_message',
          entityId: m.id,
          patientId: paula,
        })),
    },
    {
      route: 'GET /api/lots/:id/recall',
      as: 'reception',
      url: () => `/api/lots/${id('lot')}/recall`,
      status: 200,
      expected: () => [
        { action: 'read', entity: 'patient', entityId: paula, patientId: paula },
        { action: 'read', entity: 'treatment_session', entityId: id('pastSession'), patientId: paula },
      ],
    },

    // How it went: outcomes and side effects of the charted session.
    {
      route: 'PUT /api/sessions/:id/outcome',
      as: 'patient',
      url: () => `/api/sessions/${id('pastSession')}/outcome`,
      status: 200,
      payload: () => ({ patientRating: 8 }),
      expected: (b) => [{ action: 'create', entity: 'outcome', entityId: b.id, patientId: paula }],
    },
    {
      route: 'PUT /api/sessions/:id/outcome',
      as: 'practitioner',
      url: () => `/api/sessions/${id('pastSession')}/outcome`,
      status: 200,
      payload: () => ({ practitionerRating: 7, notes: 'Less shedding' }),
      expected: (b) => [{ action: 'update', entity: 'outcome', entityId: b.id, patientId: paula }],
    },
    {
      route: 'GET /api/sessions/:id/outcome',
      as: 'practitioner',
      url: () => `/api/sessions/${id('pastSession')}/outcome`,
      status: 200,
      expected: (b) => [{ action: 'read', entity: 'outcome', entityId: b.id, patientId: paula }],
    },
    {
      route: 'GET /api/patients/:id/outcomes',
      as: 'patient',
      url: () => `/api/patients/${paula}/outcomes`,
      status: 200,
      expected: (b) =>
        b.outcomes.map((o: { id: string }) => ({
          action: 'read',
          entity: 'outcome',
          entityId: o.id,
          patientId: paula,
        })),
    },
    // Standard outcome measures of the course: the practitioner's and the patient's GAIS after the session.
    {
      route: 'POST /api/courses/:id/outcome-measures',
      as: 'practitioner',
      url: () => `/api/courses/${id('course')}/outcome-measures`,
      status: 201,
      payload: () => ({ measure: 'gais', rater: 'practitioner', sessionId: id('pastSession'), value: 3 }),
      expected: (b) => [{ action: 'create', entity: 'outcome_measure', entityId: b.id, patientId: paula }],
    },
    {
      route: 'POST /api/courses/:id/outcome-measures',
      as: 'admin',
      url: () => `/api/courses/${id('course')}/outcome-measures`,
      status: 200,
      payload: () => ({ measure: 'gais', rater: 'practitioner', sessionId: id('pastSession'), value: 2 }),
      expected: (b) => [{ action: 'update', entity: 'outcome_measure', entityId: b.id, patientId: paula }],
    },
    {
      route: 'POST /api/courses/:id/outcome-measures',
      as: 'patient',
      url: () => `/api/courses/${id('course')}/outcome-measures`,
      status: 201,
      payload: () => ({ measure: 'gais', rater: 'patient', sessionId: id('pastSession'), value: 1 }),
      expected: (b) => [{ action: 'create', entity: 'outcome_measure', entityId: b.id, patientId: paula }],
    },
    {
      route: 'GET /api/courses/:id/outcome-measures',
      as: 'patient',
      url: () => `/api/courses/${id('course')}/outcome-measures`,
      status: 200,
      expected: (b) =>
        b.values.map((v: { id: string }) => ({
          action: 'read',
          entity: 'outcome_measure',
          entityId: v.id,
          patientId: paula,
        })),
    },
    {
      route: 'POST /api/sessions/:id/side-effects',
      as: 'patient',
      url: () => `/api/sessions/${id('pastSession')}/side-effects`,
      status: 201,
      payload: () => ({
        symptom: 'There is pus and I have a fever',
        onset: inDays(-1),
        severity: 'moderate',
        ongoing: true,
      }),
      expected: (b) => [{ action: 'create', entity: 'side_effect_report', entityId: b.id, patientId: paula }],
      keep: (b) => (ids.report = b.id),
    },
    {
      route: 'POST /api/side-effects/:id/photos',
      as: 'patient',
      url: () => `/api/side-effects/${id('report')}/photos`,
      status: 201,
      form: () => [{ name: 'photo', file: sampleImages.png, filename: 'redness.png', contentType: 'image/png' }],
      expected: (b) =>
        b.photos.map((p: { id: string }) => ({
          action: 'create',
          entity: 'side_effect_photo',
          entityId: p.id,
          patientId: paula,
        })),
      keep: (b) => (ids.reportPhoto = b.photos[0].id),
    },
    {
      route: 'GET /api/sessions/:id/side-effects',
      as: 'practitioner',
      url: () => `/api/sessions/${id('pastSession')}/side-effects`,
      status: 200,
      expected: () => [
        { action: 'read', entity: 'side_effect_report', entityId: id('report'), patientId: paula },
        { action: 'read', entity: 'side_effect_photo', entityId: id('reportPhoto'), patientId: paula },
      ],
    },
    {
      route: 'GET /api/side-effects/:id',
      as: 'patient',
      url: () => `/api/side-effects/${id('report')}`,
      status: 200,
      expected: () => [
        { action: 'read', entity: 'side_effect_report', entityId: id('report'), patientId: paula },
        { action: 'read', entity: 'side_effect_photo', entityId: id('reportPhoto'), patientId: paula },
      ],
    },
    {
      route: 'GET /api/side-effects/:id/photos/:photoId',
      as: 'practitioner',
      url: () => `/api/side-effects/${id('report')}/photos/${id('reportPhoto')}`,
      status: 200,
      expected: () => [{ action: 'read', entity: 'side_effect_photo', entityId: id('reportPhoto'), patientId: paula }],
    },
    {
      route: 'POST /api/side-effects/:id/photos',
      as: 'patient',
      url: () => `/api/side-effects/${id('report')}/photos`,
      status: 201,
      form: () => [{ name: 'photo', file: sampleImages.jpeg, filename: 'blurred.jpg' }],
      expected: (b) => [{ action: 'create', entity: 'side_effect_photo', entityId: b.photos[0].id, patientId: paula }],
      keep: (b) => (ids.unwantedPhoto = b.photos[0].id),
    },
    {
      route: 'DELETE /api/side-effects/:id/photos/:photoId',
      as: 'patient',
      url: () => `/api/side-effects/${id('report')}/photos/${id('unwantedPhoto')}`,
      status: 204,
      expected: () => [
        { action: 'delete', entity: 'side_effect_photo', entityId: id('unwantedPhoto'), patientId: paula },
      ],
    },
    {
      route: 'GET /api/side-effects',
      as: 'practitioner',
      url: () => '/api/side-effects',
      status: 200,
      expected: () => [{ action: 'read', entity: 'side_effect_report', entityId: id('report'), patientId: paula }],
    },

    // Before and after photos.
    {
      route: 'POST /api/patients/:id/photos',
      as: 'practitioner',
      url: () => `/api/patients/${paula}/photos`,
      status: 201,
      form: () => [
        { name: 'kind', value: 'before' },
        { name: 'sessionId', value: id('pastSession') },
        { name: 'photo', file: sampleImages.jpeg, filename: 'before.jpg', contentType: 'image/jpeg' },
      ],
      expected: (b) => [{ action: 'create', entity: 'photo', entityId: b.id, patientId: paula }],
      keep: (b) => (ids.photo = b.id),
    },
    {
      route: 'GET /api/patients/:id/photos',
      as: 'patient',
      url: () => `/api/patients/${paula}/photos`,
      status: 200,
      expected: (b) =>
        b.photos.map((p: { id: string }) => ({ action: 'read', entity: 'photo', entityId: p.id, patientId: paula })),
    },
    {
      route: 'GET /api/photos/:id',
      as: 'patient',
      url: () => `/api/photos/${id('photo')}`,
      status: 200,
      expected: () => [{ action: 'read', entity: 'photo', entityId: id('photo'), patientId: paula }],
    },
    {
      route: 'DELETE /api/photos/:id',
      as: 'practitioner',
      url: () => `/api/photos/${id('photo')}`,
      status: 204,
      expected: () => [{ action: 'delete', entity: 'photo', entityId: id('photo'), patientId: paula }],
    },
  ];
}
