import { assess } from '../assessment/assess.js';
import type { Reason, Verdict } from '../assessment/assessment-result.js';
import type { Intake } from '../assessment/intake-schema.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';

export interface UpcomingSession {
  id: string;
  /** The session's calendar date in the clinic's time zone (the edge converts the instant). */
  date: string;
  /** The course's treatment, when it differs from the intake's request. */
  indication?: string;
  area?: string;
}

export interface SessionScreening {
  sessionId: string;
  verdict: Verdict;
  /** True when the session must not go ahead as booked: contraindicated, or deferred past its date. */
  flagged: boolean;
  reasons: Reason[];
}

/**
 * Assesses an intake again for each upcoming session, as of that session's own date: a reason whose
 * wait ends before the session (e.g. a week after an NSAID) does not flag it. Used when a patient's
 * intake changes or the knowledge base's version does.
 */
export function rescreenSessions(intake: Intake, sessions: UpcomingSession[], kb: KnowledgeBase): SessionScreening[] {
  return sessions.map((s) => {
    const request = {
      ...intake.request,
      date: s.date,
      indication: s.indication ?? intake.request.indication,
      area: s.area ?? intake.request.area,
    };
    const result = assess({ ...intake, request }, kb);
    return {
      sessionId: s.id,
      verdict: result.verdict,
      flagged: result.verdict === 'contraindicated' || result.verdict === 'defer',
      reasons: result.reasons,
    };
  });
}
