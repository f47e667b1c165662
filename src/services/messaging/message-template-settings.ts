import type { KnowledgeLibrary } from '../../core/knowledge/knowledge-library.js';
import {
  templateProblems,
  type MessageTemplate,
  type TemplateLanguage,
} from '../../core/messages/message-templates.js';
import { timingProblems, type MessageTiming } from '../../core/messages/message-timing.js';
import type { MessageKind } from '../../core/messages/message-types.js';
import type { TreatmentSessionRecord } from '../../core/records/index.js';
import type { AuditEvent } from '../../storage/repositories/audit-entries.js';
import type { MessageTemplateRecord } from '../../storage/repositories/message-template-repository.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { InvalidInputError } from '../domain-errors.js';
import { MessageSources } from './message-sources.js';
import type { MessagingSettings } from './messaging-settings.js';
import { scheduleSessionMessages } from './schedule-session-messages.js';

/** What saving needs to write the messages already waiting again. */
export interface RewriteContext {
  messaging: MessagingSettings;
  knowledge: KnowledgeLibrary;
  now?: Date;
}

export interface Rewritten {
  /** How many sessions' waiting messages were written again. */
  sessions: number;
  /** What to audit, in the same transaction. */
  events: AuditEvent[];
}

/**
 * Writes the clinic's waiting messages again with its current timing and wording, so a change
 * reaches every session still ahead, not only those booked later. Messages already sent are not
 * sent again (only a moved session does that: see the outbox's `upsert`).
 */
async function rewritePending(tx: Repositories, clinicId: string, context: RewriteContext): Promise<Rewritten> {
  const sessions: TreatmentSessionRecord[] = [];
  for (const id of await tx.outbox.sessionsWithPending(clinicId)) {
    const session = await tx.treatmentSessions.findById(id);
    if (session) sessions.push(session);
  }
  return rewriteSessions(tx, sessions, context);
}

async function rewriteSessions(
  tx: Repositories,
  sessions: readonly TreatmentSessionRecord[],
  context: RewriteContext,
): Promise<Rewritten> {
  const now = context.now ?? new Date();
  const sources = new MessageSources(tx);
  const events: AuditEvent[] = [];
  for (const session of sessions)
    events.push(
      ...(await scheduleSessionMessages(tx, session, context.messaging, context.knowledge, {
        now,
        sources,
        confirmation: 'as-queued',
      })),
    );
  return { sessions: sessions.length, events };
}

/**
 * Writes a patient's waiting messages again, after their language changed: the sessions still
 * planned get their messages in the new language; messages already sent stay as they went out.
 * Call inside the transaction that changed the patient.
 */
export async function rewritePatientMessages(
  tx: Repositories,
  patientId: string,
  context: RewriteContext,
): Promise<Rewritten> {
  const planned = (await tx.treatmentSessions.listByPatient(patientId)).filter((s) => s.status === 'planned');
  return rewriteSessions(tx, planned, context);
}

/** Refuses wording that cannot be sent (an unknown placeholder, named; see `templateProblems`). */
export function assertUsableTemplate(template: MessageTemplate): void {
  const problems = templateProblems(template);
  if (problems.length) throw new InvalidInputError(problems);
}

/** Saves the clinic's text of one kind in one language and writes its waiting messages again. */
export async function saveMessageTemplate(
  repos: Repositories,
  input: { clinicId: string; kind: MessageKind; language: TemplateLanguage; userId: string } & MessageTemplate,
  context: RewriteContext,
): Promise<{ template: MessageTemplateRecord } & Rewritten> {
  assertUsableTemplate(input);
  return repos.transaction(async (tx) => {
    const template = await tx.messageTemplates.saveTemplate({
      clinicId: input.clinicId,
      kind: input.kind,
      language: input.language,
      subject: input.subject,
      body: input.body,
      updatedBy: input.userId,
    });
    return { template, ...(await rewritePending(tx, input.clinicId, context)) };
  });
}

/** Goes back to the default text of one kind in one language; false when the clinic had none of its own. */
export async function removeMessageTemplate(
  repos: Repositories,
  input: { clinicId: string; kind: MessageKind; language: TemplateLanguage },
  context: RewriteContext,
): Promise<{ removed: boolean } & Rewritten> {
  return repos.transaction(async (tx) => {
    const removed = await tx.messageTemplates.deleteTemplate(input.clinicId, input.kind, input.language);
    return removed
      ? { removed, ...(await rewritePending(tx, input.clinicId, context)) }
      : { removed, sessions: 0, events: [] };
  });
}

/** Saves the clinic's language and timing (refusing timing that breaks a rule) and writes its waiting messages again. */
export async function saveMessageSettings(
  repos: Repositories,
  input: { clinicId: string; language: TemplateLanguage; timing: MessageTiming },
  context: RewriteContext,
): Promise<Rewritten> {
  const problems = timingProblems(input.timing);
  if (problems.length) throw new InvalidInputError(problems);
  return repos.transaction(async (tx) => {
    await tx.messageTemplates.saveSettings(input.clinicId, { language: input.language, timing: input.timing });
    return rewritePending(tx, input.clinicId, context);
  });
}
