import { expect, it } from 'vitest';
import { storedFixture } from '../../test-support/stored-fixture.js';
import { forEachEngine } from '../../test-support/test-databases.js';

forEachEngine('message template repository', (getDb) => {
  const stored = storedFixture(getDb, async (repos) => {
    const clinic = await repos.clinics.create({ name: 'Wording' });
    const other = await repos.clinics.create({ name: 'Elsewhere' });
    return { clinic, other };
  });

  it('keeps no settings until a clinic saves some, then replaces them', async () => {
    const { repos, clinic, other } = stored();
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
    const { repos, clinic, other } = stored();
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
    const { other } = stored();
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
