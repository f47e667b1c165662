import { sql, type Selectable } from 'kysely';
import type { CreditNote, Invoice, IssuedParties, Payment } from '../../core/money/money-records.js';
import { balanceOf, invoiceStatus } from '../../core/money/invoice-rules.js';
import { taxBandsOf } from '../../core/money/money-lines.js';
import type { InvoiceStatus } from '../../core/money/money-types.js';
import type { CreditNotesTable, InvoicesTable, IssuedPartyColumns, PaymentsTable } from '../database-schema.js';
import { newId } from '../ids.js';
import type { InvoiceRepository } from './invoice-repository.js';
import { insertDocument, linesOf, totalsColumns, totalsOfRow } from './money-line-rows.js';
import type { RepositoryContext } from './repository-context.js';
import { tableRows } from './table-rows.js';
import { rowMapper } from './row-mapper.js';

type InvoiceRow = Selectable<InvoicesTable> & { first_name: string; last_name: string };

const toPayment = rowMapper<Selectable<PaymentsTable>, Payment>()(
  'id, invoice_id, patient_id, amount_minor, currency, method, received_at, reference, recorded_by',
  { amountMinor: Number },
);

function partyColumns({ issuer, patient }: IssuedParties): IssuedPartyColumns {
  return {
    issuer_name: issuer.name,
    issuer_address: issuer.address,
    issuer_phone: issuer.phone,
    issuer_email: issuer.email,
    issuer_tax_id: issuer.taxId,
    patient_name: patient.name,
    patient_email: patient.email,
  };
}

function toParties(row: IssuedPartyColumns): IssuedParties {
  return {
    issuer: {
      name: row.issuer_name,
      address: row.issuer_address,
      phone: row.issuer_phone,
      email: row.issuer_email,
      taxId: row.issuer_tax_id,
    },
    patient: { name: row.patient_name, email: row.patient_email },
  };
}

/** The derived status as a condition on the stored amounts (the same rule as core's `invoiceStatus`). */
function statusCondition(status: InvoiceStatus) {
  const balance = sql`(i.total_minor - i.paid_minor - i.credited_minor)`;
  const credited = sql`(i.credited_minor > 0 and i.credited_minor >= i.total_minor)`;
  switch (status) {
    case 'credited':
      return sql<boolean>`${credited}`;
    case 'paid':
      return sql<boolean>`(not ${credited} and ${balance} <= 0)`;
    case 'part_paid':
      return sql<boolean>`(${balance} > 0 and i.paid_minor > 0)`;
    case 'issued':
      return sql<boolean>`(${balance} > 0 and i.paid_minor = 0)`;
  }
}

