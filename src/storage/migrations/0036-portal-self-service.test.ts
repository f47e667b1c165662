import { describe, expect, it } from 'vitest';
import type { Db } from '../create-database.js';
import { testEngines } from '../../test-support/test-databases.js';
import { onDatabaseAt } from './test-support/database-at.js';
import { clinicRow, expectRefused, insertRow, migrationBefore, patientRow, rowTime } from './test-support/rows.js';

const previous = migrationBefore('0036-portal-self-service');
const at = rowTime;

const tableNames = async (db: Db) => (await db.introspection.getTables()).map((t) => t.name);

describe.each(testEngines)('0036-portal-self-service [$engine]', (testEngine) => {
  it('holds notice periods and consultation requests to their rules, and undoes cleanly', async () => {
    await onDatabaseAt(testEngine, previous, async (db, migrator) => {
      await insertRow(db, 'clinics', clinicRow('c1'));
      await insertRow(db, 'patients', patientRow('p1', 'c1'));
      expect((await migrator.migrateTo('0036-portal-self-service')).error).toBeUndefined();

      const settings = { clinic_id: 'c1', notice_hours: 24, updated_at: at };
      await insertRow(db, 'portal_settings', settings);
      await expect(insertRow(db, 'portal_settings', settings), 'a second row for the clinic').rejects.toThrow();
      for (const hours of [-1, 721])
        await expect(
          insertRow(db, 'portal_settings', { ...settings, clinic_id: `c-${hours}`, notice_hours: hours }),
          `${hours} hours`,
        ).rejects.toThrow();

      const request = {
        id: 'r1',
        clinic_id: 'c1',
        patient_id: 'p1',
        reason: 'deferred',
        status: 'open',
        created_at: at,
      };
      await insertRow(db, 'consultation_requests', request);
      await expectRefused(db, 'consultation_requests', request, [
        [{ reason: 'bored' }, 'an unknown reason'],
        [{ status: 'closed' }, 'an unknown status'],
        [{ status: 'handled' }, 'handled without when'],
        [{ handled_at: at }, 'open yet handled'],
        [{ patient_id: 'nobody' }, 'a patient that does not exist'],
      ]);
      await insertRow(db, 'consultation_requests', { ...request, id: 'r2', status: 'handled', handled_at: at });

      expect((await migrator.migrateTo(previous)).error).toBeUndefined();
      const left = await tableNames(db);
      expect(left).not.toContain('portal_settings');
      expect(left).not.toContain('consultation_requests');
    });
  });
});
