import type { IsoTimestamp, JsonText } from './column-values.js';

// Row types (conventions in ../database-schema.ts): opening hours and the clinic's messages to patients (0029).

/** When a location is open (src/core/scheduling's `ClinicLocation.openingHours`); no row: always open. */
export interface LocationOpeningHoursTable {
  location_id: string;
  /** JSON `WeeklyHours`: ISO weekday → local wall-clock spans. */
  weekly_hours: JsonText;
  updated_at: IsoTimestamp;
}

export type TemplateLanguageValue = 'en' | 'tr';
export type MessageKindValue =
  'booking_confirmation' | 'preparation_reminder' | 'day_before_reminder' | 'aftercare' | 'check_in';

/** A clinic's language and timing of messages to patients; no row: the defaults. Null hours: the default timing. */
export interface MessageSettingsTable {
  clinic_id: string;
  language: TemplateLanguageValue;
  preparation_hours_before: number | null;
  reminder_hours_before: number | null;
  aftercare_hours_after: number;
  check_in_hours_after: number;
  updated_at: IsoTimestamp;
}

/** A clinic's own wording of one kind of message in one language; no row: the default text. */
export interface MessageTemplatesTable {
  clinic_id: string;
  kind: MessageKindValue;
  language: TemplateLanguageValue;
  subject: string;
  body: string;
  updated_at: IsoTimestamp;
  updated_by: string | null;
}
