import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines, type TestDatabase } from '../../test-support/test-databases.js';
import { createRepositories, type Repositories } from '../../storage/repositories/repositories.js';
import { dayTakings, owedList } from '../money/money-reports.js';
import { createDemoClinic } from './create-demo-clinic.js';
import { demoTestOptions } from './test-support/demo-test-options.js';

const sqlite = testEngines.find((e) => e.engine === 'sqlite');

/** The demo's books show every part of the money features, and add up. */
describe('the demo clinic books', () => {
  const now = new Date('2026-05-20T16:00:00Z');
  let database: TestDatabase;
  let repos: Repositories;
  let clinicId: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'mesodesk-demo-money-'));

  beforeAll(async () => {
    if (!sqlite) throw new Error('no SQLite test engine');
    database = await sqlite.create();
    ({ clinicId } = await createDemoClinic(database.db, demoTestOptions(dataDir, now)));
    repos = createRepositories(database.db);
  });
  afterAll(async () => {
    await database?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('has billing details, a price list, and quotes in every state', async () => {
    expect(await repos.money.findBillingDetails(clinicId)).toMatchObject({ currency: 'EUR', paymentTermDays: 14 });
    const kinds = new Set((await repos.money.listPrices(clinicId)).map((p) => p.kind));
    expect(kinds).toEqual(new Set(['session', 'course_package', 'product', 'area']));
    const quotes = await repos.money.listQuotes({ clinicId });
    expect(new Set(quotes.map((q) => q.status))).toEqual(new Set(['open', 'accepted', 'declined', 'withdrawn']));
    expect(quotes.some((q) => q.depositMinor > 0 && q.status === 'accepted')).toBe(true);
  });

  it('has deposits deducted, invoices in each payment state, payments of each method and a credit note', async () => {
    const invoices = await repos.invoices.listInvoices({ clinicId });
    expect(new Set(invoices.map((i) => i.kind))).toEqual(new Set(['deposit', 'invoice']));
    expect(new Set(invoices.map((i) => i.status))).toEqual(new Set(['issued', 'part_paid', 'paid']));
    expect(invoices.some((i) => i.lines.some((l) => l.totalMinor < 0))).toBe(true);
    expect(invoices.some((i) => i.creditedMinor > 0)).toBe(true);
    const numbers = invoices.map((i) => Number(i.number.slice(-6))).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    const methods = new Set<string>();
    for (const invoice of invoices)
      for (const p of await repos.invoices.listPayments(invoice.id)) methods.add(p.method);
    expect(methods).toEqual(new Set(['cash', 'card', 'transfer']));
    // Issued on the days the courses started, in time order.
    const byNumber = [...invoices].sort((a, b) => a.number.localeCompare(b.number));
    expect(byNumber.map((i) => i.issueDate)).toEqual([...byNumber.map((i) => i.issueDate)].sort());
  });

  it('owes money across more than one age bucket, and took money on some day', async () => {
    const owed = await owedList(repos, clinicId, {}, now);
    expect(owed.items.length).toBeGreaterThan(0);
    expect(owed.buckets.filter((b) => b.totalMinor > 0).length).toBeGreaterThan(1);
    const payments = (await repos.invoices.listInvoices({ clinicId })).filter((i) => i.paidMinor > 0);
    const day = payments[0]?.issueDate ?? '';
    expect((await dayTakings(repos, clinicId, { date: day }, now)).totalMinor).toBeGreaterThan(0);
  });
});
