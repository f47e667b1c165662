import { plannedCourse } from '../../treatment/planned-course.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assess } from '../../../core/assessment/assess.js';
import type { Intake } from '../../../core/assessment/intake-schema.js';
import { formatProblem, parseIntake } from '../../../core/assessment/parse-intake.js';
import type { KnowledgeBase } from '../../../core/knowledge/knowledge-base.js';
import { tinyPngDataUrl } from '../../../interop/test-support/tiny-png.js';
import type {
  ConsentSignatureRecord,
  ConsentTextRecord,
  CourseRecord,
  LocationRecord,
  LotRecord,
  PatientRecord,
  ProductRecord,
  TreatmentSessionRecord,
} from '../../../core/records/index.js';
import { createRepositories, type Repositories } from '../../../storage/repositories/repositories.js';
import { createDatabase } from '../../../storage/create-database.js';
import { sqliteFileName } from '../../../storage/database-config.js';
import { migrateToLatest } from '../../../storage/migrate.js';
import { demoStaff } from '../../../storage/seed/demo-data.js';
import { seedDemoSetup } from '../../../storage/seed/seed-demo.js';
import type { ClinicFixture } from '../../../test-support/clinic-fixture.js';

/*
 * Tests only: a clinic's records with everything the documents and exports read, stored through
 * the repositories as the routes would store them. Turkish text on purpose, to check the fonts and
 * encodings end to end.
 */

export interface InteropCatalogue {
  /** In Istanbul (UTC+3), so local times differ from UTC. */
  location: LocationRecord;
  product: ProductRecord;
  lots: [LotRecord, LotRecord];
  consentText: ConsentTextRecord;
}

export async function seedInteropCatalogue(repos: Repositories, clinicId: string): Promise<InteropCatalogue> {
  return repos.transaction(async (tx) => {
    const location = await tx.clinics.createLocation({
      clinicId,
      name: 'İstanbul şubesi',
      address: 'Bağdat Caddesi 1',
      timeZone: 'Europe/Istanbul',
    });
    const product = await tx.products.createProduct({
      clinicId,
      name: 'Saç Kokteyli',
      manufacturer: 'Örnek İlaç A.Ş.',
      ingredients: ['biotin', 'dexpanthenol'],
    });
    const lotA = await tx.products.createLot({
      productId: product.id,
      lotNumber: 'LOT-TR-A',
      expiryDate: '2027-06-30',
    });
    const lotB = await tx.products.createLot({
      productId: product.id,
      lotNumber: 'LOT-TR-B',
      expiryDate: '2027-03-31',
    });
    await tx.products.setLotRecalled(lotB.id, true);
    const consentText = await tx.consent.createText({
      clinicId,
      procedure: 'mesotherapy',
      text: 'I agree to mesotherapy of the scalp.\n\nİğne uygulamasının risklerini anladım: şişlik, kızarıklık ve morarma olabilir.',
      active: true,
    });
    return { location, product, lots: [lotA, { ...lotB, recalled: true }], consentText };
  });
}

/** The latest intake's facts: what a FHIR export carries and an import should give back. */
export function interopIntake(patient: PatientRecord): Intake {
  const parsed = parseIntake({
    patient: {
      birthDate: patient.birthDate,
      sex: patient.sex,
      pregnant: false,
      breastfeeding: false,
      conditions: [{ code: 'hypertension', controlled: true }],
      medications: [{ name: 'metformin', class: 'other', ongoing: true }],
      allergies: [{ substance: 'hyaluronidase' }],
      recentProcedures: [],
      site: { inflammation: false, skinDamage: false },
    },
    request: { indication: 'hair_loss', area: 'scalp', date: '2026-11-22', combineWith: [] },
  });
  if (!parsed.ok) throw new Error(`test intake is invalid: ${parsed.problems.map(formatProblem).join('; ')}`);
  return parsed.value;
}

export interface InteropPatientRecords {
  course: CourseRecord;
  /** Done and charted with both lots, with a side effect and an outcome. */
  doneSession: TreatmentSessionRecord;
  /** 2026-12-07 09:30Z for 30 minutes: ends 13:00 in Istanbul. */
  plannedSession: TreatmentSessionRecord;
  /** Booked without a length and not charted: no aftercare countdown can start. */
  unmeasuredSession: TreatmentSessionRecord;
  cancelledSession: TreatmentSessionRecord;
  signature: ConsentSignatureRecord;
  intake: Intake;
}

