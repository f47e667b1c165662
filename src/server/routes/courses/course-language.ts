import type { FastifyRequest } from 'fastify';
import type { Plan } from '../../../core/assessment/assessment-result.js';
import { planInLanguage } from '../../../core/localization/plan-in-language.js';
import type { App } from '../../app-types.js';
import { readerLanguage } from '../../reader-language.js';

/**
 * Courses as their reader reads them: each plan's knowledge-base texts (preparation, aftercare, the
 * mixture...) in the reader's language, a patient's own in theirs; codes and numbers as stored, and
 * every text the plan made for its patient as it was. The stored course is not changed.
 */
export async function coursesForReader<C extends { plan: Plan }>(
  app: App,
  request: FastifyRequest,
  courses: readonly C[],
): Promise<C[]> {
  const language = await readerLanguage(app, request);
  return courses.map((course) => ({ ...course, plan: planInLanguage(course.plan, app.knowledgeLibrary, language) }));
}
