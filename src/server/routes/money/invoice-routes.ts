import { z } from 'zod';
import type { App } from '../../app-types.js';
import { allow } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { errorResponse, idParams } from '../../validation/fields.js';
import { patientWriteConflict } from '../../validation/merged-patient-response.js';
import { fileResponse, sendFile } from '../documents/file-response.js';
import type { FastifyReply } from 'fastify';
import { invoicePdf } from '../../../interop/pdf/invoice-pdf.js';
import { readOf, readsOf } from '../../../services/audit-reads.js';
import { issueCreditNote } from '../../../services/money/credit-notes.js';
import { creditNoteDocument, invoiceDocument } from '../../../services/money/invoice-document.js';
import { invoiceIssued, issueInvoice } from '../../../services/money/invoices.js';
import { loadAccessibleCreditNote, loadAccessibleInvoice } from '../../../services/money/money-access.js';
import { recordPayment } from '../../../services/money/payments.js';
import {
  creditNoteBody,
  creditNoteView,
  documentLanguageQuery,
  invoiceBody,
  invoiceDetailView,
  invoicesQuery,
  invoiceView,
  paymentBody,
  paymentView,
} from './money-schemas.js';
import { listedItems } from './money-route-support.js';
import { writeAudited } from '../write-audited.js';
import { answers, answersWith, routeSpec } from '../route-spec.js';

/** Invoices, issued at once with a gapless number and never changed after; credit notes and payments against them. */
export async function invoiceRoutes(app: App): Promise<void> {
  const spec = routeSpec(['money']);
  const bookkeepers = allow('admin', 'reception');
  const readers = allow('admin', 'reception', 'patient');

  app.post(
    '/api/invoices',
    spec(bookkeepers, "Issue an invoice with the clinic's next number for the year (YYYY-NNNNNN)", {
      description:
        "kind `deposit` invoices the accepted quote's depositMinor as one line; an `invoice` for a quote or course " +
        'takes its lines from `lines`, else the quote, else the price list, and deducts deposits already invoiced. ' +
        'Numbers run without gaps: one is taken only by an invoice that is written.',
      body: invoiceBody,
      response: { ...answersWith(201, invoiceView, 400, 404), 409: patientWriteConflict },
    }),
    async (request, reply) => {
      return reply
        .code(201)
        .send(
          await writeAudited(app.repos, request, 'invoice', (tx, user) =>
            issueInvoice(tx, user, request.body, new Date()),
          ),
        );
    },
  );

  app.get(
    '/api/invoices',
    spec(readers, "Invoices, newest first: the clinic's, or one patient's (a patient sees only their own)", {
      querystring: invoicesQuery,
      response: answers(z.object({ items: z.array(invoiceView) }), 400, 403, 404),
    }),
    async (request) =>
      listedItems(app.repos, request, 'invoice', request.query, (filter) => app.repos.invoices.listInvoices(filter)),
  );

  app.get(
    '/api/invoices/:id',
    spec(readers, 'One invoice, with its payments and credit notes', {
      params: idParams,
      response: answers(invoiceDetailView, 404),
    }),
    async (request) => {
      const { invoice } = await loadAccessibleInvoice(app.repos, requireAuth(request).user, request.params.id);
      const payments = await app.repos.invoices.listPayments(invoice.id);
      const creditNotes = await app.repos.invoices.listCreditNotes(invoice.id);
      await request.audit([
        readOf('invoice', invoice),
        ...readsOf('payment', payments),
        ...readsOf('credit_note', creditNotes),
      ]);
      return { ...invoice, payments, creditNotes };
    },
  );

  for (const method of ['PATCH', 'PUT', 'DELETE'] as const)
    app.route({
      method,
      url: '/api/invoices/:id',
      ...spec(
        bookkeepers,
        'Refused: an issued invoice is never changed or deleted (409 invoice_issued); issue a credit note instead',
        { params: idParams, response: { 404: errorResponse, 409: errorResponse } },
      ),
      handler: async (request) => {
        await loadAccessibleInvoice(app.repos, requireAuth(request).user, request.params.id);
        throw invoiceIssued();
      },
    });

  app.get(
    '/api/invoices/:id/pdf',
    spec(readers, 'The invoice as a PDF', {
      params: idParams,
      querystring: documentLanguageQuery,
      response: pdfResponse('The invoice'),
    }),
    async (request, reply) => {
      const { invoice } = await loadAccessibleInvoice(app.repos, requireAuth(request).user, request.params.id);
      const pdf = await invoicePdf(await invoiceDocument(app.repos, invoice, request.query.lang));
      await request.audit(readOf('invoice', invoice));
      return sendPdf(reply, `invoice-${invoice.number}.pdf`, pdf);
    },
  );

  app.post(
    '/api/invoices/:id/payments',
    spec(bookkeepers, 'Record a payment (cash, card or transfer) against an invoice', {
      description:
        'More than is owed is refused with 409 overpayment naming amountMinor, unless acceptOverpayment is true.',
      params: idParams,
      body: paymentBody,
      response: { ...answersWith(201, paymentView, 400, 404), 409: patientWriteConflict },
    }),
    async (request, reply) => {
      return reply
        .code(201)
        .send(
          await writeAudited(app.repos, request, 'payment', (tx, user) =>
            recordPayment(tx, user, request.params.id, request.body, new Date()),
          ),
        );
    },
  );

  app.post(
    '/api/invoices/:id/credit-notes',
    spec(
      bookkeepers,
      "Issue a credit note against an invoice, with the clinic's next credit-note number (CN-YYYY-NNNNNN)",
      {
        description:
          "With `lines`, those; with `amountMinor` (tax included), that amount spread over the invoice's tax rates; " +
          'with neither, all that is left. More than the invoice total less what was already credited: 409 ' +
          'credit_exceeds_invoice naming amountMinor.',
        params: idParams,
        body: creditNoteBody,
        response: { ...answersWith(201, creditNoteView, 400, 404), 409: patientWriteConflict },
      },
    ),
    async (request, reply) => {
      return reply
        .code(201)
        .send(
          await writeAudited(app.repos, request, 'creditNote', (tx, user) =>
            issueCreditNote(tx, user, request.params.id, request.body, new Date()),
          ),
        );
    },
  );

  app.get(
    '/api/credit-notes/:id/pdf',
    spec(readers, 'A credit note as a PDF', {
      params: idParams,
      querystring: documentLanguageQuery,
      response: pdfResponse('The credit note'),
    }),
    async (request, reply) => {
      const { user } = requireAuth(request);
      const { creditNote, invoice } = await loadAccessibleCreditNote(app.repos, user, request.params.id);
      const document = await creditNoteDocument(app.repos, creditNote, invoice, request.query.lang);
      const pdf = await invoicePdf(document);
      await request.audit(readOf('credit_note', creditNote));
      return sendPdf(reply, `credit-note-${creditNote.number}.pdf`, pdf);
    },
  );
}

function pdfResponse(description: string) {
  return { 200: fileResponse('application/pdf', description), 400: errorResponse, 404: errorResponse };
}

function sendPdf(reply: FastifyReply, name: string, pdf: Buffer): FastifyReply {
  return sendFile(reply, { contentType: 'application/pdf', name }).send(pdf);
}
