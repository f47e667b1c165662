import type { Body, Ok } from '../api/api-types';
import { api, call } from '../api/client';

/** Names for the money shapes of schema.d.ts (the server's OpenAPI document). */
export type PriceListItem = Ok<'/api/prices', 'get'>['items'][number];
export type PriceKind = PriceListItem['kind'];
export type Quote = Ok<'/api/quotes/{id}', 'get'>;
export type QuoteStatus = Quote['status'];
export type MoneyLine = Quote['lines'][number];
export type Invoice = Ok<'/api/invoices', 'get'>['items'][number];
export type InvoiceKind = Invoice['kind'];
export type InvoiceStatus = Invoice['status'];
/** An invoice with the payments and credit notes against it. */
export type InvoiceDetail = Ok<'/api/invoices/{id}', 'get'>;
export type Payment = Ok<'/api/invoices/{id}/payments', 'post'>;
export type PaymentMethod = Payment['method'];
export type CreditNote = Ok<'/api/invoices/{id}/credit-notes', 'post'>;
export type Takings = Ok<'/api/money/takings', 'get'>;
export type Owed = Ok<'/api/money/owed', 'get'>;
export type BillingDetails = Ok<'/api/money/billing-details', 'get'>;
export type BillingDetailsChange = Body<'/api/money/billing-details', 'put'>;

export type NewPrice = Body<'/api/prices', 'post'>;
export type PriceChange = Body<'/api/prices/{id}', 'patch'>;
export type NewQuote = Body<'/api/quotes', 'post'>;
/** A line as sent: from the price list (`priceId`) or typed (`description`); a typed price overrides the list's. */
export type LineInput = NonNullable<NewQuote['lines']>[number];
export type NewInvoice = Body<'/api/invoices', 'post'>;
export type NewPayment = Body<'/api/invoices/{id}/payments', 'post'>;
export type NewCreditNote = Body<'/api/invoices/{id}/credit-notes', 'post'>;

const path = (id: string) => ({ params: { path: { id } } });

/** The money routes of the server, one function each. */
export const moneyApi = {
  listPrices: (query: { active?: boolean } = {}) =>
    call(api.GET('/api/prices', { params: { query: query.active ? { active: 'true' } : {} } })),
  createPrice: (body: NewPrice) => call(api.POST('/api/prices', { body })),
  changePrice: (priceId: string, body: PriceChange) => call(api.PATCH('/api/prices/{id}', { ...path(priceId), body })),

  listQuotes: (query: { patientId?: string; courseId?: string; status?: QuoteStatus }) =>
    call(api.GET('/api/quotes', { params: { query } })),
  createQuote: (body: NewQuote) => call(api.POST('/api/quotes', { body })),
  quoteAction: (quoteId: string, action: 'accept' | 'decline' | 'withdraw') => {
    if (action === 'accept') return call(api.POST('/api/quotes/{id}/accept', path(quoteId)));
    if (action === 'decline') return call(api.POST('/api/quotes/{id}/decline', path(quoteId)));
    return call(api.POST('/api/quotes/{id}/withdraw', path(quoteId)));
  },

  listInvoices: (query: { patientId?: string; status?: InvoiceStatus; from?: string; to?: string }) =>
    call(api.GET('/api/invoices', { params: { query } })),
  getInvoice: (invoiceId: string) => call(api.GET('/api/invoices/{id}', path(invoiceId))),
  createInvoice: (body: NewInvoice) => call(api.POST('/api/invoices', { body })),
  recordPayment: (invoiceId: string, body: NewPayment) =>
    call(api.POST('/api/invoices/{id}/payments', { ...path(invoiceId), body })),
  issueCreditNote: (invoiceId: string, body: NewCreditNote) =>
    call(api.POST('/api/invoices/{id}/credit-notes', { ...path(invoiceId), body })),

  takings: (date?: string) => call(api.GET('/api/money/takings', { params: { query: date ? { date } : {} } })),
  owed: (asOf?: string) => call(api.GET('/api/money/owed', { params: { query: asOf ? { asOf } : {} } })),
  billingDetails: () => call(api.GET('/api/money/billing-details')),
  saveBillingDetails: (body: BillingDetailsChange) => call(api.PUT('/api/money/billing-details', { body })),
};

function withQuery(url: string, query: Record<string, string>): string {
  return `${url}?${new URLSearchParams(query).toString()}`;
}

const id = (value: string) => encodeURIComponent(value);

/** Links the browser downloads itself (PDFs in the reader's language, the accountant's CSV). */
export const moneyLinks = {
  invoicePdf: (invoiceId: string, lang: string) => withQuery(`/api/invoices/${id(invoiceId)}/pdf`, { lang }),
  creditNotePdf: (creditNoteId: string, lang: string) =>
    withQuery(`/api/credit-notes/${id(creditNoteId)}/pdf`, { lang }),
  exportCsv: (from: string, to: string) => withQuery('/api/money/export.csv', { from, to }),
};
