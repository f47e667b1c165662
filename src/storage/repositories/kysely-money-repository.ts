import type { Selectable } from 'kysely';
import type { ClinicBillingDetails, Quote } from '../../core/money/money-records.js';
import { percentOf, taxBasisPoints } from '../../core/money/money-lines.js';
import type { PriceListItem } from '../../core/money/money-types.js';
import type { ClinicBillingDetailsTable, PricesTable, QuotesTable } from '../database-schema.js';
import { newId } from '../ids.js';
import { definedFields } from './defined-fields.js';
import { firstRecord } from './first-record.js';
import { insertDocument, linesOf, totalsColumns, totalsOfRow } from './money-line-rows.js';
import type { MoneyRepository } from './money-repository.js';
import type { RepositoryContext } from './repository-context.js';
import { tableRows, upsertRow } from './table-rows.js';
import { isSet, numberOrNull, rowMapper } from './row-mapper.js';

const toPrice = rowMapper<Selectable<PricesTable>, PriceListItem>()(
  [
    'id, clinic_id, kind, name, indication, sessions, product_id, area, unit_price_minor, currency',
    'tax_rate_bp as taxRatePercent, active',
  ],
  {
    sessions: numberOrNull,
    unitPriceMinor: Number,
    taxRatePercent: (basisPoints) => percentOf(Number(basisPoints)),
    active: isSet,
  },
);

const toBilling = rowMapper<Selectable<ClinicBillingDetailsTable>, ClinicBillingDetails>()(
  'clinic_id, legal_name, address, phone, email, tax_id, currency, payment_term_days',
  { paymentTermDays: numberOrNull },
);

export function kyselyMoneyRepository({ db, now }: RepositoryContext): MoneyRepository {
  const prices = tableRows(db, 'prices', toPrice);

  async function withLines(rows: readonly Selectable<QuotesTable>[]): Promise<Quote[]> {
    const lines = await linesOf(db, 'quote_lines', rows);
    return rows.map((row) => ({
      id: row.id,
      clinicId: row.clinic_id,
      patientId: row.patient_id,
      courseId: row.course_id,
      currency: row.currency,
      lines: lines.get(row.id) ?? [],
      totals: totalsOfRow(row),
      depositMinor: Number(row.deposit_minor),
      status: row.status,
      validUntil: row.valid_until,
      createdAt: row.created_at,
      createdBy: row.created_by,
    }));
  }
  const findQuote = async (id: string) =>
    (await withLines(await db.selectFrom('quotes').selectAll().where('id', '=', id).execute()))[0];

  return {
    findBillingDetails: (clinicId) =>
      firstRecord(db.selectFrom('clinic_billing_details').selectAll().where('clinic_id', '=', clinicId), toBilling),
    async saveBillingDetails(details) {
      const row: Selectable<ClinicBillingDetailsTable> = {
        clinic_id: details.clinicId,
        legal_name: details.legalName,
        address: details.address,
        phone: details.phone,
        email: details.email,
        tax_id: details.taxId,
        currency: details.currency,
        payment_term_days: details.paymentTermDays,
        updated_at: now(),
      };
      await upsertRow(db, 'clinic_billing_details', 'clinic_id', row);
      return toBilling(row);
    },

    async createPrice(input) {
      const at = now();
      return prices.insert({
        id: newId(),
        clinic_id: input.clinicId,
        kind: input.kind,
        name: input.name,
        indication: input.indication,
        sessions: input.sessions,
        product_id: input.productId,
        area: input.area,
        unit_price_minor: input.unitPriceMinor,
        currency: input.currency,
        tax_rate_bp: taxBasisPoints(input.taxRatePercent),
        active: 1,
        created_at: at,
        updated_at: at,
      });
    },
    findPrice: prices.findById,
    async listPrices(clinicId, options = {}) {
      let query = db.selectFrom('prices').selectAll().where('clinic_id', '=', clinicId);
      if (options.active !== undefined) query = query.where('active', '=', options.active ? 1 : 0);
      if (options.kind !== undefined) query = query.where('kind', '=', options.kind);
      const rows = await query.orderBy('kind').orderBy('name').orderBy('id').execute();
      return rows.map(toPrice);
    },
    updatePrice: (id, patch) =>
      prices.updateById(id, {
        ...definedFields({
          name: patch.name,
          unit_price_minor: patch.unitPriceMinor,
          tax_rate_bp: patch.taxRatePercent === undefined ? undefined : taxBasisPoints(patch.taxRatePercent),
          active: patch.active === undefined ? undefined : patch.active ? 1 : 0,
        }),
        updated_at: now(),
      }),

    async createQuote(input) {
      const at = now();
      return insertDocument(db, 'quotes', input.lines, findQuote, {
        id: newId(),
        clinic_id: input.clinicId,
        patient_id: input.patientId,
        course_id: input.courseId,
        currency: input.currency,
        deposit_minor: input.depositMinor,
        status: 'open',
        valid_until: input.validUntil,
        ...totalsColumns(input.lines),
        created_at: at,
        created_by: input.createdBy,
        updated_at: at,
      });
    },
    findQuote,
    async listQuotes({ clinicId, patientId, courseId, status }) {
      let query = db.selectFrom('quotes').selectAll().where('clinic_id', '=', clinicId);
      if (patientId !== undefined) query = query.where('patient_id', '=', patientId);
      if (courseId !== undefined) query = query.where('course_id', '=', courseId);
      if (status !== undefined) query = query.where('status', '=', status);
      return withLines(await query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute());
    },
    async decideQuote(id, status) {
      const result = await db
        .updateTable('quotes')
        .set({ status, updated_at: now() })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1 ? findQuote(id) : undefined;
    },
  };
}
