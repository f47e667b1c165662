import type { FastifyRequest } from 'fastify';
import type { KnowledgeLibrary } from '../../../core/knowledge/knowledge-library.js';
import { defaultLanguage } from '../../../core/localization/reader-language.js';
import type { PatientChangeRecord } from '../../../core/records/index.js';
import { rewritePatientMessages } from '../../../services/messaging/message-template-settings.js';
import type { Repositories } from '../../../storage/repositories/repositories.js';
import type { App } from '../../app-types.js';

/**
 * A new patient's language when the form gives none: the language the clinic writes to its patients
 * in (its message settings), so a clinic that writes in Turkish registers Turkish readers; English
 * when that is not a language of the knowledge base.
 */
export async function newPatientLanguage(
  repos: Repositories,
  clinicId: string,
  library: KnowledgeLibrary,
): Promise<string> {
  const clinic = (await repos.messageTemplates.findSettings(clinicId))?.language;
  return clinic !== undefined && library.languages.includes(clinic) ? clinic : defaultLanguage;
}

/**
 * After a change of the patient's language, their waiting messages are written again in it (in the
 * transaction of the change, audited with it): a reminder already queued then reaches them in the
 * language they chose. Nothing happens when the edit left the language as it was.
 */
export async function rewriteIfLanguageChanged(
  app: App,
  request: FastifyRequest,
  tx: Repositories,
  edited: { patient: { id: string }; changes: readonly PatientChangeRecord[] },
): Promise<void> {
  if (!edited.changes.some((c) => c.field === 'preferredLanguage')) return;
  const rewritten = await rewritePatientMessages(tx, edited.patient.id, {
    messaging: app.appConfig.messaging,
    knowledge: app.knowledgeLibrary,
    now: app.now(),
  });
  await request.audit(rewritten.events, tx);
}
