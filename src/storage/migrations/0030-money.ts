import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder } from 'kysely';
import type { Migration } from 'kysely/migration';
import { engineOf } from '../create-database.js';
import { flagColumn, idColumn, index, indexColumns, oneOf, ownedTable, type MigrationDb } from './schema-helpers.js';

// Listed here, not imported: a migration describes the schema as it was made, whatever the code becomes.
const priceKinds = ['session', 'course_package', 'product', 'area'];
const quoteStatuses = ['open', 'accepted', 'declined', 'withdrawn'];
const invoiceKinds = ['invoice', 'deposit'];
const paymentMethods = ['cash', 'card', 'transfer'];
const sequenceSeries = ['invoice', 'credit_note'];

type Table = CreateTableBuilder<string, never>;

const atLeast = (column: string, min: number) => (c: ColumnDefinitionBuilder) =>
  c.notNull().check(sql`${sql.ref(column)} >= ${sql.lit(min)}`);

/** Hundredths of a percent, 0 to 100 %: 7.5 % is stored as 750, so rates stay whole numbers. */
const taxRateColumn = (c: ColumnDefinitionBuilder) => c.notNull().check(sql`tax_rate_bp between 0 and 10000`);

/**
 * Money (issue 21): a price list, quotes with their lines, invoices and credit notes with theirs,
 * payments, and a counter per clinic, series and year from which invoice and credit-note numbers
 * are taken inside the transaction that issues them, so the numbers run without gaps. Amounts are
 * whole minor units (cents, kuruş) in integer columns, and the CHECKs hold the rules a write that
 * skipped the services could break: no negative prices or payments, a three-letter currency, a tax
 * rate within 0..100 %, totals that add up, an invoice never credited beyond its total. Invoices and
 * credit notes keep their own copy of the issuer's and the patient's details as printed at issue.
 */
