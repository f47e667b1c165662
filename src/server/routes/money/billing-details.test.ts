import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../core/dates/iso-date.js';
import { popplerText } from '../../../interop/test-support/poppler.js';
import { changedTables, snapshotDatabase } from '../../../test-support/database-snapshot.js';
import { forEachApp, signInRoles, type TestClient } from '../../../test-support/test-app.js';
import { moneyRequests, seedPriceList } from './test-support/money-client.js';

const details = {
  legalName: 'Işıl Estetik Sağlık Hizmetleri Ltd. Şti.',
  address: 'Bağdat Caddesi No: 12, Kadıköy, İstanbul',
  phone: '+90 216 555 01 02',
  email: 'fatura@isil.example',
  taxId: '4830012345',
  currency: 'EUR',
  paymentTermDays: 14,
};

/** The clinic's billing details: what its invoices print, its currency and its payment term. */
forEachApp('billing details', (get) => {
  let admin: TestClient;
  let reception: TestClient;
  let sessionPriceId = '';
  const { send, ok, created } = moneyRequests();

  beforeAll(async () => {
    ({ admin, reception } = await signInRoles(get(), ['admin', 'reception']));
    sessionPriceId = (await seedPriceList(admin)).session.id;
  });

  const put = (payload: object, client = admin) => send(client, 'PUT', '/api/money/billing-details', payload);
  const invoice = () =>
    created(reception, 'POST', '/api/invoices', {
      patientId: get().fixture.patient.id,
      lines: [{ priceId: sessionPriceId, quantity: 1 }],
    }) as Promise<{ id: string; issueDate: string; dueDate: string | null }>;
  const pdfText = async (invoiceId: string, path = 'invoices') => {
    const response = await send(reception, 'GET', `/api/${path}/${invoiceId}/pdf?lang=en`);
    expect(response.statusCode).toBe(200);
    return (await popplerText(response.rawPayload)).replace(/\s+/g, ' ');
  };

  describe('setting them', () => {
    it('starts empty, and an admin sets them for reception to read', async () => {
      expect(await ok(reception, 'GET', '/api/money/billing-details')).toMatchObject({
        legalName: null,
        taxId: null,
        paymentTermDays: null,
      });
      const saved = await put(details);
      expect(saved.statusCode, saved.body).toBe(200);
      expect(await ok(reception, 'GET', '/api/money/billing-details')).toEqual({
        clinicId: get().fixture.clinic.id,
        ...details,
      });
      expect((await put(details, reception)).statusCode).toBe(403);
    });

    it('refuses a bad field with a 400 naming it, and changes nothing', async () => {
      const cases: [object, string][] = [
        [{ email: 'fatura at isil' }, 'email'],
        [{ currency: 'eur' }, 'currency'],
        [{ paymentTermDays: 366 }, 'paymentTermDays'],
        [{ paymentTermDays: 1.5 }, 'paymentTermDays'],
        [{ taxId: 'x'.repeat(51) }, 'taxId'],
      ];
      for (const [change, field] of cases) {
        const before = await snapshotDatabase(get().db);
        const response = await put({ ...details, ...change });
        expect(response.statusCode, JSON.stringify(change)).toBe(400);
        expect(response.json().problems.map((p: { field: string }) => p.field)).toEqual([field]);
        expect(changedTables(before, await snapshotDatabase(get().db, before))).toEqual([]);
      }
    });
  });

  describe('on invoices', () => {
    it('prints them on the invoice PDF and dates the invoice due after the payment term', async () => {
      expect((await put(details)).statusCode).toBe(200);
      const issued = await invoice();
      expect(issued.dueDate).toBe(addDays(issued.issueDate, 14));
      const text = await pdfText(issued.id);
      for (const value of [details.legalName, details.address, details.phone, details.email, details.taxId])
        expect(text).toContain(value);
    });

    it('falls back to the clinic’s name once they are cleared; invoices then have no due date', async () => {
      const cleared = await put({});
      expect(cleared.json()).toMatchObject({ legalName: null, address: null, email: null, paymentTermDays: null });
      const issued = await invoice();
      expect(issued.dueDate).toBeNull();
      const text = await pdfText(issued.id);
      expect(text).toContain(get().fixture.clinic.name);
      expect(text).not.toContain(details.taxId);
    });
  });

  describe('on documents already issued', () => {
    const later = {
      legalName: 'Harbour Skin Clinic Limited',
      address: '4 Quay Street, Galway',
      phone: '+353 91 555 0199',
      email: 'accounts@harbour.example',
      taxId: 'IE1234567T',
    };
    const printed = (values: object) => Object.values(values) as string[];
    const creditNote = (invoiceId: string) =>
      created(reception, 'POST', `/api/invoices/${invoiceId}/credit-notes`, {
        amountMinor: 1_000,
        reason: 'Goodwill',
      }) as Promise<{ id: string }>;

    it('prints the issuer and patient as they were at issue, whatever changes after', async () => {
      const { patient } = get().fixture;
      const issuedName = `${patient.firstName} ${patient.lastName}`;
      const { currency: _, paymentTermDays: __, ...atIssue } = details;
      expect((await put(details)).statusCode).toBe(200);
      const old = await invoice();
      const oldCredit = await creditNote(old.id);

      expect((await put({ ...later, currency: 'EUR' })).statusCode).toBe(200);
      const renamed = await send(admin, 'PATCH', `/api/patients/${patient.id}`, {
        firstName: 'Renamed',
        lastName: 'Patient',
      });
      expect(renamed.statusCode, renamed.body).toBe(200);

      for (const text of [await pdfText(old.id), await pdfText(oldCredit.id, 'credit-notes')]) {
        for (const value of [...printed(atIssue), issuedName]) expect(text).toContain(value);
        for (const value of [...printed(later), 'Renamed Patient']) expect(text).not.toContain(value);
      }
      // Issued after the change, a new invoice and a new credit note on the old invoice print it as it is now.
      const fresh = await invoice();
      for (const text of [await pdfText(fresh.id), await pdfText((await creditNote(old.id)).id, 'credit-notes')]) {
        for (const value of [...printed(later), 'Renamed Patient']) expect(text).toContain(value);
        for (const value of [...printed(atIssue), issuedName]) expect(text).not.toContain(value);
      }
    });
  });
});
