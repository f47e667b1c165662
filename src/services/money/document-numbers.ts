import type { Repositories } from '../../storage/repositories/repositories.js';

/** `2026-000042` for invoices, `CN-2026-000007` for credit notes: one gapless sequence each per year. */
export function documentNumber(series: 'invoice' | 'credit_note', year: number, sequence: number): string {
  const body = `${String(year).padStart(4, '0')}-${String(sequence).padStart(6, '0')}`;
  return series === 'credit_note' ? `CN-${body}` : body;
}

/**
 * The next number of the series for the issue date's year, taken inside the caller's transaction
 * (which must then write the document): it is the last thing done before the insert, so the counter
 * row stays locked as briefly as possible.
 */
export async function takeDocumentNumber(
  tx: Repositories,
  clinicId: string,
  series: 'invoice' | 'credit_note',
  issueDate: string,
): Promise<string> {
  const year = Number(issueDate.slice(0, 4));
  return documentNumber(series, year, await tx.invoices.takeNumber(clinicId, series, year));
}
