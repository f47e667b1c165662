import { balanceOf, isOverpayment } from '../../core/money/invoice-rules.js';
import type { Invoice, Payment } from '../../core/money/money-records.js';
import type { PaymentMethod } from '../../core/money/money-types.js';
import type { UserRecord } from '../../core/records/index.js';
import type { AuditEvent } from '../../storage/repositories/audit-entries.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { conflict, invalidField } from '../domain-errors.js';
import { invoiceAfterEntry } from './invoice-entries.js';
import { loadWritableInvoice } from './money-access.js';

export interface PaymentRequest {
  amountMinor: number;
  method: PaymentMethod;
  receivedAt?: string | undefined;
  reference?: string | null | undefined;
  acceptOverpayment?: boolean | undefined;
}

/** A payment recorded a little ahead of the server's clock is a clock skew; further ahead, a typo. */
const futureToleranceMs = 5 * 60_000;

const overpayment = (owed: number, amount: number) =>
  conflict('overpayment', `the payment of ${amount} is more than the ${Math.max(owed, 0)} owed`, {
    problems: [
      {
        field: 'amountMinor',
        message: `is more than the ${Math.max(owed, 0)} owed; send acceptOverpayment: true to keep it`,
      },
    ],
    owedMinor: Math.max(owed, 0),
  });

/**
 * Records a payment against an invoice in the caller's transaction. More than is owed is refused
 * unless `acceptOverpayment`, and the check is the invoice update's own condition, so two payments
 * recorded at once cannot together overpay.
 */
export async function recordPayment(
  tx: Repositories,
  user: UserRecord,
  invoiceId: string,
  input: PaymentRequest,
  now: Date,
): Promise<{ payment: Payment; invoice: Invoice; audit: AuditEvent[] }> {
  const { invoice } = await loadWritableInvoice(tx, user, invoiceId);
  const receivedAt = input.receivedAt ?? now.toISOString();
  if (Date.parse(receivedAt) > now.getTime() + futureToleranceMs)
    throw invalidField('receivedAt', 'must not be in the future');
  const accept = input.acceptOverpayment === true;
  const amounts = {
    totalMinor: invoice.totals.totalMinor,
    paidMinor: invoice.paidMinor,
    creditedMinor: invoice.creditedMinor,
  };
  if (!accept && isOverpayment(amounts, input.amountMinor)) throw overpayment(balanceOf(amounts), input.amountMinor);
  if (!(await tx.invoices.addPaid(invoice.id, input.amountMinor, accept))) {
    const now = await tx.invoices.findInvoice(invoice.id);
    throw overpayment(now?.balanceMinor ?? 0, input.amountMinor);
  }
  const payment = await tx.invoices.createPayment({
    clinicId: invoice.clinicId,
    invoiceId: invoice.id,
    patientId: invoice.patientId,
    amountMinor: input.amountMinor,
    currency: invoice.currency,
    method: input.method,
    receivedAt,
    reference: input.reference ?? null,
    recordedBy: user.id,
  });
  return { payment, ...(await invoiceAfterEntry(tx, invoice, { entity: 'payment', id: payment.id })) };
}
