import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../core/dates/iso-date.js';
import { localDate } from '../../../core/dates/local-date.js';
import { moneyLine } from '../../../core/money/money-lines.js';
import { issuedParties } from '../../../services/money/issued-parties.js';
import type { ClinicFixture } from '../../../test-support/clinic-fixture.js';
import { forEachApp, testPassword, type TestClient } from '../../../test-support/test-app.js';
import { moneyRequests, seedPriceList } from './test-support/money-client.js';

const zone = 'America/Los_Angeles';

/** Takings, the aged list of what is owed and the accountant's export, for a clinic in Los Angeles. */
forEachApp('money report routes', (get) => {
  const { send, ok, created } = moneyRequests();

  /** A new clinic in `zone`, its admin and reception signed in and its price list set. */
  async function laClinic() {
    const clinic = await get().createOtherClinic();
    await get().repos.clinics.updateLocation(clinic.location.id, { timeZone: zone });
    const admin = await get().signInAs(clinic.users.admin.email, testPassword);
    const reception = await get().signInAs(clinic.users.reception.email, testPassword);
    const prices = await seedPriceList(admin, 'USD');
    return { clinic, admin, reception, prices };
  }
  const today = () => localDate(new Date().toISOString(), zone);

  describe('takings', () => {
    let la: Awaited<ReturnType<typeof laClinic>>;
    let invoice: { id: string; number: string };
    beforeAll(async () => {
      la = await laClinic();
      invoice = await created(la.reception, 'POST', '/api/invoices', {
        patientId: la.clinic.patient.id,
        lines: [{ priceId: la.prices.session.id, quantity: 4 }],
      });
      // 4 November 2025 in Los Angeles (UTC-8) runs from 08:00 UTC that day to 08:00 UTC the next.
      for (const [receivedAt, amountMinor, method] of [
        ['2025-11-04T07:30:00Z', 700, 'cash'],
        ['2025-11-04T08:30:00Z', 1_000, 'cash'],
        ['2025-11-05T07:30:00Z', 2_500, 'card'],
        ['2025-11-05T08:30:00Z', 400, 'transfer'],
      ] as const)
        await created(la.reception, 'POST', `/api/invoices/${invoice.id}/payments`, {
          receivedAt,
          amountMinor,
          method,
        });
    });

    it("sums a day's payments by method over the clinic's own day, not the UTC day", async () => {
      const takings = await ok(la.reception, 'GET', '/api/money/takings?date=2025-11-04');
      expect(takings).toMatchObject({
        date: '2025-11-04',
        currency: 'USD',
        byMethod: { cash: 1_000, card: 2_500, transfer: 0 },
        totalMinor: 3_500,
      });
      expect(takings.payments.map((p: { receivedAt: string }) => p.receivedAt)).toEqual([
        '2025-11-04T08:30:00.000Z',
        '2025-11-05T07:30:00.000Z',
      ]);
      expect(takings.payments[0]).toMatchObject({ invoiceNumber: invoice.number, patientName: 'Paula Patient' });
      const dayBefore = await ok(la.reception, 'GET', '/api/money/takings?date=2025-11-03');
      expect(dayBefore).toMatchObject({ byMethod: { cash: 700, card: 0, transfer: 0 }, totalMinor: 700 });
    });

    it('exports invoices, credit notes and payments for the accountant, by day', async () => {
      await created(la.reception, 'POST', `/api/invoices/${invoice.id}/credit-notes`, {
        amountMinor: 1_200,
        reason: 'Goodwill',
      });
      const response = await send(la.reception, 'GET', `/api/money/export.csv?from=2025-11-04&to=${today()}`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      const lines = response.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe('date,type,number,patient,net,tax,total,method,currency');
      const rows = lines.slice(1).map((l) => l.split(','));
      expect(rows.filter((r) => r[1] === 'payment').map((r) => [r[0], r[6], r[7]])).toEqual([
        ['2025-11-04', '10.00', 'cash'],
        ['2025-11-04', '25.00', 'card'],
        ['2025-11-05', '4.00', 'transfer'],
      ]);
      expect(rows.filter((r) => r[1] === 'invoice').map((r) => [r[2], r[6]])).toEqual([[invoice.number, '720.00']]);
      expect(rows.filter((r) => r[1] === 'credit note').map((r) => r[6])).toEqual(['-12.00']);
      for (const [url, field] of [
        ['/api/money/export.csv?from=2025-12-01&to=2025-11-01', 'from'],
        ['/api/money/export.csv?from=9999-12-01&to=9999-12-31', 'from'],
        ['/api/money/takings?date=9999-12-31', 'date'],
        ['/api/money/owed?asOf=9999-12-31', 'asOf'],
      ]) {
        const bad = await send(la.reception, 'GET', url ?? '');
        expect([bad.statusCode, bad.json().problems?.[0]?.field], url).toEqual([400, field]);
      }
    });
  });

  describe('owed', () => {
    let clinic: ClinicFixture;
    let reception: TestClient;
    let prices: Awaited<ReturnType<typeof seedPriceList>>;
    beforeAll(async () => {
      ({ clinic, reception, prices } = await laClinic());
    });

    const issue = (dueDate: string, quantity = 1) =>
      created(reception, 'POST', '/api/invoices', {
        patientId: clinic.patient.id,
        lines: [{ priceId: prices.session.id, quantity }],
        dueDate,
      }) as Promise<{ id: string; number: string; totals: { totalMinor: number } }>;

    it('ages what is owed by days past due into 0-30, 31-60, 61-90 and 90+', async () => {
      const t = today();
      const due = [t, addDays(t, 30), addDays(t, 60), addDays(t, 90)];
      const [oldest, older, newer, newest] = await Promise.all(due.map((d, i) => issue(d, i + 1)));
      const settled = await issue(t);
      await created(reception, 'POST', `/api/invoices/${settled.id}/payments`, {
        amountMinor: settled.totals.totalMinor,
        method: 'card',
      });
      await created(reception, 'POST', `/api/invoices/${newest!.id}/payments`, { amountMinor: 5_000, method: 'cash' });

      const asOf = addDays(t, 100);
      const owed = await ok(reception, 'GET', `/api/money/owed?asOf=${asOf}`);
      expect(owed.asOf).toBe(asOf);
      expect(
        owed.items.map((i: { number: string; daysOverdue: number; bucket: string }) => [
          i.number,
          i.daysOverdue,
          i.bucket,
        ]),
      ).toEqual([
        [oldest!.number, 100, '90+'],
        [older!.number, 70, '61-90'],
        [newer!.number, 40, '31-60'],
        [newest!.number, 10, '0-30'],
      ]);
      expect(owed.buckets).toEqual([
        { label: '0-30', totalMinor: newest!.totals.totalMinor - 5_000 },
        { label: '31-60', totalMinor: newer!.totals.totalMinor },
        { label: '61-90', totalMinor: older!.totals.totalMinor },
        { label: '90+', totalMinor: oldest!.totals.totalMinor },
      ]);
      const yesterday = await ok(reception, 'GET', `/api/money/owed?asOf=${addDays(t, -1)}`);
      expect(yesterday.items).toEqual([]);
    });

    it('counts only what was paid or credited by the end of the day asked about', async () => {
      const { repos } = get();
      const invoice = await repos.invoices.createInvoice({
        clinicId: clinic.clinic.id,
        number: 'HIST-1',
        kind: 'invoice',
        patientId: clinic.otherPatient.id,
        courseId: null,
        quoteId: null,
        issueDate: '2025-01-10',
        dueDate: '2025-01-20',
        currency: 'USD',
        lines: [moneyLine({ description: 'Session', quantity: 1, unitPriceMinor: 10_000, taxRatePercent: 0 })],
        createdBy: null,
        parties: await issuedParties(repos, clinic.clinic.id, clinic.otherPatient),
      });
      // Paid at 23:30 on 1 February in Los Angeles: 07:30 UTC on the 2nd.
      await created(reception, 'POST', `/api/invoices/${invoice.id}/payments`, {
        amountMinor: 10_000,
        method: 'transfer',
        receivedAt: '2025-02-02T07:30:00Z',
      });
      const before = await ok(reception, 'GET', '/api/money/owed?asOf=2025-01-31');
      expect(before.items).toEqual([
        expect.objectContaining({ invoiceId: invoice.id, balanceMinor: 10_000, daysOverdue: 11, bucket: '0-30' }),
      ]);
      expect((await ok(reception, 'GET', '/api/money/owed?asOf=2025-02-01')).items).toEqual([]);
    });
  });

  it('keeps the books from practitioners and patients', async () => {
    for (const role of ['practitioner', 'patient'] as const) {
      const client = await get().signIn(role);
      for (const url of ['/api/money/takings', '/api/money/owed', '/api/money/export.csv'])
        expect((await send(client, 'GET', url)).statusCode, `${role} ${url}`).toBe(403);
    }
  });
});