export function kyselyInvoiceRepository({ db, now }: RepositoryContext): InvoiceRepository {
  const payments = tableRows(db, 'payments', toPayment);
  const invoiceRows = () =>
    db
      .selectFrom('invoices as i')
      .innerJoin('patients as p', 'p.id', 'i.patient_id')
      .selectAll('i')
      .select(['p.first_name', 'p.last_name']);

  async function toInvoices(rows: readonly InvoiceRow[]): Promise<Invoice[]> {
    const lines = await linesOf(db, 'invoice_lines', rows);
    return rows.map((row) => {
      const own = lines.get(row.id) ?? [];
      const totals = totalsOfRow(row);
      const amounts = {
        totalMinor: totals.totalMinor,
        paidMinor: Number(row.paid_minor),
        creditedMinor: Number(row.credited_minor),
      };
      return {
        id: row.id,
        clinicId: row.clinic_id,
        number: row.number,
        kind: row.kind,
        patientId: row.patient_id,
        courseId: row.course_id,
        quoteId: row.quote_id,
        issueDate: row.issue_date,
        dueDate: row.due_date,
        currency: row.currency,
        lines: own,
        taxBands: taxBandsOf(own),
        totals,
        paidMinor: amounts.paidMinor,
        creditedMinor: amounts.creditedMinor,
        balanceMinor: balanceOf(amounts),
        status: invoiceStatus(amounts),
        createdAt: row.created_at,
        createdBy: row.created_by,
        patientName: `${row.first_name} ${row.last_name}`,
        parties: toParties(row),
      };
    });
  }
  const findInvoice = async (id: string) => (await toInvoices(await invoiceRows().where('i.id', '=', id).execute()))[0];

  async function toCreditNotes(rows: readonly Selectable<CreditNotesTable>[]): Promise<CreditNote[]> {
    const lines = await linesOf(db, 'credit_note_lines', rows);
    return rows.map((row) => ({
      id: row.id,
      number: row.number,
      invoiceId: row.invoice_id,
      patientId: row.patient_id,
      issueDate: row.issue_date,
      reason: row.reason,
      currency: row.currency,
      lines: lines.get(row.id) ?? [],
      totals: totalsOfRow(row),
      createdAt: row.created_at,
      createdBy: row.created_by,
      parties: toParties(row),
    }));
  }
  const findCreditNote = async (id: string) =>
    (await toCreditNotes(await db.selectFrom('credit_notes').selectAll().where('id', '=', id).execute()))[0];

  return {
    async takeNumber(clinicId, series, year) {
      // One statement on both engines: the first issue of a year makes the row, later ones bump it.
      // PostgreSQL holds the row lock until commit, so a second issuer waits and then reads the
      // committed count; SQLite runs one writer at a time.
      const row = await db
        .insertInto('money_sequences')
        .values({ clinic_id: clinicId, series, year, last_number: 1 })
        .onConflict((oc) =>
          oc
            .columns(['clinic_id', 'series', 'year'])
            .doUpdateSet({ last_number: sql`money_sequences.last_number + 1` }),
        )
        .returning('last_number')
        .executeTakeFirstOrThrow();
      return Number(row.last_number);
    },

    async createInvoice(input) {
      return insertDocument(db, 'invoices', input.lines, findInvoice, {
        id: newId(),
        clinic_id: input.clinicId,
        number: input.number,
        kind: input.kind,
        patient_id: input.patientId,
        course_id: input.courseId,
        quote_id: input.quoteId,
        issue_date: input.issueDate,
        due_date: input.dueDate,
        currency: input.currency,
        ...totalsColumns(input.lines),
        paid_minor: 0,
        credited_minor: 0,
        created_at: now(),
        created_by: input.createdBy,
        ...partyColumns(input.parties),
      });
    },
    findInvoice,
    async listInvoices({ clinicId, patientId, status, from, to }) {
      let query = invoiceRows().where('i.clinic_id', '=', clinicId);
      if (patientId !== undefined) query = query.where('i.patient_id', '=', patientId);
      if (from !== undefined) query = query.where('i.issue_date', '>=', from);
      if (to !== undefined) query = query.where('i.issue_date', '<=', to);
      if (status !== undefined) query = query.where(statusCondition(status));
      return toInvoices(
        await query.orderBy('i.issue_date', 'desc').orderBy('i.number', 'desc').orderBy('i.id', 'desc').execute(),
      );
    },
    async depositsInvoiced({ quoteId, courseId }) {
      if (quoteId === null && courseId === null) return 0;
      let query = db
        .selectFrom('invoices')
        .select((eb) => eb.fn.sum<string | number | null>(sql`total_minor - credited_minor`).as('left'))
        .where('kind', '=', 'deposit');
      query = quoteId !== null ? query.where('quote_id', '=', quoteId) : query.where('course_id', '=', courseId);
      const row = await query.executeTakeFirst();
      return Number(row?.left ?? 0);
    },
    async addPaid(invoiceId, amountMinor, anyAmount) {
      let query = db
        .updateTable('invoices')
        .set((eb) => ({ paid_minor: eb('paid_minor', '+', amountMinor) }))
        .where('id', '=', invoiceId);
      // The guard is the condition: a concurrent payment that got in first leaves too little owed.
      if (!anyAmount) query = query.where(sql<boolean>`total_minor - paid_minor - credited_minor >= ${amountMinor}`);
      return Number((await query.executeTakeFirst()).numUpdatedRows) === 1;
    },
    async addCredited(invoiceId, amountMinor) {
      const result = await db
        .updateTable('invoices')
        .set((eb) => ({ credited_minor: eb('credited_minor', '+', amountMinor) }))
        .where('id', '=', invoiceId)
        .where(sql<boolean>`credited_minor + ${amountMinor} <= total_minor`)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    createPayment: (input) =>
      payments.insert({
        id: newId(),
        clinic_id: input.clinicId,
        invoice_id: input.invoiceId,
        patient_id: input.patientId,
        amount_minor: input.amountMinor,
        currency: input.currency,
        method: input.method,
        received_at: input.receivedAt,
        reference: input.reference,
        recorded_by: input.recordedBy,
        created_at: now(),
      }),
    listPayments: (invoiceId) => payments.listBy('invoice_id', invoiceId, 'received_at', 'id'),
    async listPaymentsReceived(clinicId, from, to) {
      const rows = await db
        .selectFrom('payments as pm')
        .innerJoin('invoices as i', 'i.id', 'pm.invoice_id')
        .innerJoin('patients as p', 'p.id', 'pm.patient_id')
        .selectAll('pm')
        .select(['i.number', 'p.first_name', 'p.last_name'])
        .where('pm.clinic_id', '=', clinicId)
        .where('pm.received_at', '>=', from)
        .where('pm.received_at', '<', to)
        .orderBy('pm.received_at')
        .orderBy('pm.id')
        .execute();
      return rows.map((row) => ({
        ...toPayment(row),
        invoiceNumber: row.number,
        patientName: `${row.first_name} ${row.last_name}`,
      }));
    },

    async createCreditNote(input) {
      return insertDocument(db, 'credit_notes', input.lines, findCreditNote, {
        id: newId(),
        clinic_id: input.clinicId,
        number: input.number,
        invoice_id: input.invoiceId,
        patient_id: input.patientId,
        issue_date: input.issueDate,
        reason: input.reason,
        currency: input.currency,
        ...totalsColumns(input.lines),
        created_at: now(),
        created_by: input.createdBy,
        ...partyColumns(input.parties),
      });
    },
    findCreditNote,
    async listCreditNotes(invoiceId) {
      return toCreditNotes(
        await db.selectFrom('credit_notes').selectAll().where('invoice_id', '=', invoiceId).orderBy('number').execute(),
      );
    },
    async listCreditNotesIssued(clinicId, from, to) {
      return toCreditNotes(
        await db
          .selectFrom('credit_notes')
          .selectAll()
          .where('clinic_id', '=', clinicId)
          .where('issue_date', '>=', from)
          .where('issue_date', '<=', to)
          .orderBy('issue_date')
          .orderBy('number')
          .execute(),
      );
    },

    async owedAsOf(clinicId, asOf, dayEnd) {
      const paidThen = sql<number>`(select coalesce(sum(pm.amount_minor), 0) from payments pm
        where pm.invoice_id = i.id and pm.received_at < ${dayEnd})`;
      const creditedThen = sql<number>`(select coalesce(sum(cn.total_minor), 0) from credit_notes cn
        where cn.invoice_id = i.id and cn.issue_date <= ${asOf})`;
      // Only invoices owing now, or changed after the day: any other was settled by then too.
      const rows = await invoiceRows()
        .select([paidThen.as('paid_then'), creditedThen.as('credited_then')])
        .where('i.clinic_id', '=', clinicId)
        .where('i.issue_date', '<=', asOf)
        .where((eb) =>
          eb.or([
            eb(sql`i.total_minor - i.paid_minor - i.credited_minor`, '>', 0),
            eb.exists(
              eb
                .selectFrom('payments as later')
                .select('later.id')
                .whereRef('later.invoice_id', '=', 'i.id')
                .where('later.received_at', '>=', dayEnd),
            ),
            eb.exists(
              eb
                .selectFrom('credit_notes as later_cn')
                .select('later_cn.id')
                .whereRef('later_cn.invoice_id', '=', 'i.id')
                .where('later_cn.issue_date', '>', asOf),
            ),
          ]),
        )
        .orderBy('i.issue_date')
        .orderBy('i.number')
        .execute();
      const invoices = await toInvoices(rows);
      return invoices.flatMap((invoice, index) => {
        const row = rows[index];
        const balanceMinor = invoice.totals.totalMinor - Number(row?.paid_then ?? 0) - Number(row?.credited_then ?? 0);
        return balanceMinor > 0 ? [{ invoice, balanceMinor }] : [];
      });
    },
  };
}
