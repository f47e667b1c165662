import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDatabase } from './create-database.js';
import { migrateToLatest } from './migrate.js';

/**
 * Every foreign key must lead some index: otherwise deleting a parent, or joining to it, scans the
 * whole child table. Checked on SQLite's catalogue (the schema is the same on both engines).
 */
describe('schema', () => {
  it('indexes every foreign key column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesodesk-fk-'));
    const file = join(dir, 'schema.sqlite');
    const db = createDatabase({ engine: 'sqlite', file });
    await migrateToLatest(db);
    await db.destroy();

    const sqlite = new SqliteDatabase(file, { readonly: true });
    try {
      const tables = sqlite
        .prepare<[], { name: string }>(
          "select name from sqlite_master where type = 'table' and name not like 'kysely_%' and name not like 'sqlite_%'",
        )
        .all();
      const leadingColumn = (index: string) =>
        sqlite
          .prepare<[], { name: string; seqno: number }>(`pragma index_info("${index}")`)
          .all()
          .find((c) => c.seqno === 0)?.name;
      const missing: string[] = [];
      let foreignKeys = 0;
      for (const { name } of tables) {
        const indexed = new Set(
          sqlite
            .prepare<[], { name: string }>(`pragma index_list("${name}")`)
            .all()
            .map((index) => leadingColumn(index.name)),
        );
        for (const fk of sqlite
          .prepare<[], { from: string; table: string }>(`pragma foreign_key_list("${name}")`)
          .all())
          if (++foreignKeys && !indexed.has(fk.from)) missing.push(`${name}.${fk.from} → ${fk.table}`);
      }
      expect(missing).toEqual([]);
      expect(foreignKeys).toBeGreaterThan(30);
      expect(tables.length).toBeGreaterThanOrEqual(20);
    } finally {
      sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
