import { beforeAll, describe, expect, it } from 'vitest';
import { popplerText } from '../../../interop/test-support/poppler.js';
import { forEachApp, signInRoles, type TestClient } from '../../../test-support/test-app.js';
import { moneyRequests, seedPriceList } from './test-support/money-client.js';

interface Line {
  description: string;
  totalMinor: number;
}
interface Document {
  id: string;
  number: string;
  lines: Line[];
}

/**
 * The lines the server writes itself (a deposit, the deposit taken off the course, a credit for an
 * invoice) are in the language the clinic writes to patients in, as it stood when the document was
 * issued; a PDF asked for without a language comes in that language too.
 */
forEachApp('money line words', (get) => {
  let admin: TestClient;
  let reception: TestClient;
  const { send, ok, created } = moneyRequests();

  beforeAll(async () => {
    ({ admin, reception } = await signInRoles(get(), ['admin', 'reception']));
    await seedPriceList(admin);
  });

  const writeTo = (language: 'en' | 'tr') =>
    ok(admin, 'PUT', `/api/clinics/${get().fixture.clinic.id}/message-settings`, {
      language,
      preparationHoursBefore: null,
      reminderHoursBefore: null,
      aftercareHoursAfter: 0,
      checkInHoursAfter: 48,
    });

  /** A deposit invoice, the course invoice that takes it off, and a credit note for part of the latter. */
  async function depositCourseAndCredit() {
    const patientId = get().fixture.patient.id;
    const quote = await created(reception, 'POST', '/api/quotes', {
      patientId,
      indication: 'hair_loss',
      sessions: 4,
      depositMinor: 10_000,
    });
    await ok(reception, 'POST', `/api/quotes/${quote.id}/accept`);
    const deposit: Document = await created(reception, 'POST', '/api/invoices', {
      patientId,
      quoteId: quote.id,
      kind: 'deposit',
    });
    const course: Document = await created(reception, 'POST', '/api/invoices', { patientId, quoteId: quote.id });
    const credit: Document = await created(reception, 'POST', `/api/invoices/${course.id}/credit-notes`, {
      amountMinor: 1_200,
      reason: 'Goodwill',
    });
    return { deposit, course, credit };
  }

  const descriptions = (document: Document) => document.lines.map((l) => l.description);

  async function pdfText(url: string): Promise<string> {
    const response = await send(reception, 'GET', url);
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    return (await popplerText(response.rawPayload)).replace(/\s+/g, ' ');
  }

  describe('in the clinic’s language', () => {
    it('writes English lines for a clinic that writes to patients in English', async () => {
      const { deposit, course, credit } = await depositCourseAndCredit();
      expect(descriptions(deposit)).toEqual(['Deposit']);
      expect(descriptions(course)).toEqual(['Hair loss course of 4', 'Deposit already invoiced']);
      expect(new Set(descriptions(credit))).toEqual(new Set([`Credit for invoice ${course.number}`]));

      const text = await pdfText(`/api/invoices/${course.id}/pdf`);
      expect(text).toContain('Deposit already invoiced');
      expect(text).toContain('Balance due');
      expect(text).not.toContain('Kalan borç');
    });

    it('writes Turkish lines once the clinic writes in Turkish, and keeps the lines already issued', async () => {
      const english = await depositCourseAndCredit();
      await writeTo('tr');
      try {
        const { deposit, course, credit } = await depositCourseAndCredit();
        expect(descriptions(deposit)).toEqual(['Kapora']);
        expect(descriptions(course)).toEqual(['Hair loss course of 4', 'Daha önce faturalandırılan kapora']);
        expect(new Set(descriptions(credit))).toEqual(new Set([`${course.number} numaralı faturaya ilişkin iade`]));

        // Without a language, the PDF speaks the clinic's, like its lines; asked for English, only its own words change.
        const turkish = await pdfText(`/api/invoices/${course.id}/pdf`);
        expect(turkish).toContain('Daha önce faturalandırılan kapora');
        expect(turkish).toContain('Kalan borç');
        expect(turkish).not.toContain('Balance due');
        const creditTurkish = await pdfText(`/api/credit-notes/${credit.id}/pdf`);
        expect(creditTurkish).toContain('İade faturası');
        const asked = await pdfText(`/api/invoices/${course.id}/pdf?lang=en`);
        expect(asked).toContain('Balance due');
        expect(asked).toContain('Daha önce faturalandırılan kapora');

        // An issued document is never rewritten: the English ones stay English.
        const before = await ok(reception, 'GET', `/api/invoices/${english.course.id}`);
        expect(descriptions(before)).toEqual(descriptions(english.course));
        expect(descriptions(before)).toContain('Deposit already invoiced');
      } finally {
        await writeTo('en');
      }
    });
  });
});
