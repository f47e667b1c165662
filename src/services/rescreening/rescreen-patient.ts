import { UnknownCodeError } from '../../core/assessment/assess.js';
import type { Intake } from '../../core/assessment/intake-schema.js';
import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import { rescreenSessions } from '../../core/rescreening/rescreen-sessions.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import type { ScreeningFlag, ScreeningTarget } from '../../storage/repositories/screening-repository.js';
import type { AuditEvent } from '../../storage/repositories/audit-entries.js';
import { localDate } from '../../core/dates/local-date.js';

/** A session whose flag was set, changed or cleared (`flag: null`) by a re-screening. */
export interface ScreeningChange {
  sessionId: string;
  patientId: string;
  clinicId: string;
  flag: ScreeningFlag | null;
}

export interface PatientScreening {
  /** Upcoming sessions looked at. */
  screened: number;
  changes: ScreeningChange[];
}

/** The verdict of a session whose course names a treatment the knowledge base no longer knows. */
export const cannotScreenVerdict = 'cannot_screen';

function flagFor(intake: Intake, target: ScreeningTarget, knowledgeBase: KnowledgeBase): ScreeningFlag | null {
  const session = {
    id: target.sessionId,
    date: localDate(target.scheduledAt, target.timeZone),
    indication: target.indication,
    area: target.area,
  };
  try {
    const [screening] = rescreenSessions(intake, [session], knowledgeBase);
    return screening?.flagged ? { verdict: screening.verdict, reasons: screening.reasons } : null;
  } catch (error) {
    // A knowledge base that dropped the course's treatment cannot clear the session: a clinician must look.
    if (!(error instanceof UnknownCodeError)) throw error;
    return {
      verdict: cannotScreenVerdict,
      reasons: [
        {
          code: 'UNKNOWN_TREATMENT',
          kind: 'temporary',
          message: `The knowledge base cannot assess this course: ${error.problem}`,
          sources: [],
          citations: [],
        },
      ],
    };
  }
}

function sameFlag(a: ScreeningFlag | null, b: ScreeningFlag | null): boolean {
  if (a === null || b === null) return a === b;
  return a.verdict === b.verdict && JSON.stringify(a.reasons) === JSON.stringify(b.reasons);
}

/** Screening one patient's sessions gives flag changes, and sessions that keep their flags under a new version. */
interface Screened {
  changes: ScreeningChange[];
  confirmed: string[];
}

function screenTargets(
  intake: Intake | undefined,
  targets: readonly ScreeningTarget[],
  knowledgeBase: KnowledgeBase,
  into: Screened,
): void {
  for (const target of targets) {
    const flag = intake ? flagFor(intake, target, knowledgeBase) : target.flag;
    if (!sameFlag(flag, target.flag))
      into.changes.push({ sessionId: target.sessionId, patientId: target.patientId, clinicId: target.clinicId, flag });
    else if (target.screenedWith !== knowledgeBase.version) into.confirmed.push(target.sessionId);
  }
}

async function store(repos: Repositories, knowledgeBase: KnowledgeBase, screened: Screened): Promise<void> {
  // An unchanged flag keeps the time it was first raised: only the version is written, for all of them at once.
  await repos.screening.markScreened(screened.confirmed, knowledgeBase.version);
  for (const change of screened.changes)
    await repos.screening.recordScreening(change.sessionId, {
      knowledgeBaseVersion: knowledgeBase.version,
      flag: change.flag,
    });
}

/**
 * Assesses the patient's intake again for each of their upcoming (planned, future) sessions, each
 * as of its own local date, and stores the flags and the knowledge-base version used. Pass the
 * transaction's repositories. `intake` defaults to the patient's latest; with none, flags stay as
 * they are (there is nothing to screen against).
 */
export async function rescreenPatient(
  repos: Repositories,
  knowledgeBase: KnowledgeBase,
  options: { patientId: string; now: Date; intake?: Intake },
): Promise<PatientScreening> {
  const targets = await repos.screening.upcomingSessions(options.patientId, options.now.toISOString());
  if (targets.length === 0) return { screened: 0, changes: [] };
  const intake = options.intake ?? (await repos.intakes.latestForPatient(options.patientId))?.data;
  const screened: Screened = { changes: [], confirmed: [] };
  screenTargets(intake, targets, knowledgeBase, screened);
  await store(repos, knowledgeBase, screened);
  return { screened: targets.length, changes: screened.changes };
}

/**
 * `rescreenPatient` for many patients at once, each against their latest intake, in a fixed
 * handful of queries whatever their number: a whole clinic is re-screened batch by batch after a
 * knowledge-base change. Pass the transaction's repositories.
 */
export async function rescreenPatients(
  repos: Repositories,
  knowledgeBase: KnowledgeBase,
  options: { patientIds: readonly string[]; now: Date },
): Promise<PatientScreening> {
  const targets = await repos.screening.upcomingSessionsOf(options.patientIds, options.now.toISOString());
  if (targets.length === 0) return { screened: 0, changes: [] };
  const byPatient = new Map<string, ScreeningTarget[]>();
  for (const target of targets) {
    const list = byPatient.get(target.patientId);
    if (list) list.push(target);
    else byPatient.set(target.patientId, [target]);
  }
  const intakes = await repos.intakes.latestForPatients([...byPatient.keys()]);
  const intakeOf = new Map(intakes.map((i) => [i.patientId, i.data]));
  const screened: Screened = { changes: [], confirmed: [] };
  for (const [patientId, list] of byPatient) screenTargets(intakeOf.get(patientId), list, knowledgeBase, screened);
  await store(repos, knowledgeBase, screened);
  return { screened: targets.length, changes: screened.changes };
}

/** Each flag change is a write to the patient's session record, and is audited as one. */
export function screeningAuditEvent(change: ScreeningChange): AuditEvent {
  return { action: 'update', entity: 'treatment_session', entityId: change.sessionId, patientId: change.patientId };
}
