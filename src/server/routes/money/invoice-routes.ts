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
import { listedPatientId, writeAudited } from './money-route-support.js';

/** Invoices, issued at once with a gapless number and never changed after; credit notes and payments against them. */
export async function invoiceRoutes(app: App): Promise<void> {
  const tags = ['money'];
  const bookkeepers = allow('admin', 'reception');
  const readers = allow('admin', 'reception', 'patient');

  app.post(
    '/api/invoices',
    {
      config: bookkeepers,
      schema: {
        summary: "Issue an invoice with the clinic's next number for the year (YYYY-NNNNNN)",
        description:
          "kind `deposit` invoices the accepted quote's depositMinor as one line; an `invoice` for a quote or course " +
          'takes its lines from `lines`, else the quote, else the price list, and deducts deposits already invoiced. ' +
          'Numbers run without gaps: one is taken only by an invoice that is written.',
        tags,
        body: invoiceBody,
        response: { 201: invoiceView, 400: errorResponse, 404: errorResponse, 409: patientWriteConflict },
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const invoice = await writeAudited(app.repos, request, 'invoice', (tx) =>
        issueInvoice(tx, user, request.body, new Date()),
      );
      return reply.code(201).send(invoice);
    },
  );

  app.get(
    '/api/invoices',
    {
      config: readers,
      schema: {
        summary: "Invoices, newest first: the clinic's, or one patient's (a patient sees only their own)",
        tags,
        querystring: invoicesQuery,
        response: {
          200: z.object({ items: z.array(invoiceView) }),
          400: errorResponse,
          403: errorResponse,
          404: errorResponse,
        },
      },
    },
    async (request) => {
      const { user } = requireAuth(request);
      const patientId = await listedPatientId(app.repos, user, request.query.patientId);
      const items = await app.repos.invoices.listInvoices({ ...request.query, patientId, clinicId: user.clinicId });
      await request.audit(readsOf('invoice', items));
      return { items };
    },
  );

  app.get(
    '/api/invoices/:id',
    {
      config: readers,
      schema: {
        summary: 'One invoice, with its payments and credit notes',
        tags,
        params: idParams,
        response: { 200: invoiceDetailView, 404: errorResponse },
      },
    },
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
      config: bookkeepers,
      schema: {
        summary:
          'Refused: an issued invoice is never changed or deleted (409 invoice_issued); issue a credit note instead',
        tags,
        params: idParams,
        response: { 404: errorResponse, 409: errorResponse },
      },
      handler: async (request) => {
        await loadAccessibleInvoice(app.repos, requireAuth(request).user, request.params.id);
        throw invoiceIssued();
      },
    });

  app.get(
    '/api/invoices/:id/pdf',
    {
      config: readers,
      schema: {
        summary: 'The invoice as a PDF',
        tags,
        params: idParams,
        querystring: documentLanguageQuery,
        response: pdfResponse('The invoice'),
      },
    },
    async (request, reply) => {
      const { invoice } = await loadAccessibleInvoice(app.repos, requireAuth(request).user, request.params.id);
      const pdf = await invoicePdf(await invoiceDocument(app.repos, invoice, request.query.lang));
      await request.audit(readOf('invoice', invoice));
      return sendPdf(reply, `invoice-${invoice.number}.pdf`, pdf);
    },
  );

  app.post(
    '/api/invoices/:id/payments',
    {
      config: bookkeepers,
      schema: {
        summary: 'Record a payment (cash, card or transfer) against an invoice',
        description:
          'More than is owed is refused with 409 overpayment naming amountMinor, unless acceptOverpayment is true.',
        tags,
        params: idParams,
        body: paymentBody,
        response: { 201: paymentView, 400: errorResponse, 404: errorResponse, 409: patientWriteConflict },
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const payment = await writeAudited(app.repos, request, 'payment', (tx) =>
        recordPayment(tx, user, request.params.id, request.body, new Date()),
      );
      return reply.code(201).send(payment);
    },
  );

  app.post(
    '/api/invoices/:id/credit-notes',
    {
      config: bookkeepers,
      schema: {
        summary: "Issue a credit note against an invoice, with the clinic's next credit-note number (CN-YYYY-NNNNNN)",
        description:
          "With `lines`, those; with `amountMinor` (tax included), that amount spread over the invoice's tax rates; " +
          'with neither, all that is left. More than the invoice total less what was already credited: 409 ' +
          'credit_exceeds_invoice naming amountMinor.',
        tags,
        params: idParams,
        body: creditNoteBody,
        response: { 201: creditNoteView, 400: errorResponse, 404: errorResponse, 409: patientWriteConflict },
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      const creditNote = await writeAudited(app.repos, request, 'creditNote', (tx) =>
        issueCreditNote(tx, user, request.params.id, request.body, new Date()),
      );
      return reply.code(201).send(creditNote);
    },
  );

  app.get(
    '/api/credit-notes/:id/pdf',
    {
      config: readers,
      schema: {
        summary: 'A credit note as a PDF',
        tags,
        params: idParams,
        querystring: documentLanguageQuery,
        response: pdfResponse('The credit note'),
      },
    },
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
