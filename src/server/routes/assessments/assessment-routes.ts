import { assessInLanguage } from '../../../core/localization/assess-in-language.js';
import { resultInLanguage } from '../../../core/localization/result-in-language.js';
import { intakeRequestSchema } from '../../../core/assessment/parse-intake.js';
import type { App } from '../../app-types.js';
import { requireAuth } from '../../plugins/authentication.js';
import { allow, anyRole } from '../../plugins/access-control.js';
import { loadAccessibleAssessment } from '../../../services/access/assessment-access.js';
import { idParams } from '../../validation/fields.js';
import { assertIntakeDates, intakeDatesRule } from '../../validation/intake-dates.js';
import { assessmentResultView, storedAssessmentView } from '../../views.js';
import { readOf } from '../../../services/audit-reads.js';
import { readerLanguage } from '../../reader-language.js';
import { answers, routeSpec } from '../route-spec.js';

/** The contract's request, checked as the core's own parser checks it (field problems and cross-field rules). */
export const intakeBody = intakeRequestSchema;

export async function assessmentRoutes(app: App): Promise<void> {
  const spec = routeSpec(['assessments']);
  app.post(
    '/api/assessments',
    spec(allow('admin', 'practitioner'), 'Assess an intake (shared/contract/assessment.md); stores nothing', {
      description: intakeDatesRule,
      body: intakeBody,
      response: answers(assessmentResultView, 400),
    }),
    async (request) => {
      assertIntakeDates(request.body, app.now());
      return assessInLanguage(request.body, app.knowledgeLibrary, await readerLanguage(app, request));
    },
  );

  app.get(
    '/api/assessments/:id',
    spec(allow(...anyRole.filter((r) => r !== 'reception')), 'A stored assessment of a patient', {
      description:
        "Its knowledge-base texts (reasons, precautions, conflicts, plan) in the reader's language; codes, verdict, figures and sources as stored.",
      params: idParams,
      response: answers(storedAssessmentView),
    }),
    async (request) => {
      const { user } = requireAuth(request);
      const assessment = await loadAccessibleAssessment(app.repos, user, request.params.id);
      await request.audit(readOf('assessment', assessment));
      // The record keeps the words it was made in; each reader sees the same knowledge-base texts in theirs.
      const language = await readerLanguage(app, request);
      return { ...assessment, result: resultInLanguage(assessment.result, app.knowledgeLibrary, language) };
    },
  );
}
