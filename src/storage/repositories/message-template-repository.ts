import type { MessageTemplate, TemplateLanguage } from '../../core/messages/message-templates.js';
import type { MessageTiming } from '../../core/messages/message-timing.js';
import type { MessageKind } from '../../core/messages/message-types.js';

/** A clinic's language and timing of messages to patients. */
export interface MessageSettingsRecord {
  clinicId: string;
  language: TemplateLanguage;
  timing: MessageTiming;
  updatedAt: string;
}

/** A clinic's own wording of one kind of message in one language. */
export interface MessageTemplateRecord extends MessageTemplate {
  clinicId: string;
  kind: MessageKind;
  language: TemplateLanguage;
  updatedAt: string;
  updatedBy: string | null;
}

/** What a clinic has changed of its messages to patients; anything not stored is the default. */
export interface MessageTemplateRepository {
  /** The clinic's settings; undefined when it has kept the defaults. */
  findSettings(clinicId: string): Promise<MessageSettingsRecord | undefined>;
  /** Sets (replaces) the clinic's settings. */
  saveSettings(
    clinicId: string,
    settings: { language: TemplateLanguage; timing: MessageTiming },
  ): Promise<MessageSettingsRecord>;
  /** The clinic's own texts, by kind (in message order) and language. */
  listTemplates(clinicId: string): Promise<MessageTemplateRecord[]>;
  /** Sets (replaces) the clinic's text of one kind in one language. */
  saveTemplate(
    input: Omit<MessageTemplateRecord, 'updatedAt' | 'updatedBy'> & { updatedBy: string | null },
  ): Promise<MessageTemplateRecord>;
  /** Removes the clinic's text (the default is used again); false when there was none. */
  deleteTemplate(clinicId: string, kind: MessageKind, language: TemplateLanguage): Promise<boolean>;
}
