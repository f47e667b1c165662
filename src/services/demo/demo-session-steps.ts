import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import type { CourseRecord, LotRecord, PatientRecord, TreatmentSessionRecord } from '../../core/records/index.js';
import { patientAllergens } from '../../core/treatment/allergy-terms.js';
import { anaesthesiaAgents } from '../../core/treatment/plan-view.js';
import { triageSideEffect } from '../../core/triage/triage-side-effect.js';
import { newId } from '../../storage/ids.js';
import { imageFile } from '../../storage/image-files.js';
import { hashSeed } from '../../storage/seed-large/seeded-random.js';
import type { DemoProductKey } from '../../storage/seed/demo-data.js';
import { recordMaintenanceRecall } from '../scheduling/record-recall.js';
import { assertSessionHeld } from '../scheduling/session-held.js';
import { chartSession } from '../treatment/chart-session.js';
import { audit, minutes, type DemoContext } from './demo-context.js';
import { demoChartPoints } from './demo-chart-points.js';
import { illustrativePhotoSvg, renderJpeg } from './demo-images.js';
import type { DemoCourse, DemoSideEffect } from './demo-patients.js';

/** One patient's course as the steps of its history see it. */
export interface DemoCourseState {
  patient: PatientRecord;
  course: CourseRecord;
  plan: DemoCourse;
  /** Who charts and reports for the patient. */
  practitionerId: string;
  /** The patient's portal login, when they have one. */
  portalUserId?: string;
}

const chartNotes = [
  'Tolerated well; slight redness at the injection points at the end.',
  'Comfortable throughout. Aftercare explained and the sheet given.',
  'A little tender at two points; ice pack for five minutes.',
  'No bleeding; skin calm on leaving.',
];

const outcomeNotes = [
  'Steady improvement.',
  'Patient pleased with the change so far.',
  'Visible progress since the start.',
];

async function userById(ctx: DemoContext, id: string) {
  const user = await ctx.tx.users.findById(id);
  if (!user) throw new Error(`demo user ${id} is missing`);
  return user;
}

/** The lot a clinic would take: of those still usable on the day, the one that expires first. */
async function lotToUse(ctx: DemoContext, product: DemoProductKey, sessionDate: string): Promise<LotRecord> {
  const { product: record } = ctx.setup.products[product];
  const lots = (await ctx.tx.products.listLots(record.id))
    .filter((lot) => !lot.recalled && lot.expiryDate >= sessionDate)
    .sort((a, b) => a.expiryDate.localeCompare(b.expiryDate));
  const [lot] = lots;
  if (!lot) throw new Error(`no usable lot of ${record.name} on ${sessionDate}`);
  return lot;
}

/** The numbing cream, when the plan offers it and the patient is not allergic to it. */
function anaesthesiaFor(kb: KnowledgeBase, creamOffered: boolean, allergies: readonly { substance: string }[]) {
  const agent = anaesthesiaAgents(kb, patientAllergens(allergies, kb)).find((a) => a.allowed);
  return creamOffered && agent
    ? { anaesthesiaUsed: true, anaesthesiaAgent: agent.name }
    : { anaesthesiaUsed: false, anaesthesiaAgent: null };
}

/**
 * Charts a session that took place (through the treatment gate and the charting rules, as the
 * chart route does), and records how it went: the patient's and the practitioner's 1-10 ratings.
 */
export async function chartHeldSession(
  ctx: DemoContext,
  state: DemoCourseState,
  session: TreatmentSessionRecord,
  number: number,
): Promise<void> {
  const { tx, knowledgeBase, random } = ctx;
  const practitioner = await userById(ctx, session.practitionerId ?? state.practitionerId);
  const sessionDate = ctx.calendar.local(Date.parse(session.scheduledAt)).date;
  const lot = await lotToUse(ctx, state.plan.product, sessionDate);
  const intake = await tx.intakes.latestForPatient(state.patient.id);
  const anaesthesia = anaesthesiaFor(
    knowledgeBase,
    state.course.plan.anaesthesia.creamOffered,
    intake?.data.patient.allergies ?? [],
  );
  const note = random.pick(chartNotes);
  const charted = await chartSession(
    tx,
    knowledgeBase,
    practitioner,
    session.id,
    {
      ...anaesthesia,
      notes: anaesthesia.anaesthesiaUsed ? note : `No numbing cream (allergy). ${note}`,
      points: demoChartPoints({
        area: state.course.area,
        depthMm: state.course.plan.depthMm,
        productId: lot.productId,
        lotId: lot.id,
        random,
      }),
    },
    ctx.timeline.now,
  );
  await audit(ctx, practitioner, charted.audit);

  const rating = (base: number) => Math.max(1, Math.min(10, Math.round(base + number * 0.8 + random.between(-1, 1))));
  const outcome = await tx.outcomes.save(session.id, {
    patientRating: rating(3),
    practitionerRating: rating(3.5),
    notes: number > 1 && random.chance(0.5) ? random.pick(outcomeNotes) : null,
  });
  await audit(ctx, practitioner, [
    { action: 'create', entity: 'outcome', entityId: outcome.id, patientId: state.patient.id },
  ]);
}

