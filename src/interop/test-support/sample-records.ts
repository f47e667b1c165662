import type { Plan, TimedInstruction } from '../../core/assessment/assessment-result.js';
import type { Intake } from '../../core/assessment/intake-schema.js';
import type { ChartEntryRecord, PatientRecordGroup } from '../records.js';
import { tinyPngDataUrl } from './tiny-png.js';

/** Fixed UUID-shaped ids, readable in failures: `id('session', 1)` → 00000000-0000-4000-8000-5e5510000001. */
export function id(kind: string, n: number): string {
  const tag = [...kind]
    .reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7)
    .toString(16)
    .padStart(8, '0')
    .slice(0, 8);
  return `${tag}-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

const sourced = (...citations: string[]) => ({
  sources: [...new Set(citations.map((c) => c.split(':')[0] ?? c))],
  citations,
});

export const sampleAftercare: TimedInstruction[] = [
  {
    code: 'no_water',
    text: 'Keep water off the treated area.',
    hours: { min: 10, max: 15 },
    ...sourced('000_28eead5230689bfd.txt:93'),
  },
  {
    code: 'no_makeup',
    text: 'No make-up on the treated area.',
    hours: { min: 48, max: 48 },
    ...sourced('000_28eead5230689bfd.txt:95', '003_20f0594d4ef02dbe.txt:70'),
  },
  {
    code: 'no_strenuous_exercise',
    text: 'No strenuous exercise, gym or fitness training.',
    hours: { min: 24, max: 24 },
    ...sourced('003_20f0594d4ef02dbe.txt:65'),
  },
];

export function samplePlan(aftercare: TimedInstruction[] = sampleAftercare): Plan {
  const s = sourced('000_28eead5230689bfd.txt:101');
  return {
    ...s,
    indication: 'skin_rejuvenation',
    area: 'face',
    sessions: { min: 4, max: 6 },
    intervalDays: { min: 7, max: 14 },
    protocol: { id: 'skin_rejuvenation_face', generic: false, note: '' },
    maintenance: { ...s, intervalMonths: { min: 1, max: 3 }, note: 'Monthly upkeep.' },
    depthMm: { min: 1, max: 2, ...s },
    mixture: {
      ...s,
      id: 'rejuvenation',
      name: 'Rejuvenation mixture',
      ingredients: [
        { id: 'hyaluronic_acid', name: 'Hyaluronic acid' },
        { id: 'vitamin_c', name: 'Vitamin C' },
      ],
      excluded: [],
      note: '',
    },
    anaesthesia: { ...s, creamOffered: true, agent: 'lidocaine cream', leadMinutes: { min: 20, max: 30 }, note: '' },
    durationMinutes: { min: 30, max: 45, ...s },
    resultsExpected: { ...s, afterSession: { min: 2, max: 3 }, note: '' },
    preparation: [],
    aftercare,
    expectedSideEffects: [],
  };
}

export function sampleIntakeData(): Intake {
  return {
    patient: {
      birthDate: '1988-06-02',
      sex: 'female',
      pregnant: false,
      breastfeeding: false,
      conditions: [
        { code: 'hypertension', controlled: true },
        { code: 'diabetes', insulinDependent: false, controlled: true },
        { code: 'hair_transplant', date: '2025-01-10' },
      ],
      medications: [
        { name: 'ibuprofen', class: 'nsaid', lastDose: '2026-11-10' },
        { name: 'apixaban', class: 'anticoagulant', ongoing: true },
      ],
      allergies: [{ substance: 'hyaluronidase' }],
      recentProcedures: [{ type: 'peel', date: '2026-10-01' }],
      site: { inflammation: false, skinDamage: false },
      needleFear: true,
    },
    request: { indication: 'skin_rejuvenation', area: 'face', date: '2026-11-23', combineWith: ['botox'] },
  };
}

/** One patient with a course of two sessions (one charted, with two lots), a side effect, an outcome and a signed consent. */
export function sampleGroup(n = 1): PatientRecordGroup {
  const patientId = id('patient', n);
  const clinicId = id('clinic', 1);
  const courseId = id('course', n);
  const session1 = id('session', n * 10 + 1);
  const session2 = id('session', n * 10 + 2);
  const chartId = id('chart', n);
  const productId = id('product', 1);
  const lotA = id('lot', 1);
  const lotB = id('lot', 2);
  const textId = id('consenttext', 1);
  const at = '2026-11-20T08:00:00.000Z';
  return {
    patient: {
      id: patientId,
      clinicId,
      firstName: 'Ayşe',
      lastName: 'Yılmaz',
      birthDate: '1988-06-02',
      sex: 'female',
      phone: '+90 532 000 00 00',
      email: 'ayse@example.org',
      active: true,
      mergedIntoId: null,
      preferredLanguage: 'tr',
      createdAt: at,
      updatedAt: at,
    },
    intakes: [
      {
        id: id('intake', n * 10 + 1),
        patientId,
        version: 1,
        data: { ...sampleIntakeData(), patient: { ...sampleIntakeData().patient, conditions: [] } },
        createdBy: null,
        createdAt: '2026-11-01T08:00:00.000Z',
      },
      { id: id('intake', n * 10 + 2), patientId, version: 2, data: sampleIntakeData(), createdBy: null, createdAt: at },
    ],
    courses: [
      {
        id: courseId,
        patientId,
        assessmentId: null,
        indication: 'skin_rejuvenation',
        area: 'face',
        plan: samplePlan(),
        status: 'active',
        createdBy: null,
        createdAt: at,
        updatedAt: at,
      },
    ],
    sessions: [
      {
        id: session2,
        courseId,
        patientId,
        scheduledAt: '2026-12-07T09:30:00.000Z',
        durationMinutes: 30,
        practitionerId: id('user', 1),
        locationId: id('location', 1),
        status: 'planned',
        createdAt: at,
        updatedAt: at,
      },
      {
        id: session1,
        courseId,
        patientId,
        scheduledAt: '2026-11-23T07:00:00.000Z',
        durationMinutes: 45,
        practitionerId: id('user', 1),
        locationId: id('location', 1),
        status: 'done',
        createdAt: at,
        updatedAt: at,
      },
    ],
    chartEntries: [
      {
        id: chartId,
        sessionId: session1,
        anaesthesiaUsed: true,
        anaesthesiaAgent: 'lidocaine cream',
        notes: 'Tolerated well.',
        createdBy: id('user', 1),
        createdAt: '2026-11-23T07:50:00.000Z',
        updatedAt: '2026-11-23T07:50:00.000Z',
        points: [
          {
            id: id('point', 1),
            chartEntryId: chartId,
            area: 'face',
            x: 0.4,
            y: 0.3,
            productId,
            lotId: lotA,
            volumeMl: 0.1,
            depthMm: 1,
            technique: 'manual',
          },
          {
            id: id('point', 2),
            chartEntryId: chartId,
            area: 'face',
            x: 0.6,
            y: 0.3,
            productId,
            lotId: lotB,
            volumeMl: 0.1,
            depthMm: 2,
            technique: 'manual',
          },
          {
            id: id('point', 3),
            chartEntryId: chartId,
            area: 'neck',
            x: 0.5,
            y: 0.7,
            productId,
            lotId: lotA,
            volumeMl: 0.05,
            depthMm: 1,
            technique: 'gun',
          },
        ],
      },
    ],
    sideEffects: [
      {
        id: id('sideeffect', n),
        sessionId: session1,
        reporterUserId: null,
        symptom: 'şişlik ve kızarıklık',
        onset: '2026-11-23T12:00:00.000Z',
        severity: 'mild',
        triage: { level: 'expected', why: [], findings: [], sources: [], citations: [] },
        createdAt: '2026-11-23T13:00:00.000Z',
      },
    ],
    outcomes: [
      {
        id: id('outcome', n),
        sessionId: session1,
        patientRating: 4,
        practitionerRating: 5,
        notes: 'Brighter skin.',
        patientRatingBy: 'patient',
        createdAt: '2026-11-30T10:00:00.000Z',
        updatedAt: '2026-11-30T10:00:00.000Z',
      },
    ],
    consentSignatures: [
      {
        id: id('signature', n),
        patientId,
        consentTextId: textId,
        typedName: 'Ayşe Yılmaz',
        signatureImage: tinyPngDataUrl(),
        signedAt: '2026-11-23T06:45:00.000Z',
        userId: null,
      },
    ],
    consentTexts: [
      {
        id: textId,
        clinicId,
        procedure: 'mesotherapy',
        language: 'en',
        version: 3,
        text: 'İğneli mezoterapi sonrası: şişlik, kızarıklık ve morarma olabilir.\n\nRisks were explained to me and I agree to the treatment.',
        active: true,
        createdAt: '2026-01-01T00:00:00.000Z',
      },
    ],
    products: [
      {
        id: productId,
        clinicId,
        name: 'Meso Glow',
        manufacturer: 'Örnek İlaç A.Ş.',
        ingredients: ['hyaluronic_acid', 'vitamin_c'],
        createdAt: at,
        lowStockMl: 10,
      },
    ],
    lots: [
      {
        id: lotA,
        productId,
        lotNumber: 'LOT-2026-A',
        expiryDate: '2027-06-30',
        recalled: false,
        recalledAt: null,
        createdAt: at,
        receivedMl: 50,
        remainingMl: 20,
        supplier: null,
        storageNote: null,
      },
      {
        id: lotB,
        productId,
        lotNumber: 'LOT-2026-B',
        expiryDate: '2027-09-30',
        recalled: true,
        recalledAt: '2026-12-01T00:00:00.000Z',
        createdAt: at,
        receivedMl: 50,
        remainingMl: 20,
        supplier: null,
        storageNote: null,
      },
    ],
    audit: [
      {
        id: id('audit', n),
        at: '2026-11-23T07:51:00.000Z',
        clinicId,
        userId: id('user', 1),
        role: 'practitioner',
        action: 'create',
        entity: 'chart_entry',
        entityId: chartId,
        patientId,
        route: 'POST /api/sessions/:id/chart',
        records: [{ entityId: chartId, patientId }],
      },
    ],
  };
}

/**
 * `chart` treated despite a deferral (overridden by user 1, Dr Pia), with out-of-plan values
 * confirmed and two addenda: one by Dr Pia, then one by user 2, whose name is not known.
 */
export function overriddenChart(chart: ChartEntryRecord): ChartEntryRecord {
  return {
    ...chart,
    override: {
      reason: 'Prescriber agreed by phone',
      verdict: 'defer',
      reasons: ['NSAID_WITHIN_7_DAYS'],
      by: id('user', 1),
      byName: 'Dr Pia',
      at: '2026-11-23T07:05:00.000Z',
    },
    outsidePlanConfirmed: true,
    addenda: [
      {
        id: id('addendum', 1),
        text: 'Bruise at the temple the next day.',
        createdBy: id('user', 1),
        createdByName: 'Dr Pia',
        createdAt: '2026-11-24T08:00:00.000Z',
      },
      {
        id: id('addendum', 2),
        text: 'Settled by day three.',
        createdBy: id('user', 2),
        createdByName: null,
        createdAt: '2026-11-26T08:00:00.000Z',
      },
    ],
  };
}
