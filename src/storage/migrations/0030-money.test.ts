import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../../test-support/test-databases.js';
import { onDatabaseAt } from './test-support/database-at.js';
import { clinicRow, expectRefused, insertRow, migrationBefore, patientRow, rowTime } from './test-support/rows.js';

const previous = migrationBefore('0030-money');
const at = rowTime;

describe.each(testEngines)('0030-money [$engine]', (testEngine) => {
  it('holds amounts, currencies, tax rates, totals and credits to their rules, and undoes cleanly', async () => {
    await onDatabaseAt(testEngine, previous, async (db, migrator) => {
      await insertRow(db, 'clinics', clinicRow('c1'));
      await insertRow(db, 'patients', patientRow('p1', 'c1', { first: 'Ayşe', last: 'Yılmaz' }));
      expect((await migrator.migrateTo('0030-money')).error).toBeUndefined();

      const price = {
        id: 'pr1',
        clinic_id: 'c1',
        kind: 'session',
        name: 'Session',
        unit_price_minor: 10_000,
        currency: 'EUR',
        tax_rate_bp: 2_000,
        created_at: at,
        updated_at: at,
      };
      await insertRow(db, 'prices', price);
      await expectRefused(db, 'prices', price, [
        [{ currency: 'eur' }, 'a lower-case currency'],
        [{ currency: 'EURO' }, 'a four-letter currency'],
        [{ currency: 'E1R' }, 'a digit in the currency'],
        [{ tax_rate_bp: 10_001 }, 'a tax rate over 100 %'],
        [{ tax_rate_bp: -1 }, 'a negative tax rate'],
        [{ unit_price_minor: -1 }, 'a negative price'],
        [{ kind: 'course_package' }, 'a package without sessions'],
        [{ sessions: 4 }, 'sessions on a session price'],
      ]);

      const invoice = {
        id: 'i1',
        clinic_id: 'c1',
        number: '2026-000001',
        kind: 'invoice',
        patient_id: 'p1',
        issue_date: '2026-01-01',
        currency: 'EUR',
        net_minor: 10_000,
        tax_minor: 2_000,
        total_minor: 12_000,
        created_at: at,
        issuer_name: 'Clinic',
        patient_name: 'Ayşe Yılmaz',
      };
      await insertRow(db, 'invoices', invoice);
      // An issued invoice always says who it is from and to; the rest of the issuer's details may be empty.
      for (const [column, why] of [
        ['issuer_name', 'no issuer name'],
        ['patient_name', 'no patient name'],
      ] as const)
        await expect(
          insertRow(db, 'invoices', { ...invoice, id: `bad-${column}`, number: why, [column]: null }),
          why,
        ).rejects.toThrow();
      await expect(insertRow(db, 'invoices', { ...invoice, id: 'i2' }), 'a number used twice').rejects.toThrow();
      await expect(
        insertRow(db, 'invoices', { ...invoice, id: 'i3', number: 'x', total_minor: 12_001 }),
        'a total that does not add up',
      ).rejects.toThrow();
      await expect(
        sql`update invoices set credited_minor = 12001 where id = 'i1'`.execute(db),
        'a credit over the total',
      ).rejects.toThrow();
      await expect(
        sql`update invoices set paid_minor = -1 where id = 'i1'`.execute(db),
        'a negative payment total',
      ).rejects.toThrow();
      const creditNote = {
        id: 'cn1',
        clinic_id: 'c1',
        number: 'CN-2026-000001',
        invoice_id: 'i1',
        patient_id: 'p1',
        issue_date: '2026-01-02',
        reason: 'Goodwill',
        currency: 'EUR',
        net_minor: 1_000,
        tax_minor: 200,
        total_minor: 1_200,
        created_at: at,
        issuer_name: 'Clinic',
        patient_name: 'Ayşe Yılmaz',
      };
      await insertRow(db, 'credit_notes', creditNote);
      await expect(
        insertRow(db, 'credit_notes', { ...creditNote, id: 'cn2', number: 'CN-x', issuer_name: null }),
        'a credit note with no issuer name',
      ).rejects.toThrow();
      const line = {
        invoice_id: 'i1',
        position: 0,
        description: 'S',
        quantity: 2,
        unit_price_minor: 5_000,
        tax_rate_bp: 2_000,
        net_minor: 10_000,
        tax_minor: 2_000,
        total_minor: 12_000,
      };
      await insertRow(db, 'invoice_lines', line);
      await expect(
        insertRow(db, 'invoice_lines', { ...line, position: 1, net_minor: 9_999, total_minor: 11_999 }),
        'net not quantity × price',
      ).rejects.toThrow();
      await expect(
        insertRow(db, 'payments', {
          id: 'pm1',
          clinic_id: 'c1',
          invoice_id: 'i1',
          patient_id: 'p1',
          amount_minor: 0,
          currency: 'EUR',
          method: 'cash',
          received_at: at,
          created_at: at,
        }),
        'a payment of nothing',
      ).rejects.toThrow();

      expect((await migrator.migrateTo(previous)).error).toBeUndefined();
      const tables = (await db.introspection.getTables()).map((t) => t.name);
      expect(tables.filter((t) => ['prices', 'invoices', 'payments', 'money_sequences'].includes(t))).toEqual([]);
    });
  });
});
