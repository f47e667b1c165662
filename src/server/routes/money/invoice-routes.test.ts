import { describe, expect, it } from 'vitest';
import { changedTables, snapshotDatabase } from '../../../test-support/database-snapshot.js';
import { clinicAudit } from '../../../test-support/audited-records.js';
import { forEachApp, type TestClient } from '../../../test-support/test-app.js';
import { moneyClinic, moneyRequests } from './test-support/money-client.js';

interface InvoiceView {
  id: string;
  number: string;
  status: string;
  balanceMinor: number;
  paidMinor: number;
  creditedMinor: number;
  totals: { netMinor: number; taxMinor: number; totalMinor: number };
  lines: { netMinor: number; taxMinor: number; totalMinor: number; taxRatePercent: number }[];
}

/** Invoices issued from quotes and prices, deposits, payments, credit notes, and what may never change. */
forEachApp('invoice routes', (get) => {
  const clinic = moneyClinic(get);
  const { send, ok, created } = moneyRequests();

  const invoiceFor = (patientId: string, lines: object[]): Promise<InvoiceView> =>
    created(clinic.reception, 'POST', '/api/invoices', { patientId, lines });
  const ownInvoice = () => invoiceFor(get().fixture.patient.id, [{ priceId: clinic.prices.session.id, quantity: 2 }]);

  /** Sends a request that must be refused with `status`, leaving every table as it was. */
  async function refusedUnchanged(
    client: TestClient,
    method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload: object | undefined,
    status: number,
  ) {
    const before = await snapshotDatabase(get().db);
    const response = await send(client, method, url, payload);
    expect(response.statusCode, response.body).toBe(status);
    expect(changedTables(before, await snapshotDatabase(get().db, before))).toEqual([]);
    return response.json() as { error: string; problems?: { field: string }[] };
  }

  describe('issuing', () => {
    it('issues an invoice at once with a numbered, taxed copy of its lines', async () => {
      const invoice = await invoiceFor(get().fixture.patient.id, [
        { priceId: clinic.prices.session.id, quantity: 2 },
        { priceId: clinic.prices.product.id, quantity: 1 },
      ]);
      expect(invoice.number).toMatch(new RegExp(`^${new Date().getUTCFullYear()}-\\d{6}$`));
      expect(invoice).toMatchObject({
        kind: 'invoice',
        status: 'issued',
        currency: 'EUR',
        patientName: 'Paula Patient',
        totals: { netMinor: 32_500, taxMinor: 6_250, totalMinor: 38_750 },
        taxBands: [
          { taxRatePercent: 20, netMinor: 30_000, taxMinor: 6_000 },
          { taxRatePercent: 10, netMinor: 2_500, taxMinor: 250 },
        ],
        paidMinor: 0,
        balanceMinor: 38_750,
      });
    });

    it('invoices a deposit of an accepted quote, then the course less that deposit', async () => {
      const patientId = get().fixture.patient.id;
      const quote = await created(clinic.reception, 'POST', '/api/quotes', {
        patientId,
        indication: 'hair_loss',
        sessions: 4,
        depositMinor: 20_000,
      });
      const depositRefused = () =>
        refusedUnchanged(
          clinic.reception,
          'POST',
          '/api/invoices',
          { patientId, quoteId: quote.id, kind: 'deposit' },
          409,
        );
      const early = await depositRefused();
      expect(early.error).toBe('quote_not_accepted');
      await ok(clinic.patient, 'POST', `/api/quotes/${quote.id}/accept`);
      const deposit = await created(clinic.reception, 'POST', '/api/invoices', {
        patientId,
        quoteId: quote.id,
        kind: 'deposit',
      });
      expect(deposit).toMatchObject({
        kind: 'deposit',
        quoteId: quote.id,
        totals: { netMinor: 20_000, taxMinor: 0, totalMinor: 20_000 },
      });
      const twice = await depositRefused();
      expect(twice.error).toBe('deposit_invoiced');

      const final: InvoiceView = await created(clinic.reception, 'POST', '/api/invoices', {
        patientId,
        quoteId: quote.id,
      });
      expect(final.lines).toHaveLength(2);
      expect(final.lines[1]).toMatchObject({ netMinor: -20_000, taxMinor: 0, totalMinor: -20_000 });
      // The course's whole tax is charged once, on the course invoice; the two invoices add up to the quote.
      expect(final.totals).toEqual({ netMinor: 30_000, taxMinor: 10_000, totalMinor: 40_000 });
      expect(final.totals.totalMinor + deposit.totals.totalMinor).toBe(quote.totals.totalMinor);
    });

    it('refuses invoices it cannot issue, naming the field, and takes no number for them', async () => {
      const patientId = get().fixture.patient.id;
      const cases: [object, string][] = [
        [{ lines: [] }, 'lines'],
        [{ lines: [{ description: 'x', quantity: 1, unitPriceMinor: 10 }] }, 'lines[0].taxRatePercent'],
        [{ lines: [{ priceId: clinic.prices.session.id, quantity: 0 }] }, 'lines[0].quantity'],
        [{ lines: [{ priceId: clinic.prices.session.id, quantity: 1 }], currency: 'GBP' }, 'currency'],
        [{ lines: [{ priceId: clinic.prices.session.id, quantity: 1 }], dueDate: '2000-01-01' }, 'dueDate'],
        [{ kind: 'deposit' }, 'quoteId'],
      ];
      for (const [payload, field] of cases) {
        const body = await refusedUnchanged(clinic.reception, 'POST', '/api/invoices', { patientId, ...payload }, 400);
        expect(
          body.problems?.map((p) => p.field),
          JSON.stringify(payload),
        ).toEqual([field]);
      }
    });

    it('never changes an issued invoice: any edit or delete is a 409 pointing to a credit note', async () => {
      const invoice = await ownInvoice();
      for (const method of ['PATCH', 'PUT', 'DELETE'] as const) {
        const body = await refusedUnchanged(
          clinic.admin,
          method,
          `/api/invoices/${invoice.id}`,
          method === 'DELETE' ? undefined : { lines: [] },
          409,
        );
        expect(body.error, method).toBe('invoice_issued');
      }
      expect(await ok(clinic.reception, 'GET', `/api/invoices/${invoice.id}`)).toMatchObject({
        totals: invoice.totals,
        lines: invoice.lines,
      });
    });

    it('lets only admin and reception issue: a practitioner cannot, and a patient sees only their own', async () => {
      const { fixture } = get();
      const body = { patientId: fixture.patient.id, lines: [{ priceId: clinic.prices.session.id, quantity: 1 }] };
      expect((await send(clinic.practitioner, 'POST', '/api/invoices', body)).statusCode).toBe(403);
      expect((await send(clinic.practitioner, 'GET', '/api/invoices')).statusCode).toBe(403);
      expect((await send(clinic.patient, 'POST', '/api/invoices', body)).statusCode).toBe(403);
      const own = await ownInvoice();
      const theirs = await invoiceFor(fixture.otherPatient.id, [{ priceId: clinic.prices.product.id, quantity: 1 }]);
      const listed = await ok(clinic.patient, 'GET', '/api/invoices');
      expect(listed.items.map((i: InvoiceView) => i.id)).toContain(own.id);
      expect(new Set(listed.items.map((i: { patientId: string }) => i.patientId))).toEqual(
        new Set([fixture.patient.id]),
      );
      expect((await send(clinic.patient, 'GET', `/api/invoices/${theirs.id}`)).statusCode).toBe(404);
      expect((await send(clinic.patient, 'GET', `/api/invoices/${theirs.id}/pdf`)).statusCode).toBe(404);
      expect((await send(clinic.patient, 'GET', `/api/invoices/${own.id}`)).statusCode).toBe(200);
      const elsewhere = await get().signInElsewhere('reception');
      expect((await send(elsewhere, 'GET', `/api/invoices/${own.id}`)).statusCode).toBe(404);
      expect(
        (await send(elsewhere, 'POST', `/api/invoices/${own.id}/payments`, { amountMinor: 1, method: 'cash' }))
          .statusCode,
      ).toBe(404);
    });
  });

  describe('payments', () => {
    it('moves an invoice from issued to part paid to paid as payments come in', async () => {
      const invoice = await ownInvoice();
      const total = invoice.totals.totalMinor;
      const first = await created(clinic.reception, 'POST', `/api/invoices/${invoice.id}/payments`, {
        amountMinor: 10_000,
        method: 'card',
        reference: 'POS 1182',
      });
      expect(first).toMatchObject({
        invoiceId: invoice.id,
        amountMinor: 10_000,
        method: 'card',
        reference: 'POS 1182',
      });
      expect(await ok(clinic.reception, 'GET', `/api/invoices/${invoice.id}`)).toMatchObject({
        status: 'part_paid',
        paidMinor: 10_000,
        balanceMinor: total - 10_000,
      });
      await created(clinic.reception, 'POST', `/api/invoices/${invoice.id}/payments`, {
        amountMinor: total - 10_000,
        method: 'cash',
      });
      const paid = await ok(clinic.patient, 'GET', `/api/invoices/${invoice.id}`);
      expect(paid).toMatchObject({ status: 'paid', balanceMinor: 0 });
      expect(paid.payments.map((p: { method: string }) => p.method)).toEqual(['card', 'cash']);
    });

    it('refuses more than is owed unless told to accept it, naming amountMinor', async () => {
      const invoice = await ownInvoice();
      const total = invoice.totals.totalMinor;
      const body = await refusedUnchanged(
        clinic.reception,
        'POST',
        `/api/invoices/${invoice.id}/payments`,
        { amountMinor: total + 1, method: 'transfer' },
        409,
      );
      expect(body).toMatchObject({ error: 'overpayment', problems: [{ field: 'amountMinor' }] });
      for (const payload of [
        { amountMinor: 0, method: 'cash' },
        { amountMinor: 100, method: 'cheque' },
      ]) {
        const bad = await refusedUnchanged(
          clinic.reception,
          'POST',
          `/api/invoices/${invoice.id}/payments`,
          payload,
          400,
        );
        expect(bad.problems?.map((p) => p.field)).toEqual([Object.keys(payload)[payload.amountMinor === 0 ? 0 : 1]]);
      }
      await created(clinic.reception, 'POST', `/api/invoices/${invoice.id}/payments`, {
        amountMinor: total + 500,
        method: 'transfer',
        acceptOverpayment: true,
      });
      expect(await ok(clinic.reception, 'GET', `/api/invoices/${invoice.id}`)).toMatchObject({
        status: 'paid',
        balanceMinor: -500,
      });
    });

    it('lets only one of two payments for the last of a debt through when they come at once', async () => {
      const invoice = await ownInvoice();
      const total = invoice.totals.totalMinor;
      const answers = await Promise.all(
        [0, 1].map(() =>
          send(clinic.reception, 'POST', `/api/invoices/${invoice.id}/payments`, {
            amountMinor: total,
            method: 'cash',
          }),
        ),
      );
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
      expect(await ok(clinic.reception, 'GET', `/api/invoices/${invoice.id}`)).toMatchObject({
        paidMinor: total,
        balanceMinor: 0,
      });
    });
  });

  describe('credit notes', () => {
    it('credits part of an invoice over its tax rates, then the rest, numbered in their own sequence', async () => {
      const invoice = await invoiceFor(get().fixture.patient.id, [
        { priceId: clinic.prices.session.id, quantity: 1 },
        { priceId: clinic.prices.product.id, quantity: 2 },
      ]);
      expect(invoice.totals.totalMinor).toBe(23_500);
      /** A credit note asked for on this invoice that the clinic refuses (409), leaving everything as it was. */
      const refusedCredit = (payload: object) =>
        refusedUnchanged(clinic.reception, 'POST', `/api/invoices/${invoice.id}/credit-notes`, payload, 409);
      const part = await created(clinic.reception, 'POST', `/api/invoices/${invoice.id}/credit-notes`, {
        amountMinor: 4_700,
        reason: 'One session not given',
      });
      expect(part.number).toMatch(/^CN-\d{4}-\d{6}$/);
      expect(part.totals.totalMinor).toBe(4_700);
      expect(part.lines.map((l: { taxRatePercent: number }) => l.taxRatePercent)).toEqual([20, 10]);
      for (const line of part.lines) expect(line.netMinor + line.taxMinor).toBe(line.totalMinor);
      expect(await ok(clinic.reception, 'GET', `/api/invoices/${invoice.id}`)).toMatchObject({
        creditedMinor: 4_700,
        balanceMinor: 18_800,
        status: 'issued',
      });

      const tooMuch = await refusedCredit({ amountMinor: 18_801, reason: 'Too much' });
      expect(tooMuch).toMatchObject({ error: 'credit_exceeds_invoice', problems: [{ field: 'amountMinor' }] });

      const rest = await created(clinic.reception, 'POST', `/api/invoices/${invoice.id}/credit-notes`, {
        reason: 'Course cancelled',
      });
      expect(rest.totals.totalMinor).toBe(18_800);
      const sequence = (n: string) => Number(n.slice(-6));
      expect(sequence(rest.number)).toBe(sequence(part.number) + 1);
      const credited = await ok(clinic.reception, 'GET', `/api/invoices/${invoice.id}`);
      expect(credited).toMatchObject({ status: 'credited', balanceMinor: 0, creditedMinor: 23_500 });
      expect(credited.creditNotes.map((c: { id: string }) => c.id)).toEqual([part.id, rest.id]);
      const nothingLeft = await refusedCredit({ amountMinor: 1, reason: 'Again' });
      expect(nothingLeft.error).toBe('credit_exceeds_invoice');
    });

    it('names both the amount and the lines when they disagree, crediting nothing', async () => {
      const invoice = await ownInvoice();
      const line = { description: 'Goodwill', quantity: 1, unitPriceMinor: 1_000, taxRatePercent: 20 };
      // The line comes to 1200 with tax: an amount left without tax disagrees, as does a line whose rate was lost.
      const disagreeing = [
        { amountMinor: 1_000, lines: [line] },
        { amountMinor: 1_200, lines: [{ ...line, taxRatePercent: 0 }] },
      ];
      for (const payload of disagreeing) {
        const body = await refusedUnchanged(
          clinic.reception,
          'POST',
          `/api/invoices/${invoice.id}/credit-notes`,
          { ...payload, reason: 'Goodwill' },
          400,
        );
        expect(body.problems?.map((p) => p.field)).toEqual(['amountMinor', 'lines']);
      }
      const agreed = await created(clinic.reception, 'POST', `/api/invoices/${invoice.id}/credit-notes`, {
        amountMinor: 1_200,
        lines: [line],
        reason: 'Goodwill',
      });
      expect(agreed.totals.totalMinor).toBe(1_200);
    });

    it('serves invoices and credit notes as PDF, in English or Turkish', async () => {
      const invoice = await ownInvoice();
      const note = await created(clinic.reception, 'POST', `/api/invoices/${invoice.id}/credit-notes`, {
        amountMinor: 100,
        reason: 'İade: fiyat düzeltmesi',
      });
      for (const url of [
        `/api/invoices/${invoice.id}/pdf`,
        `/api/invoices/${invoice.id}/pdf?lang=tr`,
        `/api/credit-notes/${note.id}/pdf?lang=tr`,
      ]) {
        const response = await send(clinic.patient, 'GET', url);
        expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
        expect(response.headers['content-type']).toBe('application/pdf');
        expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      }
      expect((await send(clinic.patient, 'GET', `/api/invoices/${invoice.id}/pdf?lang=de`)).statusCode).toBe(400);
    });
  });

  it('audits every money write with the patient it concerns', async () => {
    const invoice = await ownInvoice();
    const payment = await created(clinic.reception, 'POST', `/api/invoices/${invoice.id}/payments`, {
      amountMinor: 100,
      method: 'cash',
    });
    const note = await created(clinic.reception, 'POST', `/api/invoices/${invoice.id}/credit-notes`, {
      amountMinor: 100,
      reason: 'Goodwill',
    });
    const patientId = get().fixture.patient.id;
    for (const [entity, id] of [
      ['invoice', invoice.id],
      ['payment', payment.id],
      ['credit_note', note.id],
    ] as const) {
      const entries = await clinicAudit(get(), { entity, action: 'create', limit: 500 });
      const records = entries.flatMap((e) => e.records);
      expect(records, entity).toContainEqual({ entityId: id, patientId });
    }
  });
});
