import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords } from '../test-support/parse-csv.js';
import { moneyExportCsv, moneyExportHeader, type MoneyExportInput } from './money-export.js';

const istanbul = { timeZone: 'Europe/Istanbul' };

const input: MoneyExportInput = {
  invoices: [
    {
      kind: 'invoice',
      number: '2026-000042',
      issueDate: '2026-02-15',
      patientName: 'Ayşe Yılmaz',
      currency: 'TRY',
      totals: { netMinor: 1_090_100, taxMinor: 209_010, totalMinor: 1_299_110 },
    },
    {
      kind: 'deposit',
      number: '2026-000040',
      issueDate: '2026-02-10',
      patientName: 'Ayşe Yılmaz',
      currency: 'TRY',
      totals: { netMinor: 200_000, taxMinor: 40_000, totalMinor: 240_000 },
    },
  ],
  creditNotes: [
    {
      number: 'CN-2026-000003',
      issueDate: '2026-03-02',
      patientName: 'Ayşe Yılmaz',
      currency: 'TRY',
      totals: { netMinor: 300_000, taxMinor: 60_000, totalMinor: 360_000 },
    },
  ],
  payments: [
    // 21:30 UTC on 1 March is 00:30 on 2 March in Istanbul: the clinic's day, not UTC's.
    {
      receivedAt: '2026-03-01T21:30:00Z',
      invoiceNumber: '2026-000042',
      patientName: 'Ayşe Yılmaz',
      currency: 'TRY',
      amountMinor: 500_000,
      method: 'card',
    },
    {
      receivedAt: '2026-02-10',
      invoiceNumber: '2026-000040',
      patientName: 'Ayşe Yılmaz',
      currency: 'TRY',
      amountMinor: 240_000,
      method: 'cash',
    },
  ],
};

describe('money export CSV', () => {
  it('writes one line per invoice, credit note and payment, by date, in decimal amounts', () => {
    const text = moneyExportCsv(input, istanbul);
    expect(text.startsWith(`\uFEFF${moneyExportHeader.join(',')}\r\n`)).toBe(true);
    expect(parseCsvRecords(text)).toEqual([
      row('2026-02-10', 'deposit invoice', '2026-000040', '2000.00', '400.00', '2400.00', ''),
      row('2026-02-10', 'payment', '2026-000040', '', '', '2400.00', 'cash'),
      row('2026-02-15', 'invoice', '2026-000042', '10901.00', '2090.10', '12991.10', ''),
      // A credit note takes back: negative amounts, with their minus sign (not defused as a formula).
      row('2026-03-02', 'credit note', 'CN-2026-000003', '-3000.00', '-600.00', '-3600.00', ''),
      row('2026-03-02', 'payment', '2026-000042', '', '', '5000.00', 'card'),
    ]);
  });

  it('writes each currency with its own number of decimals', () => {
    const one = (currency: string, totalMinor: number) =>
      parseCsvRecords(
        moneyExportCsv(
          {
            invoices: [],
            creditNotes: [],
            payments: [{ ...input.payments[1]!, currency, amountMinor: totalMinor }],
          },
          istanbul,
        ),
      )[0]!.total;
    expect(one('EUR', 5)).toBe('0.05');
    expect(one('JPY', 4500)).toBe('4500');
    expect(one('KWD', 1_234_567)).toBe('1234.567');
    // Beyond what a double holds to the cent as a fraction: still exact.
    expect(one('EUR', 9_007_199_254_740_991)).toBe('90071992547409.91');
  });

  it('defuses a patient name a spreadsheet would run as a formula', () => {
    const text = moneyExportCsv(
      { invoices: [], creditNotes: [], payments: [{ ...input.payments[1]!, patientName: '=HYPERLINK("x")' }] },
      { ...istanbul, bom: false },
    );
    expect(text.startsWith('date,')).toBe(true);
    expect(parseCsv(text)[1]![3]).toBe('\'=HYPERLINK("x")');
  });

  it('refuses an unknown currency or zone, a malformed date and fractions of a minor unit', () => {
    const pay = input.payments[0]!;
    const invoice = input.invoices[0]!;
    const only = (part: Partial<MoneyExportInput>) => ({ invoices: [], creditNotes: [], payments: [], ...part });
    expect(() => moneyExportCsv(only({ payments: [{ ...pay, currency: 'EURO' }] }), istanbul)).toThrow(RangeError);
    expect(() => moneyExportCsv(only({ payments: [pay] }), { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => moneyExportCsv(only({ invoices: [{ ...invoice, issueDate: '2026-02-30' }] }), istanbul)).toThrow(
      RangeError,
    );
    expect(() => moneyExportCsv(only({ payments: [{ ...pay, amountMinor: 10.5 }] }), istanbul)).toThrow(RangeError);
  });

  it('is a header only when there is nothing in the period', () => {
    expect(parseCsv(moneyExportCsv({ invoices: [], creditNotes: [], payments: [] }, istanbul))).toEqual([
      [...moneyExportHeader],
    ]);
  });
});

function row(
  date: string,
  type: string,
  number: string,
  net: string,
  tax: string,
  total: string,
  method: string,
): Record<string, string> {
  return { date, type, number, patient: 'Ayşe Yılmaz', net, tax, total, method, currency: 'TRY' };
}
