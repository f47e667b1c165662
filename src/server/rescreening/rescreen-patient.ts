import { UnknownCodeError } from '../../core/assessment/assess.js';
import type { Intake } from '../../core/assessment/intake-schema.js';
import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import { rescreenSessions } from '../../core/rescreening/rescreen-sessions.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import type { ScreeningFlag, ScreeningTarget } from '../../storage/repositories/screening-repository.js';
import type { AuditEvent } from '../plugins/audit.js';
import { localDate } from './local-date.js';

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
  const session = { id: target.sessionId, date: localDate(target.scheduledAt, target.timeZone), indication: target.indication, area: target.area };
  try {
    const [screening] = rescreenSessions(intake, [session], knowledgeBase);
    return screening?.flagged ? { verdict: screening.verdict, reasons: screening.reasons } : null;
  } catch (error) {
    // A knowledge base that dropped the course's treatment cannot clear the session: a clinician must look.
    if (!(error instanceof UnknownCodeError)) throw error;
    return {
      verdict: cannotScreenVerdict,
      reasons: [{ code: 'UNKNOWN_TREATMENT', kind: 'temporary', message: `The knowledge base cannot assess this course: ${error.problem}`, sources: [], citations: [] }],
    };
  }
}

function sameFlag(a: ScreeningFlag | null, b: ScreeningFlag | null): boolean {
  if (a === null || b === null) return a === b;
  return a.verdict === b.verdict && JSON.stringify(a.reasons) === JSON.stringify(b.reasons);
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
  const changes: ScreeningChange[] = [];
  for (const target of targets) {
    const flag = intake ? flagFor(intake, target, knowledgeBase) : target.flag;
    const changed = !sameFlag(flag, target.flag);
    if (!changed && target.screenedWith === knowledgeBase.version) continue;
    // An unchanged flag keeps the time it was first raised.
    await repos.screening.recordScreening(target.sessionId, { knowledgeBaseVersion: knowledgeBase.version, ...(changed ? { flag } : {}) });
    if (changed) changes.push({ sessionId: target.sessionId, patientId: target.patientId, clinicId: target.clinicId, flag });
  }
  return { screened: targets.length, changes };
}

/** Each flag change is a write to the patient's session record, and is audited as one. */
export function screeningAuditEvent(change: ScreeningChange): AuditEvent {
  return { action: 'update', entity: 'treatment_session', entityId: change.sessionId, patientId: change.patientId };
}
