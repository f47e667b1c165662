import { describe, expect, it } from 'vitest';
import { defaultTemplatesFor } from '../../core/messages/default-templates.js';
import { defaultMessageTiming } from '../../core/messages/message-timing.js';
import { messageKinds } from '../../core/messages/message-types.js';
import {
  clinicWording,
  messageLanguage,
  messageLocale,
  staffLanguage,
  templateTable,
  type ClinicMessaging,
} from './clinic-messaging.js';
import { defaultMessagingSettings } from './messaging-settings.js';

const noTextsOfItsOwn: ClinicMessaging = {
  language: 'en',
  timing: { ...defaultMessageTiming },
  customised: false,
  templates: [],
};
const ownEnglishCheckIn = {
  clinicId: 'c-1',
  kind: 'check_in' as const,
  language: 'en' as const,
  subject: 'After your visit, {patientName}',
  body: 'Dear {patientName},\n\n{instructions}',
  updatedAt: '2026-11-01T10:00:00.000Z',
  updatedBy: null,
};

describe('a clinic’s texts per language', () => {
  it('lists each language’s own default for every kind where the clinic wrote none', () => {
    const table = templateTable(noTextsOfItsOwn);
    expect(table).toHaveLength(messageKinds.length * 2);
    for (const row of table) {
      const defaults = defaultTemplatesFor(row.language)[row.kind];
      expect(row, `${row.kind}/${row.language}`).toEqual({
        kind: row.kind,
        language: row.language,
        ...defaults,
        custom: false,
        updatedAt: null,
        defaultText: defaults,
      });
    }
    const turkish = table.find((r) => r.kind === 'booking_confirmation' && r.language === 'tr');
    expect(turkish?.subject).toBe('Randevunuz oluşturuldu: {sessionDate}, saat {sessionTime}');
    expect(turkish?.defaultText.body).toMatch(/^Merhaba \{patientName\},\n\nSeans randevunuz oluşturuldu:/);
    const english = table.find((r) => r.kind === 'booking_confirmation' && r.language === 'en');
    expect(english?.subject).toBe('Your session on {sessionDate} at {sessionTime} is booked');
  });

  it('shows the clinic’s own text where it wrote one, with its language’s default to go back to', () => {
    const table = templateTable({ ...noTextsOfItsOwn, templates: [ownEnglishCheckIn] });
    expect(table.find((r) => r.kind === 'check_in' && r.language === 'en')).toMatchObject({
      subject: ownEnglishCheckIn.subject,
      custom: true,
      updatedAt: ownEnglishCheckIn.updatedAt,
      defaultText: defaultTemplatesFor('en').check_in,
    });
    expect(table.find((r) => r.kind === 'check_in' && r.language === 'tr')).toMatchObject({
      ...defaultTemplatesFor('tr').check_in,
      custom: false,
    });
    // The wording handed to the core holds only the clinic's own texts: the core fills in the language's defaults.
    expect(clinicWording({ ...noTextsOfItsOwn, templates: [ownEnglishCheckIn] }, 'tr')).toEqual({
      language: 'tr',
      templates: {},
    });
  });

  it('writes to a patient in their language where it can, to staff in theirs or English', () => {
    expect(messageLanguage({ language: 'en' }, { preferredLanguage: 'tr' })).toBe('tr');
    expect(messageLanguage({ language: 'tr' }, { preferredLanguage: 'de' })).toBe('tr');
    expect(staffLanguage('tr')).toBe('tr');
    expect(staffLanguage('de')).toBe('en');
    const settings = { ...defaultMessagingSettings(), locale: 'en-US' };
    expect([messageLocale('en', settings), messageLocale('tr', settings)]).toEqual(['en-US', 'tr-TR']);
  });
});
