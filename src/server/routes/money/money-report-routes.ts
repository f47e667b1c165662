import type { App } from '../../app-types.js';
import { allow } from '../../plugins/access-control.js';
import { requireAuth } from '../../plugins/authentication.js';
import { answers, routeSpec } from '../route-spec.js';
import { fileResponse, sendFile } from '../documents/file-response.js';
import { moneyExportCsv } from '../../../interop/csv/money-export.js';
import type { AuditEvent } from '../../../storage/repositories/audit-entries.js';
import { readsOf } from '../../../services/audit-reads.js';
import { clinicTimeZone } from '../../../services/documents/clinic-zone.js';
import { billingDetails } from '../../../services/money/clinic-money.js';
import { dayTakings, moneyExport, owedList } from '../../../services/money/money-reports.js';
import {
  billingDetailsBody,
  billingDetailsView,
  exportQuery,
  owedQuery,
  owedView,
  takingsQuery,
  takingsView,
} from './money-schemas.js';

/** The books: a day's takings, the aged list of what is owed, the accountant's export, the clinic's billing details. */
export async function moneyReportRoutes(app: App): Promise<void> {
  const spec = routeSpec(['money']);
  const bookkeepers = allow('admin', 'reception');

  app.get(
    '/api/money/takings',
    spec(bookkeepers, "A day's takings by payment method: the clinic's own calendar day (today unless `date`)", {
      querystring: takingsQuery,
      response: answers(takingsView, 400),
    }),
    async (request) => {
      const { user } = requireAuth(request);
      const takings = await dayTakings(app.repos, user.clinicId, request.query, new Date());
      await request.audit(readsOf('payment', takings.payments));
      return takings;
    },
  );

  app.get(
    '/api/money/owed',
    spec(
      bookkeepers,
      'What patients owe at the end of a day (today unless `asOf`), aged 0-30, 31-60, 61-90 and 90+ days past due',
      { querystring: owedQuery, response: answers(owedView, 400) },
    ),
    async (request) => {
      const { user } = requireAuth(request);
      const owed = await owedList(app.repos, user.clinicId, request.query, new Date());
      await request.audit(
        owed.items.map((item): AuditEvent => ({
          action: 'read',
          entity: 'invoice',
          entityId: item.invoiceId,
          patientId: item.patientId,
        })),
      );
      return owed;
    },
  );

  app.get(
    '/api/money/export.csv',
    spec(bookkeepers, 'CSV for the accountant: one row per invoice, credit note and payment between two days', {
      querystring: exportQuery,
      response: answers(fileResponse('text/csv', 'The money export'), 400),
    }),
    async (request, reply) => {
      const { user } = requireAuth(request);
      const data = await moneyExport(app.repos, user.clinicId, request.query, new Date());
      const csv = moneyExportCsv(data, { timeZone: await clinicTimeZone(app.repos, user.clinicId) });
      await request.audit([
        ...readsOf('invoice', data.invoices),
        ...readsOf('credit_note', data.creditNotes),
        ...readsOf('payment', data.payments),
      ]);
      return sendFile(reply, {
        contentType: 'text/csv; charset=utf-8',
        name: `money-${data.from}-${data.to}.csv`,
      }).send(csv);
    },
  );

  app.get(
    '/api/money/billing-details',
    spec(
      bookkeepers,
      'What the clinic prints on its invoices: legal name, address, tax id; its currency and payment term',
      {
        response: answers(billingDetailsView),
      },
    ),
    async (request) => billingDetails(app.repos, requireAuth(request).user.clinicId),
  );

  app.put(
    '/api/money/billing-details',
    spec(allow('admin'), "Set the clinic's billing details (fields left out or null are cleared)", {
      body: billingDetailsBody,
      response: answers(billingDetailsView, 400),
    }),
    async (request) => {
      const { user } = requireAuth(request);
      const body = request.body;
      return app.repos.transaction(async (tx) => {
        const saved = await tx.money.saveBillingDetails({
          clinicId: user.clinicId,
          legalName: body.legalName ?? null,
          address: body.address ?? null,
          phone: body.phone ?? null,
          email: body.email ?? null,
          taxId: body.taxId ?? null,
          currency: body.currency ?? null,
          paymentTermDays: body.paymentTermDays ?? null,
        });
        await request.audit(
          { action: 'update', entity: 'clinic_billing_details', entityId: user.clinicId, patientId: null },
          tx,
        );
        return saved;
      });
    },
  );
}
