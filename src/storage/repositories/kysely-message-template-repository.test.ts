import { beforeAll, expect, it } from 'vitest';
import type { ClinicRecord } from '../../core/records/index.js';
import { forEachEngine } from '../../test-support/test-databases.js';
import { createRepositories, type Repositories } from './repositories.js';

forEachEngine('message template repository', (getDb) => {
  let repos: Repositories;
  let clinic: ClinicRecord;
  let other: ClinicRecord;

  beforeAll(async () => {
    repos = createRepositories(getDb());
    clinic = await repos.clinics.create({ name: 'Wording' });
    other = await repos.clinics.create({ name: 'Elsewhere' });
  });

  it('keeps no settings until a clinic saves some, then replaces them', async () => {
    expect(await repos.messageTemplates.findSettings(clinic.id)).toBeUndefined();
    const timing = {
      preparationHoursBefore: null,
      reminderHoursBefore: 24,
      aftercareHoursAfter: 2,
      checkInHoursAfter: 72,
    };
    await repos.messageTemplates.saveSettings(clinic.id, { language: 'en', timing });
    const saved = await repos.messageTemplates.saveSettings(clinic.id, {
      language: 'tr',
      timing: { ...timing, preparationHoursBefore: 240 },
    });
    expect(saved).toMatchObject({
      clinicId: clinic.id,
      language: 'tr',
      timing: { ...timing, preparationHoursBefore: 240 },
    });
    expect(await repos.messageTemplates.findSettings(clinic.id)).toEqual(saved);
    expect(await repos.messageTemplates.findSettings(other.id)).toBeUndefined();
  });

  it('keeps one text per kind and language, in message order, and removes it', async () => {
    const save = (kind: 'aftercare' | 'booking_confirmation', language: 'en' | 'tr', subject: string) =>
      repos.messageTemplates.saveTemplate({
        clinicId: clinic.id,
        kind,
        language,
        subject,
        body: 'Hello {patientName}\n\n{instructions}',
        updatedBy: null,
      });
    await save('aftercare', 'tr', 'Bakım');
    await save('aftercare', 'en', 'First');
    await save('booking_confirmation', 'en', 'Booked');
    const replaced = await save('aftercare', 'en', 'Aftercare');
    expect(replaced).toMatchObject({ kind: 'aftercare', language: 'en', subject: 'Aftercare' });
    expect((await repos.messageTemplates.listTemplates(clinic.id)).map((t) => [t.kind, t.language, t.subject])).toEqual(
      [
        ['booking_confirmation', 'en', 'Booked'],
        ['aftercare', 'en', 'Aftercare'],
        ['aftercare', 'tr', 'Bakım'],
      ],
    );
    expect(await repos.messageTemplates.listTemplates(other.id)).toEqual([]);
    expect(await repos.messageTemplates.deleteTemplate(clinic.id, 'aftercare', 'tr')).toBe(true);
    expect(await repos.messageTemplates.deleteTemplate(clinic.id, 'aftercare', 'tr')).toBe(false);
    expect(await repos.messageTemplates.listTemplates(clinic.id)).toHaveLength(2);
  });

  it('refuses settings the schema does not allow, on both engines', async () => {
    await expect(
      getDb()
        .insertInto('message_settings')
        .values({
          clinic_id: other.id,
          language: 'de' as 'en',
          preparation_hours_before: null,
          reminder_hours_before: null,
          aftercare_hours_after: 0,
          check_in_hours_after: 48,
          updated_at: new Date().toISOString(),
        })
        .execute(),
    ).rejects.toThrow();
  });
});
