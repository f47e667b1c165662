import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Db } from '../create-database.js';
import { testEngines } from '../../test-support/test-databases.js';
import { migrations } from './migrations.js';
import { onDatabaseAt } from './test-support/database-at.js';

const previous = Object.keys(migrations)
  .filter((name) => name < '0036-portal-self-service')
  .sort()
  .at(-1) as string;

const at = '2026-01-01T00:00:00.000Z';

const insert = (db: Db, table: string, row: Record<string, unknown>) =>
  sql`insert into ${sql.table(table)} (${sql.join(Object.keys(row).map((c) => sql.ref(c)))})
    values (${sql.join(Object.values(row))})`.execute(db);

const tableNames = async (db: Db) => (await db.introspection.getTables()).map((t) => t.name);

describe.each(testEngines)('0036-portal-self-service [$engine]', (testEngine) => {
  it('holds notice periods and consultation requests to their rules, and undoes cleanly', async () => {
    await onDatabaseAt(testEngine, previous, async (db, migrator) => {
      await insert(db, 'clinics', { id: 'c1', name: 'Clinic', created_at: at, updated_at: at });
      await insert(db, 'patients', {
        id: 'p1',
        clinic_id: 'c1',
        first_name: 'Leyla',
        last_name: 'Demir',
        first_name_key: 'leyla',
        last_name_key: 'demir',
        birth_date: '1990-01-01',
        sex: 'female',
        created_at: at,
        updated_at: at,
      });
      expect((await migrator.migrateTo('0036-portal-self-service')).error).toBeUndefined();

      const settings = { clinic_id: 'c1', notice_hours: 24, updated_at: at };
      await insert(db, 'portal_settings', settings);
      await expect(insert(db, 'portal_settings', settings), 'a second row for the clinic').rejects.toThrow();
      for (const hours of [-1, 721])
        await expect(
          insert(db, 'portal_settings', { ...settings, clinic_id: `c-${hours}`, notice_hours: hours }),
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
      await insert(db, 'consultation_requests', request);
      for (const [change, why] of [
        [{ reason: 'bored' }, 'an unknown reason'],
        [{ status: 'closed' }, 'an unknown status'],
        [{ status: 'handled' }, 'handled without when'],
        [{ handled_at: at }, 'open yet handled'],
        [{ patient_id: 'nobody' }, 'a patient that does not exist'],
      ] as const)
        await expect(
          insert(db, 'consultation_requests', { ...request, id: `bad-${why}`, ...change }),
          why,
        ).rejects.toThrow();
      await insert(db, 'consultation_requests', { ...request, id: 'r2', status: 'handled', handled_at: at });

      expect((await migrator.migrateTo(previous)).error).toBeUndefined();
      const left = await tableNames(db);
      expect(left).not.toContain('portal_settings');
      expect(left).not.toContain('consultation_requests');
    });
  });
});