export const moneyMigration: Migration = {
  async up(db: MigrationDb) {
    // ISO 4217 form, three capitals; the engines differ in how a pattern is written.
    const currencyCheck = (column: string) =>
      engineOf(db) === 'postgres'
        ? sql`${sql.ref(column)} ~ '^[A-Z]{3}$'`
        : sql`${sql.ref(column)} glob '[A-Z][A-Z][A-Z]'`;
    const currencyColumn = (c: ColumnDefinitionBuilder) => c.notNull().check(currencyCheck('currency'));
    const amounts = <T extends Table>(table: T, totalMin: number | null): T =>
      table
        .addColumn('net_minor', 'integer', (c) => c.notNull())
        .addColumn('tax_minor', 'integer', (c) => c.notNull())
        .addColumn('total_minor', 'integer', (c) =>
          totalMin === null
            ? c.notNull().check(sql`total_minor = net_minor + tax_minor`)
            : c.notNull().check(sql`total_minor = net_minor + tax_minor and total_minor >= ${sql.lit(totalMin)}`),
        ) as T;
    // What an issued document prints about who it is from and to, copied when it is issued: the
    // clinic's billing details and the patient's name change, a document already issued does not.
    const issuedParties = <T extends Table>(table: T): T =>
      table
        .addColumn('issuer_name', 'text', (c) => c.notNull())
        .addColumn('issuer_address', 'text')
        .addColumn('issuer_phone', 'text')
        .addColumn('issuer_email', 'text')
        .addColumn('issuer_tax_id', 'text')
        .addColumn('patient_name', 'text', (c) => c.notNull())
        .addColumn('patient_email', 'text') as T;
    // An issued document: the clinic's, numbered in its series.
    const numbered = (table: string) =>
      idColumn(db.schema.createTable(table))
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('number', 'text', (c) => c.notNull());
    const lineTable = async (table: string, parent: string, parentTable: string) => {
      await amounts(
        db.schema
          .createTable(table)
          .addColumn(parent, 'text', (c) => c.notNull().references(`${parentTable}.id`).onDelete('cascade'))
          .addColumn('position', 'integer', atLeast('position', 0))
          .addColumn('description', 'text', (c) => c.notNull())
          .addColumn('quantity', 'integer', atLeast('quantity', 1))
          .addColumn('unit_price_minor', 'integer', (c) => c.notNull())
          .addColumn('tax_rate_bp', 'integer', taxRateColumn)
          .addColumn('price_id', 'text', (c) => c.references('prices.id'))
          .addPrimaryKeyConstraint(`${table}_pk`, [parent, 'position']),
        null,
      )
        .addCheckConstraint(`${table}_net`, sql`net_minor = quantity * unit_price_minor`)
        .execute();
      await indexColumns(db, table, ['price_id']);
    };

    await ownedTable(db, 'clinic_billing_details', 'clinic_id', 'clinics')
      .addColumn('legal_name', 'text')
      .addColumn('address', 'text')
      .addColumn('phone', 'text')
      .addColumn('email', 'text')
      .addColumn('tax_id', 'text')
      .addColumn('currency', 'text', (c) => c.check(currencyCheck('currency')))
      .addColumn('payment_term_days', 'integer', (c) => c.check(sql`payment_term_days between 0 and 365`))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await idColumn(db.schema.createTable('prices'))
      .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
      .addColumn('kind', 'text', oneOf('kind', priceKinds))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('indication', 'text')
      .addColumn('sessions', 'integer', (c) => c.check(sql`sessions > 0`))
      .addColumn('product_id', 'text', (c) => c.references('products.id'))
      .addColumn('area', 'text')
      .addColumn('unit_price_minor', 'integer', atLeast('unit_price_minor', 0))
      .addColumn('currency', 'text', currencyColumn)
      .addColumn('tax_rate_bp', 'integer', taxRateColumn)
      .addColumn('active', 'integer', flagColumn('active', 1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      // A package says how many sessions it covers; nothing else does.
      .addCheckConstraint('prices_package_sessions', sql`(kind = 'course_package') = (sessions is not null)`)
      .execute();
    await indexColumns(db, 'prices', ['clinic_id', 'product_id']);

    await amounts(
      idColumn(db.schema.createTable('quotes'))
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
        .addColumn('course_id', 'text', (c) => c.references('courses.id'))
        .addColumn('currency', 'text', currencyColumn)
        .addColumn('deposit_minor', 'integer', atLeast('deposit_minor', 0))
        .addColumn('status', 'text', oneOf('status', quoteStatuses))
        .addColumn('valid_until', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.references('users.id'))
        .addColumn('updated_at', 'text', (c) => c.notNull()),
      0,
    )
      .addCheckConstraint('quotes_deposit_within_total', sql`deposit_minor <= total_minor`)
      .execute();
    await indexColumns(db, 'quotes', ['clinic_id', 'patient_id', 'course_id', 'created_by']);
    await lineTable('quote_lines', 'quote_id', 'quotes');

    await amounts(
      issuedParties(
        numbered('invoices')
          .addColumn('kind', 'text', oneOf('kind', invoiceKinds))
          .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
          .addColumn('course_id', 'text', (c) => c.references('courses.id'))
          .addColumn('quote_id', 'text', (c) => c.references('quotes.id'))
          .addColumn('issue_date', 'text', (c) => c.notNull())
          .addColumn('due_date', 'text')
          .addColumn('currency', 'text', currencyColumn)
          .addColumn('paid_minor', 'integer', (c) =>
            c
              .notNull()
              .defaultTo(0)
              .check(sql`paid_minor >= 0`),
          )
          .addColumn('credited_minor', 'integer', (c) =>
            c
              .notNull()
              .defaultTo(0)
              .check(sql`credited_minor >= 0`),
          )
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.references('users.id')),
      ).addUniqueConstraint('invoices_number_unique', ['clinic_id', 'number']),
      0,
    )
      .addCheckConstraint('invoices_credit_within_total', sql`credited_minor <= total_minor`)
      .execute();
    await indexColumns(db, 'invoices', ['patient_id', 'course_id', 'quote_id', 'created_by']);
    await index(db, 'invoices_clinic_issue_idx', 'invoices', ['clinic_id', 'issue_date']).execute();
    await lineTable('invoice_lines', 'invoice_id', 'invoices');

    await amounts(
      issuedParties(
        numbered('credit_notes')
          .addColumn('invoice_id', 'text', (c) => c.notNull().references('invoices.id'))
          .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
          .addColumn('issue_date', 'text', (c) => c.notNull())
          .addColumn('reason', 'text', (c) => c.notNull())
          .addColumn('currency', 'text', currencyColumn)
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.references('users.id')),
      ).addUniqueConstraint('credit_notes_number_unique', ['clinic_id', 'number']),
      1,
    ).execute();
    await indexColumns(db, 'credit_notes', ['invoice_id', 'patient_id', 'created_by']);
    await lineTable('credit_note_lines', 'credit_note_id', 'credit_notes');

    await idColumn(db.schema.createTable('payments'))
      .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
      .addColumn('invoice_id', 'text', (c) => c.notNull().references('invoices.id'))
      .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
      .addColumn('amount_minor', 'integer', atLeast('amount_minor', 1))
      .addColumn('currency', 'text', currencyColumn)
      .addColumn('method', 'text', oneOf('method', paymentMethods))
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('reference', 'text')
      .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await indexColumns(db, 'payments', ['invoice_id', 'patient_id', 'recorded_by']);
    await index(db, 'payments_clinic_received_idx', 'payments', ['clinic_id', 'received_at']).execute();

    // The last number taken per clinic, series and year: the row is taken and bumped by the
    // transaction that issues the document, so a rolled-back issue gives its number back.
    await db.schema
      .createTable('money_sequences')
      .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id').onDelete('cascade'))
      .addColumn('series', 'text', oneOf('series', sequenceSeries))
      .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 1 and 9999`))
      .addColumn('last_number', 'integer', atLeast('last_number', 1))
      .addPrimaryKeyConstraint('money_sequences_pk', ['clinic_id', 'series', 'year'])
      .execute();
  },

  async down(db: MigrationDb) {
    for (const table of [
      'money_sequences',
      'payments',
      'credit_note_lines',
      'credit_notes',
      'invoice_lines',
      'invoices',
      'quote_lines',
      'quotes',
      'prices',
      'clinic_billing_details',
    ])
      await db.schema.dropTable(table).execute();
  },
};
