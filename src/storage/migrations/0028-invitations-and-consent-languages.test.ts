import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createSamplePatient } from '../../test-support/stored-records.js';
import { testEngines } from '../../test-support/test-databases.js';
import { createRepositories } from '../repositories/repositories.js';
import { onDatabaseAt } from './test-support/database-at.js';
import { migrationBefore } from './test-support/rows.js';
import { denialAlert } from './test-support/denial-alert.js';

const name = '0028-invitations-and-consent-languages';
const before = migrationBefore(name);

describe.each(testEngines)('0028-invitations-and-consent-languages [$engine]', (testEngine) => {
  it('keeps the outbox and consent texts, takes invitation messages, and undoes cleanly', () =>
    onDatabaseAt(testEngine, before, async (db, migrator) => {
      const repos = createRepositories(db);
      const clinic = await repos.clinics.create({ name: 'Before' });
      const alert = await repos.outbox.enqueueForStaff(denialAlert(clinic.id));
      await sql`insert into consent_texts (id, clinic_id, procedure, version, text, active, created_at)
        values ('t1', ${clinic.id}, 'mesotherapy', 1, 'Old consent', 1, '2024-01-01T00:00:00.000Z')`.execute(db);

      expect((await migrator.migrateTo(name)).error).toBeUndefined();
      const [kept] = await db.selectFrom('outbox_messages').selectAll().execute();
      expect(kept).toMatchObject({ id: alert.id, kind: 'denial_alert', body: 'Look', status: 'pending' });
      // The rebuilt table still has its indexes (SQLite made it anew).
      if (testEngine.engine === 'sqlite') {
        const indexes = await sql<{ name: string }>`select name from sqlite_master
          where type = 'index' and tbl_name = 'outbox_messages' and sql is not null`.execute(db);
        expect(indexes.rows.map((r) => r.name)).toEqual(
          expect.arrayContaining(['outbox_messages_status_next_attempt_idx', 'outbox_messages_clinic_id_idx']),
        );
      }
      const invitation = await repos.outbox.enqueueForStaff({
        clinicId: clinic.id,
        kind: 'user_invitation',
        channel: 'email',
        recipient: 'new@example.test',
        subject: 'Invitation',
        body: 'Come',
        fingerprint: 'user_invitation:i',
        dueAt: '2029-12-01T09:00:00.000Z',
      });
      await expect(
        sql`update outbox_messages set kind = 'gossip' where id = ${invitation.id}`.execute(db),
      ).rejects.toThrow();

      // Texts from before are English; the language never changes; an unsigned text may go, a signed one not.
      expect(await repos.consent.findText('t1')).toMatchObject({ language: 'en', version: 1, active: true });
      await expect(sql`update consent_texts set language = 'tr' where id = 't1'`.execute(db)).rejects.toThrow(
        /never edited/,
      );
      const turkish = await repos.transaction((tx) =>
        tx.consent.createText({
          clinicId: clinic.id,
          procedure: 'mesotherapy',
          language: 'tr',
          text: 'Onam',
          active: true,
        }),
      );
      expect(turkish).toMatchObject({ version: 2, language: 'tr', active: true });
      expect((await repos.consent.findText('t1'))?.active).toBe(true);
      const patient = await createSamplePatient(repos, clinic.id);
      await repos.consent.sign({ patientId: patient.id, consentTextId: 't1', typedName: 'P', userId: null });
      await expect(sql`delete from consent_texts where id = 't1'`.execute(db)).rejects.toThrow(
        /a patient signed is never deleted/,
      );
      await sql`delete from consent_texts where id = ${turkish.id}`.execute(db);
      expect(await repos.consent.findText(turkish.id)).toBeUndefined();

      expect((await migrator.migrateTo(before)).error).toBeUndefined();
      const left = await db.selectFrom('outbox_messages').select(['id', 'kind']).execute();
      expect(left).toEqual([{ id: alert.id, kind: 'denial_alert' }]);
      await expect(sql`delete from consent_texts where id = 't1'`.execute(db)).rejects.toThrow(/never edited/);
      const tables = (await db.introspection.getTables()).map((t) => t.name);
      expect(tables).not.toContain('user_invitations');
    }));
});
