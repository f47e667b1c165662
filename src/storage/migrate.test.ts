import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../test-support/test-databases.js';
import { migrateToEmpty, migrateToLatest } from './migrate.js';
import { migrations } from './migrations/migrations.js';

const tables = [
  'clinics',
  'locations',
  'users',
  'user_invitations',
  'auth_sessions',
  'patients',
  'intakes',
  'assessments',
  'courses',
  'treatment_sessions',
  'consent_texts',
  'consent_signatures',
  'products',
  'lots',
  'chart_entries',
  'injection_points',
  'side_effect_reports',
  'side_effect_photos',
  'outcomes',
  'photos',
  'audit_log',
  'rooms',
  'practitioner_availability',
  'availability_exceptions',
  'location_opening_hours',
  'message_settings',
  'message_templates',
];

describe.each(testEngines)('migrations [$engine]', (testEngine) => {
  it('create every table, run once, and undo cleanly', async () => {
    const { db, destroy } = await testEngine.create({ migrate: false });
    try {
      expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
      expect(await migrateToLatest(db)).toEqual([]);
      const names = (await db.introspection.getTables()).map((t) => t.name);
      for (const table of tables) expect(names).toContain(table);
      expect((await db.selectFrom('session_flags').selectAll().execute()).length).toBe(0);

      expect(await migrateToEmpty(db)).toEqual(Object.keys(migrations).reverse());
      const left = (await db.introspection.getTables()).map((t) => t.name);
      for (const table of tables) expect(left).not.toContain(table);
      expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
    } finally {
      await destroy();
    }
  });

  it('enforce foreign keys and the audit log being append-only', async () => {
    const { db, destroy } = await testEngine.create();
    try {
      const now = new Date().toISOString();
      await expect(
        db
          .insertInto('locations')
          .values({
            id: 'l1',
            clinic_id: 'missing',
            name: 'x',
            address: null,
            time_zone: 'UTC',
            created_at: now,
            updated_at: now,
          })
          .execute(),
      ).rejects.toThrow();
      await db
        .insertInto('audit_log')
        .values({
          id: 'a1',
          at: now,
          clinic_id: null,
          user_id: null,
          role: null,
          action: 'read',
          entity: 'patient',
          entity_id: null,
          patient_id: null,
          route: null,
        })
        .execute();
      await expect(db.updateTable('audit_log').set({ entity: 'changed' }).execute()).rejects.toThrow(/append-only/);
      await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
      if (testEngine.engine === 'postgres')
        await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
      expect((await db.selectFrom('audit_log').select('entity').execute()).map((r) => r.entity)).toEqual(['patient']);
    } finally {
      await destroy();
    }
  });
});
