import { defaultTemplatesFor } from '../../core/messages/default-templates.js';
import {
  templateLanguages,
  type MessageTemplate,
  type TemplateLanguage,
} from '../../core/messages/message-templates.js';
import { defaultMessageTiming, type MessageTiming } from '../../core/messages/message-timing.js';
import { messageKinds, type MessageKind, type MessageWording } from '../../core/messages/message-types.js';
import type { PatientRecord } from '../../core/records/index.js';
import type { MessageTemplateRecord } from '../../storage/repositories/message-template-repository.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import type { MessagingSettings } from './messaging-settings.js';

/** How one clinic writes to its patients: its language, timing and own texts (defaults where it set none). */
export interface ClinicMessaging {
  language: TemplateLanguage;
  timing: MessageTiming;
  /** Whether the clinic has saved settings of its own (false: every value above is a default). */
  customised: boolean;
  templates: MessageTemplateRecord[];
}

/**
 * The language a patient's messages are written in: the patient's own where the clinic may write in
 * it, else the clinic's. (A patient's language is one of the knowledge library's; the clinic's texts
 * come in the web app's languages, which today are the same two.)
 */
export function messageLanguage(
  messaging: Pick<ClinicMessaging, 'language'>,
  patient: Pick<PatientRecord, 'preferredLanguage'>,
): TemplateLanguage {
  const preferred = templateLanguages.find((l) => l === patient.preferredLanguage);
  return preferred ?? messaging.language;
}

/**
 * The language of messages to a staff member (an alert to admins): the one they read the workspace
 * in where mesodesk writes messages in it, else English.
 */
export function staffLanguage(preferredLanguage: string): TemplateLanguage {
  return templateLanguages.find((l) => l === preferredLanguage) ?? 'en';
}

/** How each language writes dates and times; null: the server's configured locale (en-GB, en-US…). */
const languageLocales: Readonly<Record<TemplateLanguage, string | null>> = { en: null, tr: 'tr-TR' };

/** Dates and times in a message: the server's configured locale for English, each other language's own. */
export function messageLocale(language: TemplateLanguage, settings: MessagingSettings): string {
  return languageLocales[language] ?? settings.locale;
}

export async function loadClinicMessaging(repos: Repositories, clinicId: string): Promise<ClinicMessaging> {
  const settings = await repos.messageTemplates.findSettings(clinicId);
  return {
    language: settings?.language ?? 'en',
    timing: settings?.timing ?? { ...defaultMessageTiming },
    customised: settings !== undefined,
    templates: await repos.messageTemplates.listTemplates(clinicId),
  };
}

/** The clinic's texts in `language`, by kind; kinds it has not written take the default text. */
export function clinicWording(
  messaging: ClinicMessaging,
  language: TemplateLanguage = messaging.language,
): MessageWording {
  const templates: Partial<Record<MessageKind, MessageTemplate>> = {};
  for (const t of messaging.templates)
    if (t.language === language) templates[t.kind] = { subject: t.subject, body: t.body };
  return { language, templates };
}

/**
 * Every kind in every language: the clinic's text where it wrote one, else that language's default,
 * and which it is, with the default to go back to.
 */
export function templateTable(messaging: ClinicMessaging) {
  return messageKinds.flatMap((kind) =>
    templateLanguages.map((language) => {
      const own = messaging.templates.find((t) => t.kind === kind && t.language === language);
      const { subject, body } = defaultTemplatesFor(language)[kind];
      return {
        kind,
        language,
        subject: own?.subject ?? subject,
        body: own?.body ?? body,
        custom: own !== undefined,
        updatedAt: own?.updatedAt ?? null,
        defaultText: { subject, body },
      };
    }),
  );
}
