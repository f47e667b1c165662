import type { KnowledgeLibrary } from '../../core/knowledge/knowledge-library.js';
import type { MessageTemplate, TemplateLanguage } from '../../core/messages/message-templates.js';
import type { MessageKind } from '../../core/messages/message-types.js';
import { sessionMessage } from '../../core/messages/plan-session-messages.js';
import type { TreatmentSessionRecord, UserRecord } from '../../core/records/index.js';
import type { AuditEvent } from '../../storage/repositories/audit-entries.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { loadAccessiblePatient } from '../access/patient-access.js';
import { conflict } from '../domain-errors.js';
import { clinicWording } from './clinic-messaging.js';
import { assertUsableTemplate } from './message-template-settings.js';
import { MessageSources } from './message-sources.js';
import type { MessagingSettings } from './messaging-settings.js';
import { sessionMessageInput } from './session-message-input.js';
import { found } from '../found.js';

export interface PreviewRequest {
  patientId: string;
  kind: MessageKind;
  /** The patient's (clinic-messaging.ts `messageLanguage`) when absent. */
  language?: TemplateLanguage;
  /** Wording not saved yet, to see before saving; the clinic's (or the default) text when absent. */
  draft?: MessageTemplate;
}

export interface MessagePreview {
  kind: MessageKind;
  language: TemplateLanguage;
  /** Whose wording it is: the draft sent, the clinic's saved text, or the default text. */
  wording: 'draft' | 'clinic' | 'default';
  subject: string;
  body: string;
  dueAt: string;
  /** The patient's email address; null when they have none (and so get no messages). */
  recipient: string | null;
  session: Pick<TreatmentSessionRecord, 'id' | 'scheduledAt' | 'status'>;
}

/** The patient's next planned session, or else their latest one: what a preview is written about. */
function sessionToShow(sessions: readonly TreatmentSessionRecord[], nowMs: number): TreatmentSessionRecord | undefined {
  const ahead = sessions
    .filter((s) => s.status === 'planned' && Date.parse(s.scheduledAt) >= nowMs)
    .sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
  return ahead[0] ?? [...sessions].sort((a, b) => b.scheduledAt.localeCompare(a.scheduledAt))[0];
}

/**
 * The message of one kind a named patient of the user's clinic gets for their next session (or
 * their latest), in the clinic's timing and wording (or a draft's), with the clinical part written
 * from their plan and the knowledge base as it would be sent. Nothing is stored or sent.
 */
export async function previewMessage(
  repos: Repositories,
  user: UserRecord,
  request: PreviewRequest,
  context: { messaging: MessagingSettings; knowledge: KnowledgeLibrary; now: Date },
): Promise<{ preview: MessagePreview; audit: AuditEvent[] }> {
  if (request.draft) assertUsableTemplate(request.draft);
  const patient = await loadAccessiblePatient(repos, user, request.patientId);
  const session = sessionToShow(await repos.treatmentSessions.listByPatient(patient.id), context.now.getTime());
  if (!session)
    throw conflict(
      'no_session',
      `${patient.firstName} ${patient.lastName} has no session yet: book one to see the messages they would get`,
    );
  const input = found(
    await sessionMessageInput(new MessageSources(repos), session, context.messaging, context.knowledge, {
      ...(request.language ? { language: request.language } : {}),
    }),
    'course',
  );
  const { language } = input;
  const wording = clinicWording(input.messaging, language);
  const saved = wording.templates[request.kind] !== undefined;
  if (request.draft) wording.templates[request.kind] = request.draft;
  const message = sessionMessage(request.kind, input.booked, input.plan, {
    now: context.now,
    baseUrl: context.messaging.baseUrl,
    lateSigns: input.lateSigns,
    timing: input.messaging.timing,
    wording,
  });
  if (!message)
    throw conflict(
      'no_such_message',
      `this session gets no ${request.kind.replaceAll('_', ' ')}: its plan asks for no preparation`,
    );
  return {
    preview: {
      kind: request.kind,
      language,
      wording: request.draft ? 'draft' : saved ? 'clinic' : 'default',
      subject: message.subject,
      body: message.body,
      dueAt: message.dueAt,
      recipient: patient.email,
      session: { id: session.id, scheduledAt: session.scheduledAt, status: session.status },
    },
    audit: [
      { action: 'read', entity: 'patient', entityId: patient.id, patientId: patient.id },
      { action: 'read', entity: 'treatment_session', entityId: session.id, patientId: patient.id },
    ],
  };
}
