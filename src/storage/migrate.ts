import type { Kysely } from 'kysely';
import { Migrator, type MigrationResult } from 'kysely/migration';
import { migrations } from './migrations/migrations.js';

export class MigrationError extends Error {
  override name = 'MigrationError';
}

function migrator<DB>(db: Kysely<DB>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

function check(results: MigrationResult[] | undefined, error: unknown): string[] {
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new MigrationError(
      `migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Brings the schema up to date; returns the names of the migrations it ran. Safe to run on every start. */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<string[]> {
  const { results, error } = await migrator(db).migrateToLatest();
  return check(results, error);
}

/** Undoes every migration (for tests of the down steps). */
export async function migrateToEmpty<DB>(db: Kysely<DB>): Promise<string[]> {
  const m = migrator(db);
  const names: string[] = [];
  for (;;) {
    const { results, error } = await m.migrateDown();
    const done = check(results, error);
    if (done.length === 0) return names;
    names.push(...done);
  }
}
