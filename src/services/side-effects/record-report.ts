import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import type {
  ReportChannel,
  SideEffectReportRecord,
  TreatmentSessionRecord,
  UserRecord,
} from '../../core/records/index.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import type { SessionLot } from '../../storage/repositories/side-effect-repository.js';
import { loadWritableSession } from '../access/session-access.js';
import { invalidField } from '../domain-errors.js';
import { assertSessionHeld } from '../scheduling/session-held.js';
import { storedTriage } from './report-in-language.js';
import { triageReport } from './triage-report.js';

/** A phone's clock may run a little ahead of the server's; an onset "now" is not in the future. */
const clockSkewMs = 5 * 60_000;
const DAY_MS = 86_400_000;

/** What a patient (portal) or a member of staff (by phone, in person) reports about a session. */
export interface SideEffectEntry {
  symptoms?: string[];
  symptom?: string;
  codes?: string[];
  onsetDays?: number;
  onset?: string;
  severity: 'mild' | 'moderate' | 'severe';
  ongoing: boolean;
  /** How it came in: staff say `phone` or `in_person`; a patient's report is always `portal`. */
  reportedVia?: ReportChannel;
}

export interface RecordedReport {
  report: SideEffectReportRecord;
  session: TreatmentSessionRecord;
  lots: SessionLot[];
}

/** What the schema cannot say alone: something reported, and an onset, in days or as an instant. */
function checkReportShape(entry: SideEffectEntry, now: Date): void {
  if (!entry.symptoms?.length && entry.symptom === undefined && !entry.codes?.length)
    throw invalidField('symptoms', 'required: tick at least one symptom, or describe it in symptom');
  if (entry.onsetDays === undefined && entry.onset === undefined)
    throw invalidField('onsetDays', 'required: how many days after the session it began (0: the same day)');
  if (entry.onset !== undefined && Date.parse(entry.onset) > now.getTime() + clockSkewMs)
    throw invalidField('onset', 'must not be in the future');
}

/**
 * The channel stored with the report: the portal for a patient; for staff, what they say (null when
 * an older client does not say). A patient cannot claim a call, nor staff the patient's portal.
 */
function channelOf(user: UserRecord, said: ReportChannel | undefined): ReportChannel | null {
  if (user.role === 'patient') {
    if (said !== undefined && said !== 'portal')
      throw invalidField('reportedVia', 'a patient reports through the portal: leave it out');
    return 'portal';
  }
  if (said === 'portal')
    throw invalidField('reportedVia', 'staff record a report given by phone or in person: phone or in_person');
  return said ?? null;
}

/**
 * Both forms of the onset are stored, so that every reader has the one it needs: days as reported
 * (or worked out from an instant), and an instant (for days, the session time plus those days, never
 * later than now) for exports and lists that sort by time.
 */
function reportOnset(sessionAt: string, entry: SideEffectEntry, now: Date): { onset: string; onsetDays: number } {
  const sessionMs = Date.parse(sessionAt);
  if (entry.onsetDays !== undefined)
    return {
      onset: entry.onset ?? new Date(Math.min(sessionMs + entry.onsetDays * DAY_MS, now.getTime())).toISOString(),
      onsetDays: entry.onsetDays,
    };
  const onset = entry.onset ?? now.toISOString();
  return { onset, onsetDays: Math.max(0, Math.floor((Date.parse(onset) - sessionMs) / DAY_MS)) };
}

/**
 * Records a side-effect report after a session that took place, triaged by the knowledge base as it
 * is made and linked to the lots charted in the session; call inside a transaction. The patient's
 * report in the portal and staff's report of a call or a visit go through here alike, so the same
 * symptoms get the same triage whoever enters them.
 */
export async function recordSideEffectReport(
  tx: Repositories,
  input: {
    user: UserRecord;
    sessionId: string;
    entry: SideEffectEntry;
    /** The knowledge base the triage's advice is given from (the reporter's language). */
    knowledgeBase: KnowledgeBase;
    /**
     * The language of `knowledgeBase`, stored with the triage: a reader of it reads the advice as
     * given, a reader of another language reads it made again in theirs (`reportInLanguage`).
     */
    language?: string;
    /** The knowledge base in the other languages: the report's words are read in each (see `triageSideEffect`). */
    alsoIn?: readonly KnowledgeBase[];
    now: Date;
  },
): Promise<RecordedReport> {
  const { user, entry, now } = input;
  checkReportShape(entry, now);
  const reportedVia = channelOf(user, entry.reportedVia);
  const session = await loadWritableSession(tx, user, input.sessionId);
  assertSessionHeld(session, now);
  const course = await tx.courses.findById(session.courseId);
  // The patient's own count of days is what the triage reads when a client sends both.
  const onset = entry.onsetDays !== undefined ? { onsetDays: entry.onsetDays } : { onsetAt: entry.onset };
  const triage = triageReport(
    {
      symptoms: entry.symptoms,
      text: entry.symptom,
      codes: entry.codes,
      severity: entry.severity,
      area: course?.area,
      sessionAt: session.scheduledAt,
      ...onset,
      now: now.toISOString(),
      ongoing: entry.ongoing,
    },
    input.knowledgeBase,
    input.alsoIn,
  );
  const report = await tx.sideEffects.createReport({
    sessionId: session.id,
    reporterUserId: user.id,
    reportedBy: user.role === 'patient' ? 'patient' : 'staff',
    reportedVia,
    symptom: entry.symptom ?? '',
    symptoms: entry.symptoms ?? [],
    codes: entry.codes ?? [],
    ...reportOnset(session.scheduledAt, entry, now),
    severity: entry.severity,
    ongoing: entry.ongoing,
    triage: storedTriage(triage, input.language),
  });
  return { report, session, lots: await tx.sideEffects.lotsUsedInSession(session.id) };
}
