import type { KnowledgeBase } from '../../../core/knowledge/knowledge-base.js';
import type { LocationRecord } from '../../../core/records/index.js';
import type { PortalScreening } from '../../../services/portal/portal-screening.js';

/** A screening as the portal shows it: the outcome that decides booking, and the reasons in the clinic's words. */
export function screeningFor(
  screening: PortalScreening,
  knowledgeBase: KnowledgeBase,
  locations: LocationRecord[],
  noticeHours: number,
) {
  const { assessment, intake, outcome } = screening;
  const { result } = assessment;
  const plan = result.plan;
  return {
    intakeId: intake.id,
    assessmentId: assessment.id,
    verdict: result.verdict,
    outcome,
    reasons: result.reasons.map((r) => ({
      code: r.code,
      kind: r.kind,
      ...(r.until === undefined ? {} : { until: r.until }),
      message: r.message,
    })),
    precautions: result.precautions.map((p) => ({ code: p.code, message: p.message })),
    openQuestions: result.reasons.flatMap((r) => r.questions ?? []),
    plan: plan
      ? {
          indication: plan.indication,
          indicationName: knowledgeBase.indications.get(plan.indication)?.name ?? plan.indication,
          area: plan.area,
          areaName: knowledgeBase.areas.get(plan.area)?.name ?? plan.area,
          sessions: { min: plan.sessions.min, max: plan.sessions.max },
          intervalDays: { min: plan.intervalDays.min, max: plan.intervalDays.max },
          durationMinutes: { min: plan.durationMinutes.min, max: plan.durationMinutes.max },
        }
      : null,
    requestDate: intake.data.request.date,
    intake,
    noticeHours,
    locations: locations.map((l) => ({ id: l.id, name: l.name, address: l.address, timeZone: l.timeZone })),
  };
}
