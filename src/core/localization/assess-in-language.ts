import { assess } from '../assessment/assess.js';
import type { AssessmentResult } from '../assessment/assessment-result.js';
import type { Intake } from '../assessment/intake-schema.js';
import type { KnowledgeLibrary } from '../knowledge/knowledge-library.js';
import { takesBloodThinner } from '../messages/blood-thinner-safety.js';
import { instructionsIn } from './instructions-in-language.js';

/**
 * The contract's assessment (`assess`) for a reader of `language`: made with that language's
 * knowledge base, so every text is in it and the words the reader writes are recognised, while the
 * codes, verdict, numbers and sources are the English base's (a translation changes none). The
 * plan's preparation and aftercare are decided on their English texts (`instructionsIn`): the
 * blood-thinner rules read English, and a patient on a prescribed blood thinner must not read
 * "avoid aspirin" in any language.
 */
export function assessInLanguage(intake: Intake, library: KnowledgeLibrary, language: string): AssessmentResult {
  const reader = library.for(language);
  const result = assess(intake, reader);
  if (reader === library.base || !result.plan) return result;
  const bloodThinner = takesBloodThinner(intake.patient.medications);
  const { plan } = result;
  return {
    ...result,
    plan: {
      ...plan,
      preparation: instructionsIn(plan.preparation, 'preparation', library, language, bloodThinner),
      aftercare: instructionsIn(plan.aftercare, 'aftercare', library, language, bloodThinner),
    },
  };
}
