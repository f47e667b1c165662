import type { App } from '../../app-types.js';
import { clinicians } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { idParams } from '../../validation/fields.js';
import { treatmentCheckView } from './chart-schemas.js';
import { sessionTreatmentCheck } from '../../../services/treatment/session-treatment-check.js';
import { resultInLanguage } from '../../../core/localization/result-in-language.js';
import { readerLanguage } from '../../reader-language.js';
import { answers, type RouteSpec } from '../route-spec.js';

/** GET /api/sessions/:id/treatment-check: the session-day safety picture the chart page shows first. */
export async function treatmentCheckRoute(app: App, spec: RouteSpec): Promise<void> {
  app.get(
    '/api/sessions/:id/treatment-check',
    spec(
      clinicians,
      "Whether the session may be treated today: the patient's latest intake assessed for the course's treatment on the session's day, " +
        'every blocker, whether an override is possible, the plan, the anaesthetics and products judged against the allergies',
      { params: idParams, response: answers(treatmentCheckView, 404) },
    ),
    async (request) => {
      const { check, products, audit } = await sessionTreatmentCheck(
        app.repos,
        app.knowledgeBase,
        requireAuth(request).user,
        request.params.id,
        new Date(),
      );
      await request.audit(audit);
      const { session } = check;
      // Decided with the English knowledge base, as charting decides; shown in the reader's words.
      const language = await readerLanguage(app, request);
      const assessment = check.assessment && resultInLanguage(check.assessment, app.knowledgeLibrary, language);
      const plan = check.plan && {
        ...check.plan,
        mixture: { ...check.plan.mixture, name: assessment?.plan?.mixture.name ?? check.plan.mixture.name },
      };
      return {
        sessionId: session.id,
        sessionDate: check.sessionDate,
        today: check.today,
        timeZone: check.timeZone,
        future: check.gate.future,
        assessment,
        intakeId: check.intake?.id ?? null,
        allergies: check.allergies,
        blockers: check.gate.blockers,
        allowed: check.gate.allowed,
        overridable: check.gate.overridable,
        flag: session.flag ? { verdict: session.flag.verdict, reasons: session.flag.reasons } : null,
        plan,
        products,
        anaesthesiaAgents: check.anaesthesiaAgents,
      };
    },
  );
}
