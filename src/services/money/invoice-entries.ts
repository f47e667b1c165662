import type { Invoice } from '../../core/money/money-records.js';
import type { AuditEvent } from '../../storage/repositories/audit-entries.js';
import type { Repositories } from '../../storage/repositories/repositories.js';
import { notFound } from '../domain-errors.js';

/**
 * The invoice re-read after a payment or credit note was booked against it (its balance and status
 * moved), with the audit of both: the entry created, the invoice updated.
 */
export async function invoiceAfterEntry(
  tx: Repositories,
  invoice: Invoice,
  entry: { entity: 'payment' | 'credit_note'; id: string },
): Promise<{ invoice: Invoice; audit: AuditEvent[] }> {
  const updated = await tx.invoices.findInvoice(invoice.id);
  if (!updated) throw notFound('invoice');
  return {
    invoice: updated,
    audit: [
      { action: 'create', entity: entry.entity, entityId: entry.id, patientId: invoice.patientId },
      { action: 'update', entity: 'invoice', entityId: invoice.id, patientId: invoice.patientId },
    ],
  };
}
