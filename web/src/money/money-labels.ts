import type { InvoiceStatus, PaymentMethod, PriceKind, QuoteStatus } from './money-api';

/** The server's codes, listed here because the web app bundles nothing of src/core but its types. */
export const priceKinds: readonly PriceKind[] = ['session', 'course_package', 'product', 'area'];
export const paymentMethods: readonly PaymentMethod[] = ['cash', 'card', 'transfer'];

export const quoteStatusColor: Record<QuoteStatus, string> = {
  open: 'blue',
  accepted: 'teal',
  declined: 'gray',
  withdrawn: 'gray',
};

export const invoiceStatusColor: Record<InvoiceStatus, string> = {
  issued: 'blue',
  part_paid: 'orange',
  paid: 'teal',
  credited: 'gray',
};
