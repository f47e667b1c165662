import { sql } from 'kysely';
import { type Migration } from 'kysely/migration';
import { index, type MigrationDb } from './schema-helpers.js';

const levels = sql.join(['expected', 'review', 'urgent'].map((level) => sql.lit(level)));

/**
 * What side-effect reports were missing: the codes the reporter chose, whether the symptom is still
 * there, and the triage level in a column of its own so "needs attention" lists filter on an index
 * rather than inside JSON (which the two engines query differently).
 */
export const followUpDetailsMigration: Migration = {
  async up(db: MigrationDb) {
    // Nullable: reports from before this migration did not say.
    await db.schema.alterTable('side_effect_reports').addColumn('codes', 'text').execute();
    await db.schema
      .alterTable('side_effect_reports')
      .addColumn('ongoing', 'integer', (c) => c.check(sql`ongoing in (0, 1)`))
      .execute();
    await db.schema
      .alterTable('side_effect_reports')
      .addColumn('triage_level', 'text', (c) => c.check(sql`triage_level in (${levels})`))
      .execute();
    await index(db, 'side_effect_reports_triage_level_idx', 'side_effect_reports', [
      'triage_level',
      'created_at',
    ]).execute();

    // Backfilled in code: JSON functions differ between SQLite and PostgreSQL, and the table is small.
    const { rows } = await sql<{
      id: string;
      triage: string;
    }>`select id, triage from side_effect_reports where triage is not null`.execute(db);
    for (const row of rows) {
      const level = levelOf(row.triage);
      if (level) await sql`update side_effect_reports set triage_level = ${level} where id = ${row.id}`.execute(db);
    }
  },

  async down(db: MigrationDb) {
    await db.schema.dropIndex('side_effect_reports_triage_level_idx').execute();
    for (const column of ['triage_level', 'ongoing', 'codes'])
      await db.schema.alterTable('side_effect_reports').dropColumn(column).execute();
  },
};

function levelOf(triage: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(triage);
    const level = typeof parsed === 'object' && parsed !== null && 'level' in parsed ? parsed.level : undefined;
    return level === 'expected' || level === 'review' || level === 'urgent' ? level : undefined;
  } catch {
    return undefined;
  }
}
