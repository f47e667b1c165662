import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../../test-support/test-databases.js';
import { migrations } from './migrations.js';
import { onDatabaseAt } from './test-support/database-at.js';

/** The migration before this one, whatever its number. */
const previous = Object.keys(migrations)
  .filter((name) => name < '0027-stock')
  .sort()
  .at(-1) as string;

describe.each(testEngines)('0027-stock [$engine]', (testEngine) => {
  it('gives lots from before stock was kept 100 ml, products a 10 ml threshold, and undoes cleanly', async () => {
    await onDatabaseAt(testEngine, previous, async (db, migrator) => {
      const at = '2026-01-01T00:00:00.000Z';
      await sql`insert into clinics (id, name, created_at, updated_at) values ('c1', 'Old clinic', ${at}, ${at})`.execute(
        db,
      );
      await sql`insert into products (id, clinic_id, name, manufacturer, ingredients, created_at)
        values ('p1', 'c1', 'Old product', null, '["zinc"]', ${at})`.execute(db);
      await sql`insert into lots (id, product_id, lot_number, expiry_date, recalled, recalled_at, created_at)
        values ('l1', 'p1', 'OLD-1', '2030-01-01', 0, null, ${at})`.execute(db);

      expect((await migrator.migrateTo('0027-stock')).error).toBeUndefined();
      const lot = (
        await sql<{
          received_ul: number;
          remaining_ul: number;
          supplier: string | null;
        }>`select received_ul, remaining_ul, supplier from lots where id = 'l1'`.execute(db)
      ).rows[0];
      expect(lot).toEqual({ received_ul: 100_000, remaining_ul: 100_000, supplier: null });
      const product = (
        await sql<{ low_stock_ul: number }>`select low_stock_ul from products where id = 'p1'`.execute(db)
      ).rows[0];
      expect(product).toEqual({ low_stock_ul: 10_000 });
      await expect(sql`update lots set remaining_ul = -1 where id = 'l1'`.execute(db)).rejects.toThrow();
      await expect(
        sql`insert into stock_counts (id, lot_id, counted_ul, expected_ul, counted_at) values ('s1', 'l1', -5, 0, ${at})`.execute(
          db,
        ),
      ).rejects.toThrow();

      expect((await migrator.migrateTo(previous)).error).toBeUndefined();
      const columns = (await sql<{ lot_number: string }>`select * from lots where id = 'l1'`.execute(db)).rows[0];
      expect(columns).not.toHaveProperty('remaining_ul');
      expect(columns).toMatchObject({ lot_number: 'OLD-1' });
    });
  });
});
