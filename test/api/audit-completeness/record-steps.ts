import { expect } from 'vitest';
import { inDays, type FlowContext, type Step } from './audit-flow.js';

/** Registration and the record, intake and assessment, booking, re-screening. */
export function recordSteps({ t, ids, id, paula, location, intake, intakeWrites, sessionReads }: FlowContext): Step[] {
  return [
    // Registration and the record.
    {
      route: 'POST /api/patients',
      as: 'reception',
      url: () => '/api/patients',
      status: 201,
      payload: () => ({
        firstName: 'Clara',
        lastName: 'Audit',
        birthDate: '1988-02-03',
        sex: 'female',
        phone: '+49 30 555',
        email: null,
      }),
      expected: (b) => [{ action: 'create', entity: 'patient', entityId: b.id, patientId: b.id }],
      keep: (b) => (ids.clara = b.id),
    },
    {
      route: 'GET /api/patients',
      as: 'reception',
      url: () => '/api/patients?name=Clara%20Audit',
      status: 200,
      expected: (b) =>
        b.patients.map((p: { id: string }) => ({ action: 'read', entity: 'patient', entityId: p.id, patientId: p.id })),
    },
    {
      route: 'PATCH /api/patients/:id',
      as: 'reception',
      url: () => `/api/patients/${id('clara')}`,
      status: 200,
      payload: () => ({ phone: '+49 30 556' }),
      expected: () => [{ action: 'update', entity: 'patient', entityId: id('clara'), patientId: id('clara') }],
    },
    ...patientRecordSteps({ t, ids, id }),
    {
      route: 'GET /api/patients/:id',
      as: 'patient',
      url: () => `/api/patients/${paula}`,
      status: 200,
      expected: () => [{ action: 'read', entity: 'patient', entityId: paula, patientId: paula }],
    },
    {
      route: 'DELETE /api/patients/:id',
      as: 'admin',
      url: () => `/api/patients/${id('clara')}`,
      status: 204,
      expected: () => [{ action: 'delete', entity: 'patient', entityId: id('clara'), patientId: id('clara') }],
    },

    // Intake, assessment, course.
    {
      route: 'POST /api/patients/:id/intakes',
      as: 'practitioner',
      url: () => `/api/patients/${paula}/intakes`,
      status: 201,
      payload: () => intake(),
      expected: (b) => intakeWrites(b, paula),
      keep: (b) => (ids.assessment = b.assessment.id),
    },
    {
      route: 'GET /api/patients/:id/intakes',
      as: 'patient',
      url: () => `/api/patients/${paula}/intakes`,
      status: 200,
      expected: (b) =>
        b.intakes.flatMap((i: { id: string; assessment: { id: string } | null }) => [
          { action: 'read', entity: 'intake', entityId: i.id, patientId: paula },
          ...(i.assessment
            ? [{ action: 'read' as const, entity: 'assessment', entityId: i.assessment.id, patientId: paula }]
            : []),
        ]),
    },
    {
      route: 'GET /api/assessments/:id',
      as: 'practitioner',
      url: () => `/api/assessments/${id('assessment')}`,
      status: 200,
      expected: () => [{ action: 'read', entity: 'assessment', entityId: id('assessment'), patientId: paula }],
    },
    {
      route: 'POST /api/patients/:id/courses',
      as: 'practitioner',
      url: () => `/api/patients/${paula}/courses`,
      status: 201,
      payload: () => ({ assessmentId: id('assessment') }),
      expected: (b) => [{ action: 'create', entity: 'course', entityId: b.id, patientId: paula }],
      keep: (b) => (ids.course = b.id),
    },
    {
      route: 'GET /api/patients/:id/courses',
      as: 'patient',
      url: () => `/api/patients/${paula}/courses`,
      status: 200,
      expected: (b) =>
        b.courses.map((c: { id: string }) => ({ action: 'read', entity: 'course', entityId: c.id, patientId: paula })),
    },
    {
      route: 'GET /api/courses/:id',
      as: 'practitioner',
      url: () => `/api/courses/${id('course')}`,
      status: 200,
      expected: () => [{ action: 'read', entity: 'course', entityId: id('course'), patientId: paula }],
    },

    // Booking and the schedule.
    {
      route: 'POST /api/courses/:id/sessions',
      as: 'reception',
      url: () => `/api/courses/${id('course')}/sessions`,
      status: 201,
      payload: () => ({
        scheduledAt: inDays(-2),
        locationId: location,
        practitionerId: t.fixture.users.practitioner.id,
      }),
      expected: (b) => [{ action: 'create', entity: 'treatment_session', entityId: b.id, patientId: paula }],
      keep: (b) => (ids.pastSession = b.id),
    },
    {
      route: 'POST /api/courses/:id/sessions',
      as: 'practitioner',
      url: () => `/api/courses/${id('course')}/sessions`,
      status: 201,
      payload: () => ({
        scheduledAt: inDays(10),
        locationId: location,
        practitionerId: t.fixture.users.practitioner.id,
      }),
      expected: (b) => [{ action: 'create', entity: 'treatment_session', entityId: b.id, patientId: paula }],
      keep: (b) => (ids.session = b.id),
    },
    {
      route: 'PATCH /api/sessions/:id',
      as: 'reception',
      url: () => `/api/sessions/${id('session')}`,
      status: 200,
      payload: () => ({ scheduledAt: inDays(11) }),
      expected: () => [{ action: 'update', entity: 'treatment_session', entityId: id('session'), patientId: paula }],
    },
    {
      route: 'GET /api/courses/:id/sessions',
      as: 'patient',
      url: () => `/api/courses/${id('course')}/sessions`,
      status: 200,
      expected: (b) => sessionReads(b.sessions, paula),
    },
    {
      route: 'GET /api/patients/:id/sessions',
      as: 'reception',
      url: () => `/api/patients/${paula}/sessions`,
      status: 200,
      expected: (b) => sessionReads(b.sessions, paula),
    },
    {
      route: 'GET /api/sessions',
      as: 'reception',
      url: () => `/api/sessions?practitionerId=${t.fixture.users.practitioner.id}`,
      status: 200,
      expected: (b) =>
        b.entries.map((e: { session: { id: string }; patient: { id: string } }) => ({
          action: 'read',
          entity: 'treatment_session',
          entityId: e.session.id,
          patientId: e.patient.id,
        })),
    },
    {
      route: 'GET /api/sessions/:id',
      as: 'patient',
      url: () => `/api/sessions/${id('session')}`,
      status: 200,
      expected: () => [{ action: 'read', entity: 'treatment_session', entityId: id('session'), patientId: paula }],
    },

    // Re-screening: a new intake flags the upcoming session; the flag list is a read of it.
    {
      route: 'POST /api/patients/:id/intakes',
      as: 'practitioner',
      url: () => `/api/patients/${paula}/intakes`,
      status: 201,
      payload: () => intake({ pregnant: true }),
      expected: (b) => [
        ...intakeWrites(b, paula),
        { action: 'update', entity: 'treatment_session', entityId: id('session'), patientId: paula },
      ],
    },
    {
      route: 'GET /api/flags',
      as: 'practitioner',
      url: () => '/api/flags',
      status: 200,
      expected: (b) => {
        expect(b.flags.map((f: { session: { id: string } }) => f.session.id)).toEqual([id('session')]);
        return [{ action: 'read', entity: 'treatment_session', entityId: id('session'), patientId: paula }];
      },
    },
    {
      route: 'POST /api/courses/:id/sessions',
      as: 'reception',
      url: () => `/api/courses/${id('course')}/sessions`,
      status: 201,
      payload: () => ({ scheduledAt: inDays(25), locationId: location }),
      // Booked while the intake says pregnant: screened and flagged at once.
      expected: (b) => [
        { action: 'create', entity: 'treatment_session', entityId: b.id, patientId: paula },
        { action: 'update', entity: 'treatment_session', entityId: b.id, patientId: paula },
      ],
      keep: async (b) => {
        ids.unscreened = b.id;
        // As if last screened (and cleared) under an older knowledge base: the next run must flag it.
        await t.repos.screening.recordScreening(b.id, { knowledgeBaseVersion: '0.9.0+older', flag: null });
      },
    },
    {
      route: 'POST /api/flags/rescreen',
      as: 'admin',
      url: () => '/api/flags/rescreen',
      status: 200,
      expected: () => [{ action: 'update', entity: 'treatment_session', entityId: id('unscreened'), patientId: paula }],
    },
    {
      route: 'POST /api/patients/:id/intakes',
      as: 'practitioner',
      url: () => `/api/patients/${paula}/intakes`,
      status: 201,
      payload: () => intake(),
      expected: (b) => [
        ...intakeWrites(b, paula),
        { action: 'update', entity: 'treatment_session', entityId: id('session'), patientId: paula },
        { action: 'update', entity: 'treatment_session', entityId: id('unscreened'), patientId: paula },
      ],
      keep: (b) => (ids.assessment = b.assessment.id),
    },
  ];
}