/** A before or after photo of the session: an illustrative image, stored as an upload would be. */
export async function takePhoto(
  ctx: DemoContext,
  state: DemoCourseState,
  session: TreatmentSessionRecord,
  kind: 'before' | 'after',
): Promise<void> {
  const practitioner = await userById(ctx, session.practitionerId ?? state.practitionerId);
  const id = newId();
  // The layout of uploads (src/server/uploads/stored-images.ts): photos/<patient>/<image>.<extension>.
  const filePath = `photos/${state.patient.id}/${id}.jpg`;
  const tone = hashSeed(state.patient.lastName, state.patient.firstName);
  const bytes = await renderJpeg(illustrativePhotoSvg({ kind, tone, random: ctx.random }));
  const file = imageFile(ctx.dataDir, filePath);
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, bytes, { mode: 0o600 });
  ctx.written.push(file);
  const photo = await ctx.tx.photos.create({
    id,
    patientId: state.patient.id,
    sessionId: session.id,
    kind,
    filePath,
    mime: 'image/jpeg',
    createdBy: practitioner.id,
    bytes: bytes.length,
  });
  await audit(ctx, practitioner, [
    { action: 'create', entity: 'photo', entityId: photo.id, patientId: state.patient.id },
  ]);
}

/** After the last session: the maintenance recall the protocol gives (which completes the course), or just completed. */
export async function endCourse(ctx: DemoContext, state: DemoCourseState): Promise<void> {
  const practitioner = await userById(ctx, state.practitionerId);
  const { patient, course } = state;
  if (state.plan.end === 'recall') {
    const { recall } = await recordMaintenanceRecall(ctx.tx, { user: practitioner, courseId: course.id });
    await audit(ctx, practitioner, [
      { action: 'create', entity: 'maintenance_recall', entityId: recall.id, patientId: patient.id },
      { action: 'update', entity: 'course', entityId: course.id, patientId: patient.id },
    ]);
  } else {
    await ctx.tx.courses.setStatus(course.id, 'completed');
    await audit(ctx, practitioner, [
      { action: 'update', entity: 'course', entityId: course.id, patientId: patient.id },
    ]);
  }
}

const dayMs = 86_400_000;

/**
 * A side-effect report after a session that took place, triaged by the knowledge base and linked
 * to the session's lots, as the side-effect route stores it; the admin then recalls the session's
 * lots when the story says so.
 */
export async function reportSideEffect(
  ctx: DemoContext,
  state: DemoCourseState,
  sessionId: string,
  report: DemoSideEffect,
  reporterId: string,
): Promise<void> {
  const { tx } = ctx;
  const now = ctx.timeline.now;
  const session = await tx.treatmentSessions.findById(sessionId);
  if (!session) throw new Error(`demo session ${sessionId} is missing`);
  assertSessionHeld(session, now);
  const reporter = await userById(ctx, reporterId);
  const triage = triageSideEffect(
    {
      symptoms: report.symptoms,
      ...(report.text ? { text: report.text } : {}),
      severity: report.severity,
      area: state.course.area,
      sessionAt: session.scheduledAt,
      onsetDays: report.onsetDays,
      now: now.toISOString(),
      ongoing: report.ongoing,
    },
    ctx.knowledgeBase,
  );
  const stored = await tx.sideEffects.createReport({
    sessionId: session.id,
    reporterUserId: reporter.id,
    reportedBy: report.reportedBy,
    // The demo's staff reports are calls to the clinic.
    reportedVia: report.reportedBy === 'patient' ? 'portal' : 'phone',
    symptom: report.text ?? '',
    symptoms: report.symptoms,
    codes: [],
    onsetDays: report.onsetDays,
    onset: new Date(Math.min(Date.parse(session.scheduledAt) + report.onsetDays * dayMs, now.getTime())).toISOString(),
    severity: report.severity,
    ongoing: report.ongoing,
    triage,
  });
  await audit(ctx, reporter, [
    { action: 'create', entity: 'side_effect_report', entityId: stored.id, patientId: state.patient.id },
  ]);
  if (report.recallsLot)
    ctx.timeline.at(now.getTime() + 2 * 60 * minutes(1), async () => {
      const admin = ctx.setup.staff.admin;
      const events = [];
      for (const lot of await tx.sideEffects.lotsUsedInSession(session.id)) {
        await tx.products.setLotRecalled(lot.lotId, true);
        events.push({ action: 'update' as const, entity: 'lot', entityId: lot.lotId, patientId: null });
      }
      await audit(ctx, admin, events);
    });
}