export async function seedInteropPatient(
  repos: Repositories,
  knowledgeBase: KnowledgeBase,
  catalogue: InteropCatalogue,
  patient: PatientRecord,
  practitionerId: string,
): Promise<InteropPatientRecords> {
  const intake = interopIntake(patient);
  const result = assess(intake, knowledgeBase);
  if (!result.plan) throw new Error(`test intake has no plan: ${result.verdict}`);
  const plan = result.plan;
  return repos.transaction(async (tx) => {
    const first = await tx.intakes.create({
      patientId: patient.id,
      data: { ...intake, patient: { ...intake.patient, conditions: [] } },
      createdBy: practitionerId,
    });
    await tx.assessments.create({
      intakeId: first.id,
      patientId: patient.id,
      result: assess(first.data, knowledgeBase),
      createdBy: practitionerId,
    });
    const latest = await tx.intakes.create({ patientId: patient.id, data: intake, createdBy: practitionerId });
    const assessment = await tx.assessments.create({
      intakeId: latest.id,
      patientId: patient.id,
      result,
      createdBy: practitionerId,
    });
    const course = await tx.courses.create(plannedCourse(patient.id, assessment.id, plan, practitionerId));
    const book = (scheduledAt: string, durationMinutes: number | null) =>
      tx.treatmentSessions.create({
        courseId: course.id,
        scheduledAt,
        durationMinutes,
        practitionerId,
        locationId: catalogue.location.id,
      });

    const booked = await book('2026-11-23T07:00:00.000Z', 45);
    const doneSession = (await tx.treatmentSessions.update(booked.id, { status: 'done' })) ?? booked;
    const [lotA, lotB] = catalogue.lots;
    await tx.charts.create({
      sessionId: doneSession.id,
      anaesthesiaUsed: true,
      anaesthesiaAgent: 'lidocaine cream',
      notes: 'İyi tolere etti.',
      createdBy: practitionerId,
      points: [
        {
          area: 'scalp',
          x: 0.4,
          y: 0.3,
          productId: catalogue.product.id,
          lotId: lotA.id,
          volumeMl: 0.1,
          depthMm: 1,
          technique: 'manual',
        },
        {
          area: 'scalp',
          x: 0.6,
          y: 0.3,
          productId: catalogue.product.id,
          lotId: lotB.id,
          volumeMl: 0.1,
          depthMm: 2,
          technique: 'gun',
        },
      ],
    });
    await tx.sideEffects.createReport({
      sessionId: doneSession.id,
      reporterUserId: null,
      symptom: 'şişlik ve kızarıklık',
      onset: '2026-11-23T12:00:00.000Z',
      severity: 'mild',
      triage: { level: 'expected', why: [], findings: [], sources: [], citations: [] },
    });
    await tx.outcomes.save(doneSession.id, { patientRating: 4, practitionerRating: 5, notes: 'Daha gür saç.' });

    const plannedSession = await book('2026-12-07T09:30:00.000Z', 30);
    const unmeasuredSession = await book('2026-12-14T09:30:00.000Z', null);
    const toCancel = await book('2026-12-21T09:30:00.000Z', 30);
    const cancelledSession = (await tx.treatmentSessions.update(toCancel.id, { status: 'cancelled' })) ?? toCancel;

    const signature = await tx.consent.sign({
      patientId: patient.id,
      consentTextId: catalogue.consentText.id,
      typedName: `${patient.firstName} ${patient.lastName}`,
      signatureImage: tinyPngDataUrl(),
      userId: practitionerId,
    });
    return { course, doneSession, plannedSession, unmeasuredSession, cancelledSession, signature, intake };
  });
}

/** Both patients of a clinic fixture with every kind of record: `own` is the patient account's, `others` the other patient's. */
export async function seedInteropFixture(
  repos: Repositories,
  knowledgeBase: KnowledgeBase,
  fixture: ClinicFixture,
): Promise<{ own: InteropPatientRecords; others: InteropPatientRecords }> {
  const catalogue = await seedInteropCatalogue(repos, fixture.clinic.id);
  const practitionerId = fixture.users.practitioner.id;
  const own = await seedInteropPatient(repos, knowledgeBase, catalogue, fixture.patient, practitionerId);
  const others = await seedInteropPatient(repos, knowledgeBase, catalogue, fixture.otherPatient, practitionerId);
  return { own, others };
}

export interface SeededDataDir {
  dir: string;
  /** DATABASE_URL unset: the SQLite file in the data folder, as `mesodesk backup` reads it. */
  env: Record<string, string>;
  clinicId: string;
  patient: PatientRecord;
  records: InteropPatientRecords;
}

/**
 * A data folder with a SQLite database holding the demo clinic's set-up plus one patient with every kind of
 * record, for the CLI's tests. The caller removes `dir`.
 */
export async function seedInteropDataDir(knowledgeBase: KnowledgeBase): Promise<SeededDataDir> {
  const dir = mkdtempSync(join(tmpdir(), 'mesodesk-interop-cli-'));
  const db = createDatabase({ engine: 'sqlite', file: join(dir, sqliteFileName) });
  try {
    await migrateToLatest(db);
    const repos = createRepositories(db);
    const passwordHashes = new Map(demoStaff.map((s) => [s.email, 'not-a-hash']));
    const { clinic } = await repos.transaction((tx) =>
      seedDemoSetup(tx, { passwordHashes, today: '2026-11-23', seed: 1 }),
    );
    const practitioner = await repos.users.create({
      clinicId: clinic.id,
      email: 'cli-practitioner@interop.test',
      displayName: 'Dr Deniz Kaya',
      passwordHash: 'not-a-hash',
      role: 'practitioner',
      patientId: null,
    });
    const patient = await repos.patients.create({
      clinicId: clinic.id,
      firstName: 'Ayşe',
      lastName: 'Yılmaz',
      birthDate: '1988-06-02',
      sex: 'female',
      phone: '+90 532 000 00 00',
      email: null,
    });
    const records = await seedInteropPatient(
      repos,
      knowledgeBase,
      await seedInteropCatalogue(repos, clinic.id),
      patient,
      practitioner.id,
    );
    return { dir, env: { MESODESK_DATA_DIR: dir }, clinicId: clinic.id, patient, records };
  } finally {
    await db.destroy();
  }
}