/** A record over time: duplicates, its history, deactivation, and a merge with its reversal. */
function patientRecordSteps({ t, ids, id }: Pick<FlowContext, 't' | 'ids' | 'id'>): Step[] {
  const both = (action: 'create' | 'update', mergeId: string) =>
    [id('mona'), id('monaTwin')].map((patientId) => ({
      action,
      entity: 'patient_merge',
      entityId: mergeId,
      patientId,
    }));
  const twinUpdated = () => ({
    action: 'update' as const,
    entity: 'patient',
    entityId: id('monaTwin'),
    patientId: id('monaTwin'),
  });
  return [
    {
      route: 'GET /api/patients/duplicates',
      as: 'reception',
      url: () => '/api/patients/duplicates?firstName=CLARA&lastName=audit&birthDate=1988-02-03',
      status: 200,
      expected: () => [{ action: 'read', entity: 'patient', entityId: id('clara'), patientId: id('clara') }],
    },
    {
      route: 'GET /api/patients/:id/history',
      as: 'reception',
      url: () => `/api/patients/${id('clara')}/history`,
      status: 200,
      expected: (b) =>
        b.changes.map((c: { id: string }) => ({
          action: 'read',
          entity: 'patient_change',
          entityId: c.id,
          patientId: id('clara'),
        })),
    },
    {
      route: 'POST /api/patients/:id/deactivate',
      as: 'reception',
      url: () => `/api/patients/${id('clara')}/deactivate`,
      status: 200,
      expected: () => [{ action: 'update', entity: 'patient', entityId: id('clara'), patientId: id('clara') }],
    },
    {
      route: 'POST /api/patients/:id/reactivate',
      as: 'reception',
      url: () => `/api/patients/${id('clara')}/reactivate`,
      status: 200,
      expected: () => [{ action: 'update', entity: 'patient', entityId: id('clara'), patientId: id('clara') }],
      // Two records of one person, for the merge.
      keep: async () => {
        const mona = {
          clinicId: t.fixture.clinic.id,
          lastName: 'Merge',
          birthDate: '1979-09-09',
          sex: 'female' as const,
        };
        ids.mona = (await t.repos.patients.create({ ...mona, firstName: 'Mona' })).id;
        ids.monaTwin = (await t.repos.patients.create({ ...mona, firstName: 'MONA' })).id;
      },
    },
    {
      route: 'POST /api/patients/:id/merges',
      as: 'admin',
      url: () => `/api/patients/${id('mona')}/merges`,
      payload: () => ({ mergedPatientId: id('monaTwin') }),
      status: 201,
      expected: (b) => [...both('create', b.id), twinUpdated()],
      keep: (b) => (ids.merge = b.id),
    },
    {
      route: 'GET /api/patients/:id/merges',
      as: 'reception',
      url: () => `/api/patients/${id('mona')}/merges`,
      status: 200,
      expected: () => [{ action: 'read', entity: 'patient_merge', entityId: id('merge'), patientId: id('mona') }],
    },
    {
      route: 'POST /api/patients/:id/merges/:mergeId/reversal',
      as: 'admin',
      url: () => `/api/patients/${id('mona')}/merges/${id('merge')}/reversal`,
      status: 200,
      expected: () => [...both('update', id('merge')), twinUpdated()],
    },
  ];
}
